import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Public addresses for fetching")
struct PublicAddressTests {
    @Test(
        "addresses of this machine, private networks, link-local and metadata services are not public",
        arguments: [
            "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254",
            "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "ff02::1",
        ])
    func notPublic(_ address: String) {
        let resolved = PublicAddress.resolve(address)
        #expect(!resolved.isEmpty, "\(address) reads as an address")
        #expect(resolved.allSatisfy { !PublicAddress.isPublic($0) }, "\(address)")
    }

    @Test(
        "ordinary internet addresses are public",
        arguments: ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
    func isPublic(_ address: String) {
        let resolved = PublicAddress.resolve(address)
        #expect(!resolved.isEmpty && resolved.allSatisfy(PublicAddress.isPublic), "\(address)")
    }

    @Test("a name is judged by what it resolves to")
    func names() {
        #expect(throws: PublicAddress.Refusal.self) { try PublicAddress.check(host: "localhost") }
        #expect(throws: PublicAddress.Refusal.self) { try PublicAddress.check(host: "[::1]") }
    }
}
