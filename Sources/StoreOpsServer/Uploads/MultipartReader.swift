/// A streaming reader of `multipart/form-data` bodies (RFC 7578, the form upload of browsers without script): fed
/// the body chunk by chunk, it reports each part's start (field name, file name), its content and its end, holding
/// back only the bytes that may begin a boundary. The boundary is found with Knuth-Morris-Pratt, so any body, however
/// crafted, is read in one pass; a part's headers are capped, and so is the number of parts.
struct MultipartReader {
    /// What the reader found, in body order.
    enum Event: Equatable {
        /// A part begins: its form field's name and, for a file, the file's name as the browser sent it.
        case part(name: String, filename: String?)
        /// Content of the current part (one part's content may come in several pieces).
        case content([UInt8])
        /// The current part ended.
        case end
    }

    /// A body that is not `multipart/form-data` as browsers send it.
    struct Malformed: Error, Equatable {
        let message: String
    }

    /// The most bytes one part's headers may take.
    static let maxHeaderBytes = 8_192

    /// CRLF, two dashes and the boundary: what ends a part.
    let delimiter: [UInt8]
    /// For each prefix length of `delimiter`, the longest proper prefix that is also its suffix (KMP).
    private let fallback: [Int]
    let maxParts: Int
    private var state = State.preamble
    /// How many bytes of `delimiter` the last bytes read match; they are held back until they prove to be content.
    private var matched = 2
    private var header: [UInt8] = []
    private var after: [UInt8] = []
    private var parts = 0

    private enum State {
        case preamble, content, afterDelimiter, headers, done
    }

    /// A reader for a `Content-Type` of `multipart/form-data; boundary=...`; nil for any other type or a boundary
    /// RFC 2046 does not allow (1 to 70 characters of its set, not ending in a space).
    init?(contentType: String, maxParts: Int = 32) {
        let fields = Self.parameters(contentType)
        guard fields.value.lowercased() == "multipart/form-data", let boundary = fields.parameters["boundary"],
              (1...70).contains(boundary.utf8.count), !boundary.hasSuffix(" "),
              boundary.utf8.allSatisfy({ Self.boundaryBytes.contains($0) }) else { return nil }
        delimiter = Array("\r\n--\(boundary)".utf8)
        var fallback = [Int](repeating: 0, count: delimiter.count)
        var k = 0
        for i in 1..<delimiter.count {
            while k > 0 && delimiter[i] != delimiter[k] { k = fallback[k - 1] }
            if delimiter[i] == delimiter[k] { k += 1 }
            fallback[i] = k
        }
        self.fallback = fallback
        self.maxParts = maxParts
        // The body starts with "--boundary": as if a CRLF came before it, the first boundary is a delimiter too.
    }

    static let boundaryBytes = Set(Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".utf8))

    /// Reads `bytes`, reporting what they complete to `handle`.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ handle: (Event) throws -> Void) throws {
        var i = 0
        let n = bytes.count
        while i < n {
            switch state {
            case .preamble, .content:
                i = try scan(bytes, from: i, handle)
            case .afterDelimiter:
                // "--" closes the body; CRLF (after optional spaces) starts the next part's headers.
                after.append(bytes[i])
                i += 1
                if after == [0x2D, 0x2D] {
                    state = .done
                } else if after == [0x2D] || after.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && after.count <= 64 {
                    continue
                } else if after.last == 0x0D && after.dropLast().allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    continue
                } else if after.last == 0x0A && after.count >= 2 && after[after.count - 2] == 0x0D
                            && after.dropLast(2).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    parts += 1
                    guard parts <= maxParts else {
                        throw Malformed(message: "The form has more than \(maxParts) parts; send fewer files at once.")
                    }
                    header = []
                    state = .headers
                } else {
                    throw Malformed(message: "A boundary is followed by something other than a line break.")
                }
            case .headers:
                header.append(bytes[i])
                i += 1
                guard header.count <= Self.maxHeaderBytes else {
                    throw Malformed(message: "A part's headers are longer than \(Self.maxHeaderBytes) bytes.")
                }
                if header.count >= 4, header[header.count - 4 ..< header.count].elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) {
                    try handle(try Self.part(of: header))
                    state = .content
                    matched = 0
                } else if header == [0x0D, 0x0A] {
                    throw Malformed(message: "A part has no Content-Disposition header.")
                }
            case .done:
                // The epilogue after the closing boundary is ignored.
                i = n
            }
        }
    }

    /// Checks that the body ended with its closing boundary.
    func finish() throws {
        guard case .done = state else {
            throw Malformed(message: "The form ended before its closing boundary (the upload was cut off).")
        }
    }

    /// Reads content (or the preamble, which is dropped) from `start` up to the next delimiter or the end of `bytes`;
    /// returns where it stopped.
    private mutating func scan(_ bytes: UnsafeRawBufferPointer, from start: Int, _ handle: (Event) throws -> Void) throws -> Int {
        let keep: Bool
        if case .content = state { keep = true } else { keep = false }
        var out: [UInt8] = []
        var i = start
        let n = bytes.count, first = delimiter[0]
        while i < n {
            if matched == 0 {
                // Outside a possible boundary: everything up to the next CR is content.
                var j = i
                while j < n && bytes[j] != first { j += 1 }
                if keep && j > i { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<j])) }
                i = j
                if i == n { break }
            }
            let b = bytes[i]
            i += 1
            var q = matched
            while q > 0 && b != delimiter[q] { q = fallback[q - 1] }
            if b == delimiter[q] { q += 1 }
            // The held bytes and b: all but the last q of them are content now.
            let released = matched + 1 - q
            if keep && released > 0 {
                if released <= matched {
                    out.append(contentsOf: delimiter[0..<released])
                } else {
                    out.append(contentsOf: delimiter[0..<matched])
                    out.append(b)
                }
            }
            matched = q
            if q == delimiter.count {
                matched = 0
                if keep {
                    if !out.isEmpty { try handle(.content(out)) }
                    try handle(.end)
                }
                after = []
                state = .afterDelimiter
                return i
            }
        }
        if keep && !out.isEmpty { try handle(.content(out)) }
        return i
    }

    /// The part a header block describes, from its Content-Disposition: `form-data; name="..."; filename="..."`.
    static func part(of header: [UInt8]) throws -> Event {
        let text = String(decoding: header, as: UTF8.self)
        for line in text.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingSpaces.lowercased() == "content-disposition" else { continue }
            let disposition = parameters(String(line[line.index(after: colon)...]))
            guard disposition.value.lowercased() == "form-data", let name = disposition.parameters["name"] else { break }
            return .part(name: name, filename: disposition.parameters["filename"])
        }
        throw Malformed(message: "A part has no Content-Disposition: form-data header with a name.")
    }

    /// A header value's leading value and its `;`-separated parameters (names in lower case; quoted values unquoted,
    /// backslash escapes undone).
    static func parameters(_ text: String) -> (value: String, parameters: [String: String]) {
        var pieces: [String] = [], current = "", quoted = false, escaped = false
        for c in text {
            if escaped {
                current.append(c)
                escaped = false
            } else if quoted && c == "\\" {
                escaped = true
            } else if c == "\"" {
                quoted.toggle()
                current.append(c)
            } else if c == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        pieces.append(current)
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingSpaces.lowercased()
            var value = piece[piece.index(after: equals)...].trimmingSpaces
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if parameters[key] == nil { parameters[key] = value }
        }
        return (pieces[0].trimmingSpaces, parameters)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension String {
    fileprivate var trimmingSpaces: String { Substring(self).trimmingSpaces }
}
