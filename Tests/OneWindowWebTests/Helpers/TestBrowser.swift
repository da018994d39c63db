import Foundation
import Testing
import VaporTesting

/// A cookie-keeping client for page tests: it remembers `Set-Cookie`, posts forms, and reads
/// the CSRF token out of the last page, as a browser would.
struct TestBrowser {
  let app: Application
  private(set) var cookies: [String: String] = [:]
  private(set) var lastBody = ""

  init(_ app: Application) {
    self.app = app
  }

  mutating func get(_ path: String) async throws -> TestingHTTPResponse {
    try await send(.GET, path, body: nil, contentType: nil)
  }

  mutating func post(_ path: String, form: [String: String]) async throws -> TestingHTTPResponse {
    let body = form.sorted { $0.key < $1.key }
      .map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
    return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
  }

  /// Posts a multipart form: text fields and files (field, file name, content type, bytes), as a browser does.
  mutating func post(
    _ path: String, form: [String: String], files: [(field: String, name: String, type: String, bytes: [UInt8])]
  ) async throws -> TestingHTTPResponse {
    let boundary = "----OneWindowTest\(UUID().uuidString)"
    var body: [UInt8] = []
    func add(_ text: String) { body += Array(text.utf8) }
    for (name, value) in form.sorted(by: { $0.key < $1.key }) {
      add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    for file in files {
      add(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
          + "Content-Type: \(file.type)\r\n\r\n")
      body += file.bytes
      add("\r\n")
    }
    add("--\(boundary)--\r\n")
    return try await send(
      .POST, path, bytes: body, contentType: "multipart/form-data; boundary=\(boundary)")
  }

  /// The `_csrf` value of the last page's first form.
  var csrfToken: String? {
    guard let range = lastBody.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression)
    else { return nil }
    return String(lastBody[range].split(separator: "\"")[3])
  }

  /// Signs in through the login page and follows the redirect.
  mutating func signIn(_ username: String, password: String = "demo1234") async throws
    -> TestingHTTPResponse
  {
    _ = try await get("/login")
    let token = try #require(csrfToken)
    return try await post("/login", form: ["username": username, "password": password, "_csrf": token])
  }

  private mutating func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String?)
    async throws -> TestingHTTPResponse
  {
    try await send(method, path, bytes: body.map { Array($0.utf8) }, contentType: contentType)
  }

  private mutating func send(_ method: HTTPMethod, _ path: String, bytes: [UInt8]?, contentType: String?)
    async throws -> TestingHTTPResponse
  {
    var headers = HTTPHeaders()
    if !cookies.isEmpty {
      headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
    }
    if let contentType { headers.add(name: .contentType, value: contentType) }
    let response = try await app.testing().sendRequest(
      method, path, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) })
    for (name, cookie) in response.headers.setCookie?.all ?? [:] {
      if cookie.string.isEmpty { cookies[name] = nil } else { cookies[name] = cookie.string }
    }
    lastBody = response.body.string
    return response
  }

  private static func encode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}
