import Foundation

/// Why a folder cannot be created, in plain words, before or after trying.
public enum FolderCreation {
    /// Nil when `path` exists as a folder or could be created by this user; else why not: the
    /// nearest existing part of the path is a file, or a folder this user cannot write in.
    public static func obstacle(_ path: String) -> String? {
        let fileManager = FileManager.default
        var current = URL(fileURLWithPath: path).standardizedFileURL
        while true {
            var isFolder: ObjCBool = false
            if fileManager.fileExists(atPath: current.path, isDirectory: &isFolder) {
                if !isFolder.boolValue { return "\(current.path) is a file, not a folder, so \(path) cannot be made there" }
                if current.path != URL(fileURLWithPath: path).standardizedFileURL.path, !fileManager.isWritableFile(atPath: current.path) {
                    return "this user cannot create folders in \(current.path)"
                }
                return nil
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
