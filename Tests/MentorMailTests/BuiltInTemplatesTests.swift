import Foundation
import Testing

/// The release binary alone, copied to a server with no source tree and no installed templates:
/// `init` and `init --missing-templates` write the templates it carries, the same bytes as
/// templates/.
@Suite struct BuiltInTemplatesTests {
    /// A copy of the built binary in `folder/bin`, and an empty `folder/work` to run it in,
    /// where no Package.swift (a source tree) lies above either.
    static func looseBinary(in folder: URL) throws -> (binary: URL, work: URL) {
        let bin = folder.appendingPathComponent("bin"), work = folder.appendingPathComponent("work")
        for sub in [bin, work] { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
        var above = folder
        while above.path != "/" && !above.path.isEmpty {
            try #require(!FileManager.default.fileExists(atPath: above.appendingPathComponent("Package.swift").path),
                         "the temporary folder lies in a source tree: \(above.path)")
            above.deleteLastPathComponent()
        }
        let binary = bin.appendingPathComponent("mentormail")
        try FileManager.default.copyItem(at: try CommandRunner.binary(), to: binary)
        return (binary, work)
    }

    /// Every file under `folder`, by its path inside it ("es/help.txt.mustache"), with its bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    static let shipped = CommandRunner.repository.appendingPathComponent("templates")

    @Test func initWithTheBinaryAloneWritesTheShippedTemplates() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-loose")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (binary, work) = try Self.looseBinary(in: folder)
        let result = try CommandRunner.run(["init"], in: work, executable: binary)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("mentormail.toml").path))
        let written = try Self.files(in: work.appendingPathComponent("templates"))
        let expected = try Self.files(in: Self.shipped)
        #expect(written.keys.sorted() == expected.keys.sorted())
        let differing = expected.filter { written[$0.key] != nil && written[$0.key] != $0.value }.keys.sorted()
        #expect(differing.isEmpty, "these differ from templates/: \(differing)")
    }

    @Test func missingTemplatesRestoresADeletedOneWithTheBinaryAlone() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-loose-restore")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (binary, work) = try Self.looseBinary(in: folder)
        let first = try CommandRunner.run(["init", "--templates-from", Self.shipped.path], in: work, executable: binary)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let templates = work.appendingPathComponent("templates")
        for name in ["help.txt.mustache", "es/welcome.html.mustache"] {
            try FileManager.default.removeItem(at: templates.appendingPathComponent(name))
        }
        let restored = try CommandRunner.run(["init", "--missing-templates"], in: work, executable: binary)
        #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
        #expect(restored.stdout.contains("Added 2 template(s)"), "\(restored.stdout)")
        for name in ["help.txt.mustache", "es/welcome.html.mustache"] {
            #expect(FileManager.default.contents(atPath: templates.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: Self.shipped.appendingPathComponent(name).path), "\(name)")
        }
    }

    /// A folder given with --templates-from is copied instead of the templates built in.
    @Test func aFolderGivenExplicitlyWins() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-loose-from")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (binary, work) = try Self.looseBinary(in: folder)
        let own = folder.appendingPathComponent("our-templates")
        try FileManager.default.copyItem(at: Self.shipped, to: own)
        let welcome = own.appendingPathComponent("welcome.txt.mustache")
        let edited = try String(contentsOf: welcome, encoding: .utf8) + "\nOur own words.\n"
        try edited.write(to: welcome, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["init", "--templates-from", own.path], in: work, executable: binary)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try String(contentsOf: work.appendingPathComponent("templates/welcome.txt.mustache"), encoding: .utf8) == edited)
    }
}
