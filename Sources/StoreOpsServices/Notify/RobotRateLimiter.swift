/// Keeps each chat robot under its app's rate (DingTalk and WeCom take 20 messages a minute from one robot, and
/// mute it for ten minutes beyond): a message waits until fewer than the limit went to that robot in the window.
public actor RobotRateLimiter {
    /// One limiter for the process: every sender of every store shares the robots' budgets.
    public static let shared = RobotRateLimiter()

    let window: Duration
    private var sent: [String: [ContinuousClock.Instant]] = [:]

    public init(window: Duration = .seconds(60)) { self.window = window }

    /// Waits until a message may go to `robot` (its address) at `perWindow` messages per window, and counts it.
    public func admit(_ robot: String, perWindow: Int) async throws {
        while true {
            let now = ContinuousClock.now
            var times = (sent[robot] ?? []).filter { now - $0 < window }
            if times.count < max(1, perWindow) {
                times.append(now)
                sent[robot] = times
                return
            }
            sent[robot] = times
            try await Task.sleep(until: times[0].advanced(by: window), clock: .continuous)
        }
    }
}
