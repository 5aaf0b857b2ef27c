/// The language of text output: Simplified Chinese or English.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The language for a locale string such as `zh_CN.UTF-8`, `en_US` or an Accept-Language value; English
    /// unless Chinese is asked for first.
    public static func from(locale: String?) -> Language {
        guard let locale, !locale.isEmpty else { return .en }
        for part in locale.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
            if tag.hasPrefix("zh") { return .zh }
            if tag.hasPrefix("en") || tag == "c" || tag.hasPrefix("c.") || tag == "posix" { return .en }
        }
        return .en
    }

    /// Picks the text for this language.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

extension Substring {
    var trimmingSpaces: String {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
