import ArgumentParser
import StoreOpsCore

/// `--store ID --from YYYY-MM-DD --to YYYY-MM-DD`, for the commands over a range of a store's days.
struct DayRangeOptions: ParsableArguments {
    @Option(help: "The store id.") var store: String
    @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: Day
    @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: Day

    func validate() throws {
        guard from <= to else { throw ValidationError("--from \(from.iso) is after --to \(to.iso).") }
    }

    var days: DayRange { DayRange(from, to)! }

    func storeID() throws -> StoreID { try parseStoreID(store) }
}
