import Foundation

/// Where commands write: standard output and error by default; tests bind their own sinks to run commands
/// in-process and read what they printed.
public enum Console {
    @TaskLocal public static var out: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
    @TaskLocal public static var err: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    static func print(_ text: String) { out(text.hasSuffix("\n") ? text : text + "\n") }
    static func note(_ text: String) { err(text.hasSuffix("\n") ? text : text + "\n") }
}
