import Foundation
@testable import StoreOpsCLI
import Testing

@Suite("The program's build identity")
struct BuildIdentityTests {
    /// A 64-bit little-endian ELF header with one program header of type `type` over `notes`, placed after it.
    static func elf(notes: [UInt8], type: UInt32 = 4) -> [UInt8] {
        func le(_ value: UInt64, _ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        var header = [UInt8](repeating: 0, count: 64)
        header.replaceSubrange(0..<6, with: [0x7f, 0x45, 0x4c, 0x46, 2, 1])
        header.replaceSubrange(0x20..<0x28, with: le(64, 8))
        header.replaceSubrange(0x36..<0x38, with: le(56, 2))
        header.replaceSubrange(0x38..<0x3a, with: le(1, 2))
        var program = [UInt8](repeating: 0, count: 56)
        program.replaceSubrange(0..<4, with: le(UInt64(type), 4))
        program.replaceSubrange(8..<16, with: le(120, 8))
        program.replaceSubrange(32..<40, with: le(UInt64(notes.count), 8))
        return header + program + notes
    }

    /// One note: sizes, type, name and description, each padded to 4 bytes.
    static func note(type: UInt32, name: [UInt8], desc: [UInt8]) -> [UInt8] {
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4) }
        return le32(name.count) + le32(desc.count) + le32(Int(type)) + padded(name) + padded(desc)
    }

    @Test("the GNU build id is found among the notes; other notes, other headers and cut-off images give none")
    func gnuBuildID() {
        let gnu: [UInt8] = [0x47, 0x4e, 0x55, 0]
        let id: [UInt8] = [0xde, 0xad, 0xbe, 0xef, 0x01]
        let notes = Self.note(type: 1, name: gnu, desc: [1, 2, 3, 4]) + Self.note(type: 3, name: gnu, desc: id)
        #expect(BuildIdentity.gnuBuildID(Self.elf(notes: notes)) == "deadbeef01")
        #expect(BuildIdentity.gnuBuildID(Self.elf(notes: Self.note(type: 3, name: [0x58, 0, 0, 0], desc: id))) == nil)
        #expect(BuildIdentity.gnuBuildID(Self.elf(notes: notes, type: 1)) == nil, "not a note segment")
        #expect(BuildIdentity.gnuBuildID(Array(Self.elf(notes: notes).dropLast(2))) == nil, "cut off")
        #expect(BuildIdentity.gnuBuildID(Array("not an ELF file at all, just some text that is long enough".utf8)) == nil)
        // Sizes and offsets past the image or near the integers' ends.
        for (range, bytes) in [(120..<124, [0xff, 0xff, 0xff, 0x7f]), (124..<128, [0xff, 0xff, 0xff, 0xff]),
                               (0x20..<0x28, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
                               (64 + 8..<64 + 16, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
                               (64 + 32..<64 + 40, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])] as [(Range<Int>, [UInt8])] {
            var image = Self.elf(notes: notes)
            image.replaceSubrange(range, with: bytes)
            #expect(BuildIdentity.gnuBuildID(image) == nil, "\(range)")
        }
        // 65,535 program headers claimed: the first (in the image) is read, the next (past its end) ends the search.
        var many = Self.elf(notes: notes)
        many.replaceSubrange(0x38..<0x3a, with: [0xff, 0xff])
        #expect(BuildIdentity.gnuBuildID(many) == "deadbeef01")
        many.replaceSubrange(64..<68, with: [1, 0, 0, 0])
        #expect(BuildIdentity.gnuBuildID(many) == nil)
    }

    @Test("this program has one")
    func current() throws {
        #if os(Linux)
        let build = try #require(BuildIdentity.current)
        #expect(build.hasPrefix("elf:") && build.count > 20)
        #expect(Environment().build == build)
        #endif
    }
}
