/// How a service instance ended.
public enum ServiceExit: Sendable, Equatable {
    /// Stopped on request after committing its last batch and leaving the group.
    case stopped
    /// Stopped on an error that retrying cannot fix (fenced producer,
    /// authorization, invalid topics, failed restore), with the reason.
    case failed(String)

    /// The process exit status: 0 after a requested stop, 1 after a failure.
    public var exitStatus: Int32 {
        switch self {
        case .stopped: 0
        case .failed: 1
        }
    }
}
