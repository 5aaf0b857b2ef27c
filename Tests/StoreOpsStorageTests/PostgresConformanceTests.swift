import Foundation
import StoreOpsCore
@testable import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("PostgreSQL storage conformance", .enabled(if: ThrowawayPostgres.serverTestsEnabled, "needs the test cluster that scripts/test starts; runs in its PostgreSQL pass"))
struct PostgresConformanceTests {
    @Test("conformance", arguments: StorageConformance.Case.allCases)
    func conformance(_ check: StorageConformance.Case) async throws {
        try await ThrowawayPostgres.withStore { store in
            try await StorageConformance.run(check) { store }
        }
    }
}
