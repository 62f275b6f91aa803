import Foundation

// Writes a Swift file holding the shipped mail templates, for the EmbedTemplates build plugin:
//   embed-templates TEMPLATES_FOLDER OUTPUT.swift [INPUT...]
// Each `*.mustache` of the folder and of its subfolders (the translations) becomes its path in
// the folder ("es/help.txt.mustache") and its bytes in base64: written out, they are the same
// bytes as the source. The INPUTs are the files the build watches; a template that is not among
// them (added since the plugin listed them) would not rebuild when edited, so the folder is
// touched and the next build runs this again, until the plugin lists it.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: embed-templates TEMPLATES_FOLDER OUTPUT.swift [INPUT...]\n".utf8))
    exit(64)
}
let fileManager = FileManager.default
let templates = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])
let watched = Set(arguments.dropFirst(3).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
var unwatched = false
var source = """
    // Built from templates/ by the EmbedTemplates plugin at each build; not kept in the repository.

    extension ShippedTemplates {
        /// Every shipped template: its path in templates/ and its bytes in base64.
        static let builtInFiles: [(path: String, base64: String)] = [

    """
do {
    for folder in [""] + (try fileManager.contentsOfDirectory(atPath: templates.path)).sorted() where !folder.hasPrefix(".") {
        let url = folder.isEmpty ? templates : templates.appendingPathComponent(folder)
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
        for name in try fileManager.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".mustache") {
            let path = folder.isEmpty ? name : folder + "/" + name
            let file = url.appendingPathComponent(name)
            let bytes = try Data(contentsOf: file)
            if !watched.contains(file.standardizedFileURL.path) { unwatched = true }
            // A file name is written as a string literal: backslash and quote escaped.
            let literal = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            source += "        (\"\(literal)\", \"\(bytes.base64EncodedString())\"),\n"
        }
    }
    source += "    ]\n}\n"
    // Written only when changed, so that the program is recompiled only then.
    if fileManager.contents(atPath: output.path) != Data(source.utf8) {
        try Data(source.utf8).write(to: output, options: .atomic)
    }
    if unwatched { try fileManager.setAttributes([.modificationDate: Date()], ofItemAtPath: templates.path) }
} catch {
    FileHandle.standardError.write(Data("embed-templates: \(error)\n".utf8))
    exit(74)
}
