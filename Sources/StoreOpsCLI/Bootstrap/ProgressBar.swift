import Foundation
import StoreOpsReports
import StoreOpsServices

/// A one-line progress bar on standard error: pass, share done, lines, MB/s and time left. Redrawn at most
/// ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let file: String
    private let language: Language
    private let lock = NSLock()
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var pass = 0

    init(file: String, language: Language) {
        self.file = file
        self.language = language
    }

    func update(_ progress: ImportProgress) {
        lock.lock()
        defer { lock.unlock() }
        if progress.pass != pass {
            pass = progress.pass
            started = Date()
        }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.bytesRead >= progress.totalBytes else { return }
        lastDraw = now
        let share = progress.totalBytes > 0 ? min(1, Double(progress.bytesRead) / Double(progress.totalBytes)) : 0
        let elapsed = max(0.001, now.timeIntervalSince(started))
        let rate = Double(progress.bytesRead) / elapsed / 1_048_576
        let left = share > 0 ? elapsed * (1 - share) / share : 0
        let width = 24
        let filled = Int(share * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let stage = pass == 1 ? language.pick("检查", "checking") : language.pick("导入", "importing")
        // Rate and time left mean something only after a moment.
        let speed = elapsed < 0.25 ? "— MB/s ETA —" : String(format: "%.1f MB/s ETA %.0fs", rate, left)
        let text = String(format: "\r%@ %@ ▕%@▏ %3.0f%% %@ %@ ", file, stage, bar, share * 100,
                          language.pick("\(progress.lines) 行", "\(progress.lines) lines"), speed)
        Console.err(text)
    }

    func finish() {
        Console.err("\r\u{1B}[2K")
    }
}
