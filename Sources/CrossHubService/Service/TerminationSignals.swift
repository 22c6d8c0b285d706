import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into calls on a Dispatch queue, so that the
/// handler may lock, log and allocate (a plain signal handler may not).
///
/// The first signal calls `onFirst`; any later one calls `onRepeat`.
/// Keep the instance alive as long as the signals should be caught.
///
/// `@unchecked Sendable`: `sources` is set once in `init`, and Dispatch
/// sources may be cancelled from any thread.
public final class TerminationSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    /// Starts catching SIGTERM and SIGINT. Their default actions are turned off until ``cancel()``.
    ///
    /// - Parameters:
    ///   - onFirst: called with the signal's name (`SIGTERM`) for the first signal.
    ///   - onRepeat: called with the signal's name for every later signal.
    public init(onFirst: @escaping @Sendable (String) -> Void, onRepeat: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "crosshub.signals")
        let count = SignalCount()
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if count.increment() == 1 { onFirst(name) } else { onRepeat(name) }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Stops catching the signals and restores their default actions.
    public func cancel() {
        sources.forEach { $0.cancel() }
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
    }
}

/// The number of signals received; touched only on the signals' serial queue.
///
/// `@unchecked Sendable`: every access runs on the one serial Dispatch queue
/// of ``TerminationSignals``.
private final class SignalCount: @unchecked Sendable {
    private var value = 0

    func increment() -> Int {
        value += 1
        return value
    }
}
