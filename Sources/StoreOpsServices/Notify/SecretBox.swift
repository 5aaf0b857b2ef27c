import Crypto
import Foundation

/// Seals the credentials StoreOps keeps for others (chat robots' addresses and secrets) with ChaCha20-Poly1305
/// under a key from the environment (`STOREOPS_SECRET_KEY`: 32 bytes as 64 hex digits or Base64), so a copy of the
/// database alone does not give them away. Each value is bound to where it is kept (store, channel, field): a
/// sealed value moved to another row does not open.
public struct SecretBox: Sendable {
    let key: SymmetricKey?

    /// The box of `keyText` (nil or empty: no key, so nothing can be sealed or opened).
    public init(keyText: String?) throws {
        guard let text = keyText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            key = nil
            return
        }
        let ascii = Array(text.utf8)
        let isHex = ascii.count == 64 && ascii.allSatisfy { (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }
        let bytes: [UInt8]? = if isHex {
            stride(from: 0, to: 64, by: 2).compactMap { i in UInt8(String(decoding: ascii[i..<i + 2], as: UTF8.self), radix: 16) }
        } else {
            Data(base64Encoded: text).map { Array($0) }
        }
        guard let bytes, bytes.count == 32 else {
            throw ServiceError(.invalidInput, "STOREOPS_SECRET_KEY must be 32 bytes as 64 hex digits or Base64, e.g. from "
                + "`openssl rand -hex 32`. STOREOPS_SECRET_KEY 须为 32 字节（64 位十六进制或 Base64）。")
        }
        key = SymmetricKey(data: bytes)
    }

    /// A box without a key.
    public static let none = SecretBox(key: nil)

    init(key: SymmetricKey?) { self.key = key }

    /// Whether a key was given.
    public var hasKey: Bool { key != nil }

    /// `text` sealed for the place `context` names, as `v1:` and Base64.
    public func seal(_ text: String, for context: String) throws -> String {
        let sealed = try ChaChaPoly.seal(Data(text.utf8), using: try requireKey(), authenticating: Data(context.utf8))
        return "v1:" + sealed.combined.base64EncodedString()
    }

    /// The text of a value `seal` made for `context`.
    public func open(_ sealed: String, for context: String) throws -> String {
        let key = try requireKey()
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))),
              let box = try? ChaChaPoly.SealedBox(combined: data),
              let opened = try? ChaChaPoly.open(box, using: key, authenticating: Data(context.utf8)),
              let text = String(data: opened, encoding: .utf8) else {
            throw ServiceError(.invalidInput, "A stored secret does not open with this STOREOPS_SECRET_KEY (it was sealed "
                + "with another key, or damaged): set the channel again. 已保存的密钥无法用当前 STOREOPS_SECRET_KEY 解开，请重新设置该渠道。")
        }
        return text
    }

    func requireKey() throws -> SymmetricKey {
        guard let key else {
            throw ServiceError(.invalidInput, "Set STOREOPS_SECRET_KEY (32 random bytes, e.g. `openssl rand -hex 32`) to keep "
                + "chat robots' addresses and secrets; keep it as safe as the database password. "
                + "请设置 STOREOPS_SECRET_KEY（32 个随机字节，如 `openssl rand -hex 32`）后再保存机器人地址和密钥。")
        }
        return key
    }
}
