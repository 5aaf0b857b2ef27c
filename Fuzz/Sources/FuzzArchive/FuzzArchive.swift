import Dispatch
import Foundation
import FuzzSupport
import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage

/// `storeops restore` of the input into an in-memory SQLite database: the archive reader, then the rows it
/// accepts written in one transaction. A bad archive must be refused whole, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    FuzzInput.withFile(bytes, suffix: ".storeops") { url in
        let done = DispatchSemaphore(value: 0)
        Task {
            await ArchiveFuzzing.restore(url)
            done.signal()
        }
        done.wait()
    }
    return 0
}

/// One migrated in-memory database for the whole run; each input restores over the same store id.
enum ArchiveFuzzing {
    static let service: StoreArchiveService? = (try? SQLiteStore(inMemory: ())).map {
        StoreArchiveService(database: $0, clock: { Instant(seconds: 0) })
    }

    static func restore(_ url: URL) async {
        _ = try? await service?.restore(from: url, replace: true)
    }
}
