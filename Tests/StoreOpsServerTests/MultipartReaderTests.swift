import Testing
@testable import StoreOpsServer

/// The form upload's parser: the same parts however the body is cut into chunks, boundary look-alikes inside files
/// kept as content, and every malformed body refused with a reason.
struct MultipartReaderTests {
    static let type = "multipart/form-data; boundary=----WebKitFormBoundaryX7"

    static func body(_ parts: [(headers: String, content: String)], boundary: String = "----WebKitFormBoundaryX7") -> [UInt8] {
        var text = "preamble to ignore\r\n"
        for part in parts { text += "--\(boundary)\r\n\(part.headers)\r\n\r\n\(part.content)\r\n" }
        return Array((text + "--\(boundary)--\r\nepilogue").utf8)
    }

    /// The events of `bytes` fed in chunks of `size`, merged into one content per part.
    static func read(_ bytes: [UInt8], chunk size: Int, type: String = type) throws -> [MultipartReader.Event] {
        var reader = try #require(MultipartReader(contentType: type))
        var events: [MultipartReader.Event] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            try bytes[start..<end].withUnsafeBytes { raw in
                try reader.feed(raw) { event in
                    if case .content(let more) = event, case .content(let before)? = events.last {
                        events[events.count - 1] = .content(before + more)
                    } else {
                        events.append(event)
                    }
                }
            }
            start = end
        }
        try reader.finish()
        return events
    }

    @Test("fields and files, whatever the chunks; a boundary's look-alike inside a file is content")
    func parts() throws {
        let tricky = "a,b\r\n--\r\n------WebKitFormBoundaryX\r\n\r\r\n------WebKitFormBoundaryX6\r\n\r\n--end"
        let bytes = Self.body([
            ("Content-Disposition: form-data; name=\"csrf\"", "token"),
            ("Content-Disposition: form-data; name=\"files\"; filename=\"订单 \\\"1\\\".csv\"\r\nContent-Type: text/csv", tricky),
            ("content-disposition: form-data; name=\"files\"; filename=\"\"", ""),
        ])
        let expected: [MultipartReader.Event] = [
            .part(name: "csrf", filename: nil), .content(Array("token".utf8)), .end,
            .part(name: "files", filename: "订单 \"1\".csv"), .content(Array(tricky.utf8)), .end,
            .part(name: "files", filename: ""), .end,
        ]
        for size in [1, 2, 3, 5, 7, 13, 64, bytes.count] {
            #expect(try Self.read(bytes, chunk: size) == expected, "chunks of \(size)")
        }
    }

    @Test("malformed bodies and content types are refused")
    func malformed() throws {
        #expect(MultipartReader(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartReader(contentType: "multipart/form-data") == nil, "no boundary")
        #expect(MultipartReader(contentType: "multipart/form-data; boundary=\(String(repeating: "a", count: 71))") == nil)
        #expect(MultipartReader(contentType: "multipart/form-data; boundary=\"a b\"") != nil, "quoted, with a space")
        let whole = Self.body([("Content-Disposition: form-data; name=\"csrf\"", "t")])
        #expect(throws: MultipartReader.Malformed.self, "cut off") { try Self.read(Array(whole.dropLast(20)), chunk: 8) }
        #expect(throws: MultipartReader.Malformed.self, "no disposition") {
            try Self.read(Self.body([("Content-Type: text/plain", "x")]), chunk: 8)
        }
        #expect(throws: MultipartReader.Malformed.self, "headers too long") {
            try Self.read(Self.body([("Content-Disposition: form-data; name=\"a\"\r\nX: " + String(repeating: "y", count: 9_000), "x")]),
                          chunk: 512)
        }
        let many = Array(repeating: ("Content-Disposition: form-data; name=\"a\"", "x"), count: 40)
        #expect(throws: MultipartReader.Malformed.self, "too many parts") { try Self.read(Self.body(many), chunk: 512) }
        let junk = Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--bXY".utf8)
        #expect(throws: MultipartReader.Malformed.self, "junk after a boundary") {
            try Self.read(junk, chunk: 4, type: "multipart/form-data; boundary=b")
        }
    }

    @Test("a body crafted to almost match a boundary of dashes everywhere is read in one pass")
    func crafted() throws {
        let boundary = String(repeating: "-", count: 70)
        let content = String(repeating: "\r\n--" + String(repeating: "-", count: 69) + "x", count: 2_000)
        let bytes = Self.body([("Content-Disposition: form-data; name=\"files\"; filename=\"a.csv\"", content)], boundary: boundary)
        let events = try Self.read(bytes, chunk: 4_096, type: "multipart/form-data; boundary=\(boundary)")
        #expect(events == [.part(name: "files", filename: "a.csv"), .content(Array(content.utf8)), .end])
    }
}
