#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time the calling thread has used (`CLOCK_THREAD_CPUTIME_ID`).
///
/// Benchmarks time with it because, unlike wall time, it does not count the
/// time that other processes on the machine take from the thread.
enum ThreadCPUClock {
    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func seconds() -> Double {
        Double(nanoseconds()) / 1e9
    }
}

/// Returns the median of a benchmark's per-round rates: the middle one, or
/// the upper of the two middle ones for an even count.
///
/// - Precondition: `rates` is not empty.
func medianRate(_ rates: [Double]) -> Double {
    precondition(!rates.isEmpty, "a benchmark measures at least one round")
    return rates.sorted()[rates.count / 2]
}

/// Keeps the optimizer from removing work whose result is otherwise unused.
@inline(never)
func blackHole<Value>(_ value: Value) {
    withExtendedLifetime(value) {}
}
