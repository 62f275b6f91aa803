import Foundation

/// Makes sure only one run works on a program at a time (cron may start the next run
/// while the previous one is still sending).
///
/// An advisory `flock` on a file beside the database: the kernel releases it when the
/// process ends, even on SIGKILL, so a crash never leaves a stale lock behind.
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock or throws `.busy` at once (no waiting).
    public init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let fix = [EACCES, EPERM, EROFS].contains(code)
                ? "run mentormail as the user that owns \(folder) (cron's user), or let that user write there (chown or chmod the folder and its files)"
                : "check the folder of [program] database, \(folder)"
            throw MentorMailError(.unavailable, "cannot open the lock file \(path): \(String(cString: strerror(code))); \(fix)")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw MentorMailError(.busy, "another mentormail run is working on this program (lock \(path)); try again later")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
