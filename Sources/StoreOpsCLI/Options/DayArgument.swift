import ArgumentParser
import StoreOpsCore

extension Day: ExpressibleByArgument {
    /// Parses `YYYY-MM-DD` on the command line.
    public init?(argument: String) { self.init(iso: argument) }
}
