import Vapor

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`: `Resources/openapi.json`, built into
/// the binary. It is a checked contract: a test fails when a registered `/api/v1` route is missing from it, the test
/// suite validates every API answer it receives against it (`scripts/test`), and schemathesis fuzzes the server
/// with it in CI.
enum OpenAPIDocument {
  static let json = String(decoding: PackageResources.openapi_json, as: UTF8.self)

  @Sendable static func serve(req: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .json
    headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
    return Response(status: .ok, headers: headers, body: .init(string: json))
  }
}
