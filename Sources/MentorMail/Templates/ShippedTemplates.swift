import Foundation

/// The templates that come with the program, found where an installation or a build puts
/// them, so that `mentormail init` can copy them next to a new config.
public enum ShippedTemplates {
    /// A folder counts when it holds the sign-up form's template.
    static let marker = "signup-form.txt.mustache"

    /// The first folder that holds the shipped templates, looking in this order: `explicit`;
    /// `PREFIX/share/mentormail/templates` beside an installed `PREFIX/bin/mentormail`; the
    /// `templates/` folder of the source tree a built binary lives in (`.build/…/mentormail`);
    /// `templates/` in the current folder. `excluding` (the folder being restored) is never the
    /// answer: a folder compared with itself lacks nothing.
    public static func locate(explicit: String?, executable: URL, currentDirectory: URL, excluding: URL? = nil) -> URL? {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit, relativeTo: currentDirectory).standardizedFileURL) }
        let binFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binFolder.deletingLastPathComponent().appendingPathComponent("share/mentormail/templates"))
        var folder = binFolder
        while folder.path != "/" && !folder.path.isEmpty {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                candidates.append(folder.appendingPathComponent("templates"))
                break
            }
            folder.deleteLastPathComponent()
        }
        candidates.append(currentDirectory.appendingPathComponent("templates"))
        let excluded = excluding.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path)
                && $0.standardizedFileURL.resolvingSymlinksInPath().path != excluded
        }
    }

    /// Copies every `*.mustache` of `source` into `target` (created if needed), and each
    /// translation folder (`es/`, …) into a folder of the same name. Existing files are kept
    /// unless `overwrite`: a coordinator may have edited them. Returns the files written,
    /// translations as `es/NAME`.
    @discardableResult
    public static func install(from source: URL, to target: URL, overwrite: Bool) throws -> [String] {
        var written: [String] = []
        try copy(from: source, to: target, prefix: "", overwrite: overwrite, into: &written)
        for language in TemplateLibrary.languageFolders(in: source.path) {
            try copy(from: source.appendingPathComponent(language), to: target.appendingPathComponent(language),
                     prefix: language + "/", overwrite: overwrite, into: &written)
        }
        return written
    }

    private static func copy(from source: URL, to target: URL, prefix: String, overwrite: Bool, into written: inout [String]) throws {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try fileManager.contentsOfDirectory(atPath: source.path).sorted() where name.hasSuffix(".mustache") {
                let destination = target.appendingPathComponent(name)
                if fileManager.fileExists(atPath: destination.path) {
                    guard overwrite else { continue }
                    try fileManager.removeItem(at: destination)
                }
                try fileManager.copyItem(at: source.appendingPathComponent(name), to: destination)
                written.append(prefix + name)
            }
        } catch {
            throw MentorMailError(.unavailable, "cannot copy the templates from \(source.path) to \(target.path): \(error.localizedDescription)")
        }
    }
}
