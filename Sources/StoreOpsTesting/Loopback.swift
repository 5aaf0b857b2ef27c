import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw TCP on 127.0.0.1, for tests that must behave like a client a framework would not be: half-sent requests,
/// trickled bodies, a server killed mid-upload.
public enum Loopback {
    /// A socket connected to `port` whose reads give up after `timeout` seconds, or nil when nothing listens.
    public static func connect(port: Int, timeout: Int = 10) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Sends all of `bytes`; false when the connection broke first.
    @discardableResult
    public static func send<Bytes: DataProtocol>(_ fd: Int32, _ bytes: Bytes) -> Bool {
        let data = Data(bytes)
        return data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// Reads until the peer closes (or the read times out); what came, and whether it ended by the peer's close.
    /// The blocking reads run off the cooperative pool (`OffPool`): a server in the same process must stay free to
    /// answer.
    public static func receiveAll(_ fd: Int32) async -> (bytes: [UInt8], closed: Bool) {
        await OffPool.run { receiveAllBlocking(fd) }
    }

    /// `receiveAll` on the calling thread.
    static func receiveAllBlocking(_ fd: Int32) -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return (received, true) }
            if n < 0 { return (received, false) }
            received += buffer[..<n]
        }
    }

    /// A loopback port nothing listens on now.
    public static func freePort() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }
}
