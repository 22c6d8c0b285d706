import Foundation
import Glibc

/// Checks an output file option against the input file options of the same
/// command before anything is opened, because creating the output truncates
/// it, and an output that is also an input would be emptied before it is read.
///
/// Two paths name the same file when their absolute paths, with symlinks and
/// `.`/`..` resolved, are equal, or when both are existing regular files with
/// the same device and inode (hard links, bind mounts). `-` names standard
/// input for an input and standard output for the output, and counts only
/// while that stream is a regular file, as with `< events.jsonl`.
///
/// An output path that is a symlink to an existing file is written through:
/// the returned path is the symlink's target, so the link stays in place.
struct OutputFileCheck {
    /// The option that sets the output, without dashes, such as `to-file`.
    let outputOption: String
    /// Each input option without dashes and its paths, such as (`from-file`, [`a.jsonl`]).
    var inputs: [(option: String, paths: [String])] = []

    init(outputOption: String) {
        self.outputOption = outputOption
    }

    /// Adds the paths of one input option. Nil and empty lists add nothing.
    mutating func addInput(_ option: String, _ paths: [String]) {
        guard !paths.isEmpty else { return }
        inputs.append((option, paths))
    }

    mutating func addInput(_ option: String, _ path: String?) {
        addInput(option, path.map { [$0] } ?? [])
    }

    /// Returns the path to create for `output`: `-` unchanged, and otherwise
    /// the absolute path with symlinks resolved.
    ///
    /// - Throws: `UsageError` naming both options and both paths when the
    ///   output is the same file as an input.
    func checkedPath(_ output: String) throws -> String {
        let outputFile = FileName(output, isOutput: true)
        for (option, paths) in inputs {
            for path in paths where outputFile.isSameFile(as: FileName(path, isOutput: false)) {
                throw UsageError("--\(outputOption) \(Self.describe(output, stream: "standard output")) is the same file as --\(option) \(Self.describe(path, stream: "standard input")), and writing it would destroy that input; choose another --\(outputOption) path")
            }
        }
        return outputFile.resolvedPath ?? output
    }

    private static func describe(_ path: String, stream: String) -> String {
        path == "-" ? "'-' (\(stream))" : "'\(path)'"
    }
}

/// A path as the command line gives it, or a standard stream for `-`.
private struct FileName {
    /// The absolute path with symlinks resolved, or nil for a standard stream.
    let resolvedPath: String?
    /// The device and inode of an existing regular file.
    let identity: FileIdentity?

    init(_ path: String, isOutput: Bool) {
        if path == "-" {
            resolvedPath = nil
            identity = FileIdentity(descriptor: isOutput ? STDOUT_FILENO : STDIN_FILENO)
        } else {
            let resolved = Self.resolve(path)
            resolvedPath = resolved
            identity = FileIdentity(path: resolved)
        }
    }

    func isSameFile(as other: FileName) -> Bool {
        if let path = resolvedPath, path == other.resolvedPath {
            return true
        }
        if let identity, identity == other.identity {
            return true
        }
        return false
    }

    /// Resolves symlinks with realpath(3). For a file that does not exist yet
    /// only its directory is resolved, and the last component is appended.
    private static func resolve(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = realPath(absolute) {
            return real
        }

        // NOTE: a dangling symlink ends here with its own path, so the output
        // replaces the link with a regular file instead of creating its target.
        let url = URL(fileURLWithPath: absolute)
        guard let directory = realPath(url.deletingLastPathComponent().path) else {
            return absolute
        }
        return URL(fileURLWithPath: directory).appendingPathComponent(url.lastPathComponent).path
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The device and inode of a regular file. Other kinds are left out, because
/// a terminal or `/dev/null` is often both an input and an output stream.
private struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    private init?(_ status: stat) {
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
