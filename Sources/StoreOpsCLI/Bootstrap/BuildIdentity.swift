import Foundation

/// The running program's identity, under which computed values are kept in the database (`KeptReport`): the GNU build
/// id the linker writes into the executable (a hash of what it linked, so one build has one id on every host that
/// runs it, and any other build another); where there is none (a Mach-O executable), the executable file's device,
/// inode, size and modification time, which change whenever it is rebuilt or replaced.
enum BuildIdentity {
    /// This process's identity; nil where neither can be read (then nothing is kept).
    static let current: String? = {
        #if os(Linux)
        let path: String? = "/proc/self/exe"
        #else
        let path = Bundle.main.executablePath
        #endif
        guard let path else { return nil }
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            if let head = try? handle.read(upToCount: headBytes), let id = gnuBuildID(Array(head)) { return "elf:" + id }
        }
        return fileStamp(path)
    }()

    /// How much of the executable is read for its notes: they follow the ELF and program headers at its start.
    static let headBytes = 1 << 16

    /// The hex GNU build id in the notes of the 64-bit little-endian ELF image that `bytes` begins; nil when `bytes` is
    /// not one or has none within its length.
    static func gnuBuildID(_ bytes: [UInt8]) -> String? {
        func int(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, size <= 8, at <= bytes.count - size else { return nil }
            var value: UInt64 = 0
            for i in (0..<size).reversed() { value = value << 8 | UInt64(bytes[at + i]) }
            return value <= UInt64(Int.max) ? Int(value) : nil
        }
        guard bytes.count >= 64, bytes[0..<4].elementsEqual([0x7f, 0x45, 0x4c, 0x46]), bytes[4] == 2, bytes[5] == 1,
              let headers = int(0x20, 8), let size = int(0x36, 2), let count = int(0x38, 2), size >= 56 else { return nil }
        for n in 0..<count {
            let header = headers + n * size
            guard let type = int(header, 4) else { return nil }
            guard type == 4, let offset = int(header + 8, 8), let length = int(header + 32, 8),
                  offset <= bytes.count, length <= bytes.count - offset else { continue }
            var note = offset
            while note + 12 <= offset + length, let nameSize = int(note, 4), let descSize = int(note + 4, 4),
                  let noteType = int(note + 8, 4), nameSize <= length, descSize <= length {
                let name = note + 12, desc = name + (nameSize + 3) / 4 * 4
                guard desc + descSize <= offset + length else { break }
                if noteType == 3, nameSize == 4, bytes[name..<name + 4].elementsEqual([0x47, 0x4e, 0x55, 0]), descSize > 0 {
                    return bytes[desc..<desc + descSize].map { String(format: "%02x", $0) }.joined()
                }
                note = desc + (descSize + 3) / 4 * 4
            }
        }
        return nil
    }

    /// The file's device, inode, size and modification time; nil when it cannot be read.
    static func fileStamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "file:\(info.st_dev).\(info.st_ino).\(info.st_size).\(modified.tv_sec).\(modified.tv_nsec)"
    }
}
