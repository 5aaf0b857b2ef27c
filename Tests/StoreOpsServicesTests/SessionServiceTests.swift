import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Synchronization
import Testing

/// Passwords and workbench sessions: bcrypt hashes, sessions kept by their hash, ended by sign-out, a new password,
/// disabling or time, and wrong passwords throttled per account and address.
@Suite("Sessions and passwords")
struct SessionServiceTests {
    /// A clock the test moves.
    final class TestClock: Sendable {
        let now = Mutex(Fixtures.at(Fixtures.d1, 9))
        func advance(_ seconds: Int64) { now.withLock { $0 = Instant(seconds: $0.seconds + seconds) } }
        var read: @Sendable () -> Instant { { self.now.withLock { $0 } } }
    }

    static let fast = PasswordHasher(cost: 4)

    @Test("a password signs in; the session is found by its id only, and ends with sign-out")
    func signInAndOut() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let clock = TestClock()
        let access = AccessService(database: agency.database, clock: clock.read)
        let throttle = LoginThrottle()
        let (id, session, context) = try await access.signIn(user: "anna", password: AgencyFixture.password(of: "anna"),
                                                             address: "10.0.0.1", throttle: throttle, hasher: Self.fast)
        #expect(context.readable == [AgencyFixture.alphaStore])
        #expect(id.hasPrefix("sts_") && session.idSHA256 != id && !session.csrfToken.isEmpty)
        #expect(try await agency.database.session(idSHA256: session.idSHA256)?.user == "anna")
        #expect(try await access.session(id: id).context.user.id == "anna")
        // A made-up id, or the stored hash used as an id, signs no one in.
        for guess in ["sts_" + String(repeating: "0", count: 64), session.idSHA256, "", id + "x"] {
            await #expect(throws: ServiceError.self) { _ = try await access.session(id: guess) }
        }
        try await access.signOut(sessionID: id)
        await #expect(throws: ServiceError.self) { _ = try await access.session(id: id) }
    }

    @Test("wrong password, unknown user and a user without a password answer alike; the hash is bcrypt's")
    func wrongCredentials() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let access = AccessService(database: agency.database, clock: TestClock().read)
        let throttle = LoginThrottle()
        try await agency.database.setPasswordHash(user: "vic", nil)
        for (user, password) in [("anna", "not her password"), ("ghost", "whatever-password"), ("vic", AgencyFixture.password(of: "vic"))] {
            let error = await #expect(throws: ServiceError.self) {
                _ = try await access.signIn(user: user, password: password, address: nil, throttle: throttle, hasher: Self.fast)
            }
            #expect(error?.code == .unauthorized && error?.message.hasPrefix("Wrong user or password") == true, "\(user)")
        }
        let hash = try #require(try await agency.database.passwordHash(user: "anna"))
        #expect(hash.hasPrefix("$2b$04$") && !hash.contains(AgencyFixture.password(of: "anna")))
    }

    @Test("sessions end with time, a new password and disabling the user")
    func sessionsEnd() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let clock = TestClock()
        let access = AccessService(database: agency.database, clock: clock.read)
        let throttle = LoginThrottle()
        func signIn(_ user: String) async throws -> String {
            try await access.signIn(user: user, password: AgencyFixture.password(of: user), address: nil, throttle: throttle, hasher: Self.fast).sessionID
        }
        let old = try await signIn("anna")
        clock.advance(AccessService.sessionSeconds - 1)
        #expect(try await access.session(id: old).session.user == "anna", "still on before it ends")
        clock.advance(1)
        await #expect(throws: ServiceError.self) { _ = try await access.session(id: old) }
        // Signing in again removes the sessions that have ended.
        let renewed = try await signIn("anna")
        #expect(try await agency.database.session(idSHA256: AccessServiceHash.of(old)) == nil)
        try await access.setPassword(user: "anna", "a brand new password", hasher: Self.fast)
        await #expect(throws: ServiceError.self) { _ = try await access.session(id: renewed) }
        let vic = try await signIn("vic")
        try await access.setDisabled(user: "vic", true)
        await #expect(throws: ServiceError.self) { _ = try await access.session(id: vic) }
        try await access.setDisabled(user: "vic", false)
        await #expect(throws: ServiceError.self) { _ = try await access.session(id: vic) }
    }

    @Test("passwords shorter than 10 characters or longer than bcrypt reads are refused")
    func passwordRules() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let access = AccessService(database: agency.database, clock: TestClock().read)
        for password in ["short", "123456789", String(repeating: "密", count: 25)] {
            let error = await #expect(throws: ServiceError.self) { try await access.setPassword(user: "anna", password, hasher: Self.fast) }
            #expect(error?.code == .invalidInput)
        }
        await #expect(throws: ServiceError.self) { try await access.setPassword(user: "ghost", "long enough password", hasher: Self.fast) }
    }

    @Test("after five wrong passwords each attempt waits twice as long, even with the right one; the wait ends")
    func throttled() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let clock = TestClock()
        let access = AccessService(database: agency.database, clock: clock.read)
        let throttle = LoginThrottle()
        func attempt(_ password: String, from address: String = "10.0.0.9") async -> ServiceError.Code? {
            do {
                _ = try await access.signIn(user: "anna", password: password, address: address, throttle: throttle, hasher: Self.fast)
                return nil
            } catch let error as ServiceError { return error.code } catch { return .unavailable }
        }
        for _ in 0..<5 { #expect(await attempt("wrong password!") == .unauthorized) }
        #expect(await attempt(AgencyFixture.password(of: "anna")) == .tooManyRequests)
        #expect(throttle.wait(user: "anna", address: "10.0.0.9", now: clock.read()) == 1)
        clock.advance(1)
        #expect(await attempt("wrong password!") == .unauthorized)
        #expect(throttle.wait(user: "ANNA", address: "10.0.0.1", now: clock.read()) == 2, "the account's count, from any address")
        clock.advance(2)
        #expect(await attempt(AgencyFixture.password(of: "anna")) == nil, "after the wait the right password works")
        #expect(throttle.wait(user: "anna", address: "10.0.0.9", now: clock.read()) == 0, "and clears the count")
        // Guesses sent at the same time cannot all slip through while the first ones are being checked.
        let parallel = LoginThrottle()
        let codes = await withTaskGroup(of: ServiceError.Code?.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    do {
                        _ = try await access.signIn(user: "vic", password: "wrong password!", address: "10.1.1.1", throttle: parallel,
                                                    hasher: Self.fast)
                        return nil
                    } catch let error as ServiceError { return error.code } catch { return .unavailable }
                }
            }
            return await group.reduce(into: [ServiceError.Code?]()) { $0.append($1) }
        }
        #expect(codes.filter { $0 == .unauthorized }.count == 5 && codes.filter { $0 == .tooManyRequests }.count == 15)
        // An attempt the server was too busy to check is taken back, and counts against no one.
        let busy = LoginThrottle(freeFailures: 0)
        #expect(busy.attempt(user: "a", address: "10.2.2.2", now: clock.read()) == 0)
        #expect(busy.wait(user: "a", address: "10.2.2.2", now: clock.read()) == 2)
        busy.release(user: "a", address: "10.2.2.2")
        #expect(busy.wait(user: "a", address: "10.2.2.2", now: clock.read()) == 0)
        // An address guessing many accounts is slowed down too.
        for user in ["u1", "u2", "u3", "u4", "u5"] { throttle.failed(user: user, address: "10.9.9.9", now: clock.read()) }
        #expect(throttle.wait(user: "vic", address: "10.9.9.9", now: clock.read()) == 1)
    }
}

/// The session id's hash as the service keeps it, for looking a session up directly.
enum AccessServiceHash {
    static func of(_ id: String) -> String { SHA256.hex(SHA256.hash(Array(id.utf8))) }
}
