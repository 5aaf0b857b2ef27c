#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns chunks of a file's bytes into UTF-8, chunk by chunk, keeping a character cut at a chunk's end for the
/// next one. GB18030 and UTF-16 go through the C library's iconv (Foundation on Linux has no GBK).
final class Transcoder {
    let encoding: TextEncoding
    private var handle: iconv_t?
    private var carry: [UInt8] = []
    /// Bytes of input consumed so far (for error positions).
    private(set) var consumed = 0

    init(_ encoding: TextEncoding) throws {
        self.encoding = encoding
        if encoding != .utf8 {
            let from = encoding == .gb18030 ? "GB18030" : (encoding == .utf16le ? "UTF-16LE" : "UTF-16BE")
            let h = iconv_open("UTF-8", from)
            guard let h, h != iconv_t(bitPattern: -1) else { throw TranscodingError(offset: 0, encoding: encoding, unsupported: true) }
            handle = h
        }
    }

    deinit {
        if let handle { iconv_close(handle) }
    }

    /// The UTF-8 bytes of `chunk`; with `final`, a trailing incomplete character is an error.
    func utf8(_ chunk: ArraySlice<UInt8>, final: Bool) throws -> [UInt8] {
        var input = carry
        input.append(contentsOf: chunk)
        carry = []
        if encoding == .utf8 {
            let valid = input.withUnsafeBufferPointer { UTF8Validator.validPrefixLength($0, allowTruncatedEnd: !final) }
            if valid < input.count {
                let complete = UTF8Validator.completePrefixLength(input[...])
                if final || valid < complete { throw TranscodingError(offset: consumed + valid, encoding: .utf8) }
            }
            let complete = final ? input.count : UTF8Validator.completePrefixLength(input[...])
            carry = Array(input[complete...])
            consumed += complete
            input.removeLast(input.count - complete)
            return input
        }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inputLeft = input.count
        var outputLeft = output.count
        let converted: Int = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(handle, &inPointer, &inputLeft, &outPointer, &outputLeft)
            }
        }
        let produced = output.count - outputLeft
        let used = input.count - inputLeft
        if converted == -1 {
            let code = errno
            if code == EINVAL && !final {
                carry = Array(input[used...])
            } else if code != E2BIG {
                throw TranscodingError(offset: consumed + used, encoding: encoding)
            }
        }
        consumed += used
        return Array(output[..<produced])
    }
}

/// Bytes that are not valid in the file's encoding.
struct TranscodingError: Error {
    let offset: Int
    let encoding: TextEncoding
    var unsupported = false
}
