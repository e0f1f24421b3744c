#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MamoriCore

/// Looks a host name up just before sending, so a public-looking name that points into the
/// server's own network is refused too. (A name that changes its answer between this lookup
/// and the connection is not caught; the target check on the address itself is the first line.)
enum WebhookAddressCheck {
    static func resolvesToPrivate(_ host: String) async throws -> Bool {
        if WebhookTarget.isPrivate(host: host) { return true }
        return await Task.detached { addresses(of: host).contains { WebhookTarget.isPrivate(host: $0) } }.value
    }

    /// Numeric addresses of a name (IPv4 and IPv6); empty when it does not resolve.
    static func addresses(of host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var found: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                found.append(String(cString: buffer))
            }
            cursor = info.pointee.ai_next
        }
        return found
    }
}
