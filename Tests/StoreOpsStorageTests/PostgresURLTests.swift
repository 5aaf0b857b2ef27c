import Testing
@testable import StoreOpsStorage

/// How a database URL is read: TLS required off this machine, loopback told by address, not by spelling.
@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test("TLS is required off this machine, preferred on it, and what the URL says wins")
    func sslModes() throws {
        #expect(try PostgresURL("postgres://u@db.example.com/x").sslMode == "require")
        #expect(try PostgresURL("postgres://u@127.0.0.1/x").sslMode == "prefer")
        #expect(try PostgresURL("postgres://u@db.example.com/x?sslmode=disable").sslMode == "disable")
        #expect(throws: StorageError.self) { try PostgresURL("postgres://u@db.example.com/x?sslrootcert=/nonexistent/ca.pem") }
        #expect(throws: StorageError.self) { try PostgresURL("postgres://u@db.example.com/x?sslmode=sometimes") }
    }

    @Test("loopback is an address: 127.0.0.0/8, ::1 and localhost, not a name that starts with 127.")
    func loopback() {
        for host in ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"] {
            #expect(PostgresURL.isLoopback(host), "\(host)")
        }
        for host in ["127.example.com", "128.0.0.1", "db.example.com", "::2", "10.0.0.1", ""] {
            #expect(!PostgresURL.isLoopback(host), "\(host)")
        }
    }
}
