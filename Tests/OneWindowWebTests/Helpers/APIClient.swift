import Foundation
import Testing
import VaporTesting

/// A small JSON client for API tests: signs in once, then sends JSON with the bearer token.
struct APIClient {
  let app: Application
  let token: String

  static func signIn(_ app: Application, _ username: String, password: String = "demo1234") async throws -> APIClient {
    let response = try await app.testing().sendRequest(
      .POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
      body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(password)"}"#))
    let json = try JSON(response)
    return APIClient(app: app, token: try #require(json["token"].string))
  }

  func send(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, headers extra: HTTPHeaders = [:])
    async throws -> TestingHTTPResponse
  {
    var headers = extra
    headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)")
    var buffer: ByteBuffer?
    if let body {
      headers.replaceOrAdd(name: .contentType, value: "application/json")
      buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
    }
    return try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
  }

  /// Registers a case for the demo applicant 王秀英 and returns its JSON.
  func createCase(item: String = "360105002000", site: String? = nil, key: String? = nil) async throws -> JSON {
    var body: [String: Any] = [
      "item_code": item,
      "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
    ]
    if let site { body["site_id"] = site }
    var headers = HTTPHeaders()
    if let key { headers.add(name: "Idempotency-Key", value: key) }
    let response = try await send(.POST, "/api/v1/cases", body, headers: headers)
    #expect(response.status == .created || response.status == .ok, "\(response.body.string)")
    return try JSON(response)
  }

  func step(_ number: String, _ step: String, _ body: [String: Any] = [:]) async throws -> TestingHTTPResponse {
    try await send(.POST, "/api/v1/cases/\(number)/\(step)", body)
  }
}

/// Just enough JSON reading for assertions.
struct JSON {
  let value: Any?

  init(_ value: Any?) {
    self.value = value
  }

  init(_ response: TestingHTTPResponse) throws {
    value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
  }

  subscript(key: String) -> JSON { JSON((value as? [String: Any])?[key]) }
  subscript(index: Int) -> JSON {
    guard let array = value as? [Any], array.indices.contains(index) else { return JSON(nil) }
    return JSON(array[index])
  }

  var string: String? { value as? String }
  var bool: Bool? { value as? Bool }
  var int: Int? { value as? Int }
  var double: Double? { (value as? NSNumber)?.doubleValue }
  var array: [JSON] { (value as? [Any])?.map(JSON.init) ?? [] }
}
