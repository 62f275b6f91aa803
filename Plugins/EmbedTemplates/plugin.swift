import Foundation
import PackagePlugin

/// Builds the shipped mail templates (the package's templates/ folder and its language folders)
/// into the target as Swift source, so that the binary carries them: `mentormail init` then needs
/// no copy on disk. Every template and folder is an input: editing, adding or removing one rebuilds.
@main struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appendingPathComponent("templates")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltInTemplates.swift")
        let fileManager = FileManager.default
        var inputs: [URL] = []
        for folder in [""] + (try fileManager.contentsOfDirectory(atPath: templates.path)).sorted() where !folder.hasPrefix(".") {
            let url = folder.isEmpty ? templates : templates.appendingPathComponent(folder)
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            inputs.append(url)
            for name in try fileManager.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".mustache") {
                inputs.append(url.appendingPathComponent(name))
            }
        }
        return [.buildCommand(
            displayName: "Building the shipped mail templates into \(target.name)",
            executable: try context.tool(named: "embed-templates").url,
            arguments: [templates.path, output.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
