import StoreOpsCore
import Testing

/// Mail servers' addresses: read leniently (an `@` in the account need not be escaped), kept canonically, and
/// refused with a reason when they could carry a command or a password.
@Suite("Mail server addresses")
struct MailServerTests {
    @Test("read, defaulted and written back")
    func roundTrip() throws {
        let server = try MailServer(address: "smtp://ops@shop.example@SMTP.Example.com?to=a@shop.example, b@shop.example")
        #expect(server.security == .starttls && server.port == 587 && server.host == "smtp.example.com")
        #expect(server.user == "ops@shop.example" && server.from == "ops@shop.example" && server.to == ["a@shop.example", "b@shop.example"])
        #expect(server.address == "smtp://ops%40shop.example@smtp.example.com:587?from=ops%40shop.example&to=a%40shop.example,b%40shop.example")
        #expect(try MailServer(address: server.address) == server)
        let tls = try MailServer(address: "smtps://relay.example.com?from=noreply@shop.example&to=a@shop.example")
        #expect(tls.port == 465 && tls.user == nil && tls.masked == "smtps://relay.example.com/… → 1")
        let v6 = try MailServer(address: "smtp://[::1]:2525?from=a@shop.example&to=b@shop.example")
        #expect(v6.host == "[::1]" && v6.port == 2525 && v6.isLoopback)
        #expect(try MailServer(address: "smtp://[::1]?from=a@shop.example&to=b@shop.example").port == 587)
        #expect(try MailServer(address: "smtp://smtp.example.com.?from=a@shop.example&to=b@shop.example").host == "smtp.example.com")
    }

    @Test("what cannot be sent to is refused with a reason")
    func refusals() {
        let bad = [
            "http://smtp.example.com?to=a@shop.example",              // not SMTP
            "smtp://smtp.example.com?from=x@shop.example",            // no recipient
            "smtp://smtp.example.com?from=x&to=a@shop.example",       // a sender that is no address
            "smtp://user:pw@smtp.example.com?to=a@shop.example",      // a password in the address
            "smtp://smtp.example.com:99999?from=x@shop.example&to=a@shop.example",
            "smtp://smtp.example.com?from=x@shop.example&to=a@shop.example%0D%0ADATA",  // a line break smuggled in
            "smtp://smtp.example.com?from=x@shop.example&to=<a@shop.example>",
            "smtp://smtp.example.com?from=x@shop.example&to=a@shop.example&bcc=c@shop.example",
            "smtp://smtp ex.com?from=x@shop.example&to=a@shop.example",
            "smtp://smtp.example.com?from=x@shop.example&to=a@shop.example%",
            "smtp://smtp.example.com:465?from=x@shop.example&to=a@shop.example",   // 465 is TLS from the start
            "smtps://smtp.example.com:587?from=x@shop.example&to=a@shop.example",  // 587 is STARTTLS
        ]
        for address in bad {
            #expect(throws: MailServer.Problem.self, "\(address)") { try MailServer(address: address) }
        }
        #expect(MailServer.isAddress("boss+ops@shop.example.cn") && !MailServer.isAddress("boss@localhost"))
    }
}
