import Foundation

/// The templates that come with the program, so that `mentormail init` can copy them next to a
/// new config: built into the binary from templates/ (the EmbedTemplates build plugin), or a
/// folder of them given on the command line.
public enum ShippedTemplates {
    /// A folder counts when it holds the sign-up form's template.
    static let marker = "signup-form.txt.mustache"

    /// The templates built into the program, by path ("help.txt.mustache", translations as
    /// "es/help.txt.mustache"): the bytes of templates/ when the program was built.
    public static var builtIn: [(path: String, contents: Data)] {
        builtInFiles.map { ($0.path, Data(base64Encoded: $0.base64) ?? Data()) }
    }

    /// The folder `path` names (relative to `currentDirectory`) when it holds shipped templates.
    public static func folder(_ path: String, currentDirectory: URL) -> URL? {
        let folder = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path) ? folder : nil
    }

    /// Writes the templates of `source` (its `*.mustache` and those of each translation folder,
    /// `es/`, …), or when nil the ones built in, into `target` (created if needed). Existing
    /// files are kept unless `overwrite`: a coordinator may have edited them. Returns the files
    /// written, translations as `es/NAME`.
    @discardableResult
    public static func install(from source: URL? = nil, to target: URL, overwrite: Bool) throws -> [String] {
        let fileManager = FileManager.default
        var written: [String] = []
        do {
            try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
            for file in try source.map(files(in:)) ?? builtIn {
                let destination = target.appendingPathComponent(file.path)
                if fileManager.fileExists(atPath: destination.path) {
                    guard overwrite else { continue }
                    try fileManager.removeItem(at: destination)
                }
                try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: destination)
                written.append(file.path)
            }
        } catch {
            let from = source.map { " from \($0.path)" } ?? ""
            throw MentorMailError(.unavailable, "cannot write the shipped templates\(from) to \(target.path): \(error.localizedDescription)")
        }
        return written
    }

    /// The `*.mustache` of `folder` and of its translation folders, by path inside it.
    private static func files(in folder: URL) throws -> [(path: String, contents: Data)] {
        var files: [(path: String, contents: Data)] = []
        for prefix in [""] + TemplateLibrary.languageFolders(in: folder.path).map({ $0 + "/" }) {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(prefix).path)
            for name in names.sorted() where name.hasSuffix(".mustache") {
                files.append((prefix + name, try Data(contentsOf: folder.appendingPathComponent(prefix + name))))
            }
        }
        return files
    }
}
