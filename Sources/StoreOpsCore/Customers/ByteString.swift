/// A string compared and hashed by its UTF-8 bytes, not by Unicode canonical equivalence: customer ids are opaque
/// keys, and "é" (C3 A9) and "e\u{301}" (65 CC 81) are two customers to the database and to Python as well.
struct ByteString: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ByteString, rhs: ByteString) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
    }
}
