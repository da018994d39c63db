import Foundation
import Testing
import VaporTesting

@Suite("Form bodies over a real connection")
struct FormBodyTests {
  @Test("a large form that arrives in several reads still passes the CSRF check")
  func largeFormOverTheNetwork() async throws {
    try await withTestApp(.sqlite) { app in
      // setup: the anonymous CSRF token from the login page
      let live = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
      var cookie = ""
      var token = ""
      try await live.test(.GET, "/login") { response in
        cookie = response.headers.setCookie?.all.map { "\($0.key)=\($0.value.string)" }.joined(separator: "; ") ?? ""
        let body = response.body.string
        let range = try #require(body.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression))
        token = String(body[range].split(separator: "\"")[3])
      }
      // act: a login form padded to 400 KB, as a long item form can be
      let form = "_csrf=\(token)&username=clerk&password=wrong-password1&pad=\(String(repeating: "x", count: 400_000))"
      try await live.test(
        .POST, "/login",
        headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie],
        body: ByteBuffer(string: form)
      ) { response in
        // check: the form reached the login check (wrong password), not the "form expired" page
        #expect(response.status == .unprocessableEntity)
        #expect(response.body.string.contains("用户名或密码不正确"))
      }
    }
  }
}
