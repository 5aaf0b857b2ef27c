import Foundation

/// The signatures chat robots check (their "加签" security), from the robot's secret and the time of sending.
public enum WebhookSigner {
    /// DingTalk: Base64 of HMAC-SHA256 under the secret of `"<ms>\n<secret>"`, percent-encoded for the query
    /// string, where it goes with the timestamp in milliseconds (`&timestamp=…&sign=…`).
    public static func dingtalk(secret: String, milliseconds: Int64) -> String {
        let signature = SHA256.hmac(key: Array(secret.utf8), message: Array("\(milliseconds)\n\(secret)".utf8))
        return Data(signature).base64EncodedString()
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Feishu/Lark: Base64 of HMAC-SHA256 of nothing under the key `"<seconds>\n<secret>"`; it goes in the body
    /// with the timestamp in seconds (`"timestamp"`, `"sign"`).
    public static func feishu(secret: String, seconds: Int64) -> String {
        Data(SHA256.hmac(key: Array("\(seconds)\n\(secret)".utf8), message: [UInt8]())).base64EncodedString()
    }

    /// `url` with DingTalk's `timestamp` and `sign` appended to its query.
    public static func dingtalkURL(_ url: String, secret: String, milliseconds: Int64) -> String {
        url + (url.contains("?") ? "&" : "?") + "timestamp=\(milliseconds)&sign=\(dingtalk(secret: secret, milliseconds: milliseconds))"
    }
}
