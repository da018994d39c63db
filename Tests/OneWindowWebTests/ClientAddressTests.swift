import Foundation
import NIOCore
import OneWindowDomain
import Testing
import Vapor

@testable import OneWindowWeb

/// Behind HAProxy every visitor arrives from the proxy's address: budgets and sign-in throttles must count the
/// address the proxy forwarded — and only a named proxy may say so.
@Suite("The client address behind a trusted proxy")
struct ClientAddressTests {
  func address(peer: String, forwarded: [String], trusted: Set<String>) throws -> String {
    let app = Application(.testing)
    defer { app.shutdown() }
    app.configuration = AppConfiguration(database: .sqliteMemory, dataDirectory: "/tmp")
    app.configuration.trustedProxies = trusted
    let request = Request(
      application: app, method: .GET, url: URI(path: "/status"),
      remoteAddress: try SocketAddress(ipAddress: peer, port: 40000), on: app.eventLoopGroup.next())
    for value in forwarded { request.headers.add(name: "X-Forwarded-For", value: value) }
    return request.clientAddress
  }

  @Test("a trusted proxy's X-Forwarded-For names the client; anything else is the connection's address")
  func forwarded() throws {
    let proxy: Set<String> = ["127.0.0.1", "10.0.0.5"]
    // No proxy named: the header is the client's own say-so.
    #expect(try address(peer: "127.0.0.1", forwarded: ["198.51.100.7"], trusted: []) == "127.0.0.1")
    // A named proxy: the rightmost hop it did not write.
    #expect(try address(peer: "127.0.0.1", forwarded: ["198.51.100.7"], trusted: proxy) == "198.51.100.7")
    // What the client wrote further left is ignored; a second proxy in the chain is skipped.
    #expect(
      try address(peer: "127.0.0.1", forwarded: ["1.2.3.4, 198.51.100.7, 10.0.0.5"], trusted: proxy)
        == "198.51.100.7")
    #expect(try address(peer: "127.0.0.1", forwarded: ["1.2.3.4", "198.51.100.7"], trusted: proxy) == "198.51.100.7")
    #expect(try address(peer: "127.0.0.1", forwarded: ["2001:db8::7"], trusted: proxy) == "2001:db8::7")
    // A peer that is not a named proxy cannot choose its address.
    #expect(try address(peer: "203.0.113.9", forwarded: ["198.51.100.7"], trusted: proxy) == "203.0.113.9")
    // No header, garbage, or only proxies: the connection's address.
    #expect(try address(peer: "127.0.0.1", forwarded: [], trusted: proxy) == "127.0.0.1")
    #expect(try address(peer: "127.0.0.1", forwarded: ["not-an-address"], trusted: proxy) == "127.0.0.1")
    #expect(try address(peer: "127.0.0.1", forwarded: ["10.0.0.5"], trusted: proxy) == "127.0.0.1")
  }

  @Test("the trusted proxies are read from the environment, and an entry that is not an address is named")
  func setting() throws {
    var arguments = ["onewindow"]
    let configuration = try AppConfiguration.load(
      arguments: &arguments, environment: ["ONEWINDOW_TRUSTED_PROXIES": "127.0.0.1, ::1,10.0.0.5"])
    #expect(configuration.trustedProxies == ["127.0.0.1", "::1", "10.0.0.5"])
    for bad in ["10.0.0.0/8", "proxy.example", "127.0.0.1:8080"] {
      do {
        _ = try AppConfiguration.load(arguments: &arguments, environment: ["ONEWINDOW_TRUSTED_PROXIES": bad])
        Issue.record("accepted \(bad)")
      } catch {
        #expect(error.field == "ONEWINDOW_TRUSTED_PROXIES")
        #expect(error.message.zh.contains(bad))
      }
    }
  }
}
