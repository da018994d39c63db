import Foundation
import Testing
import VaporTesting

@Suite("OpenAPI document")
struct OpenAPITests {
  @Test("every registered /api/v1 route is in the document, and nothing else")
  func coversRoutes() async throws {
    try await withTestApp(.sqlite, demo: false) { app in
      // setup
      let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
      #expect(response.status == .ok)
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
      #expect(document["openapi"] as? String == "3.1.0")
      let paths = try #require(document["paths"] as? [String: [String: Any]])
      let documented = Set(
        paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
      // act
      let registered = Set(
        app.routes.all.compactMap { route -> String? in
          let path =
            "/"
            + route.path.map { component -> String in
              if case .parameter(let name) = component { return "{\(name)}" }
              return component.description
            }.joined(separator: "/")
          return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
        })
      // check
      #expect(!registered.isEmpty)
      #expect(registered.subtracting(documented).isEmpty, "missing from openapi.json")
      #expect(documented.subtracting(registered).isEmpty, "documented but not registered")
    }
  }

  @Test("every $ref in the document points at a definition that exists")
  func referencesResolve() async throws {
    try await withTestApp(.sqlite, demo: false) { app in
      let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
      let document = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
      var references: [String] = []
      func collect(_ value: Any) {
        if let object = value as? [String: Any] {
          if let ref = object["$ref"] as? String { references.append(ref) }
          object.values.forEach(collect)
        } else if let array = value as? [Any] {
          array.forEach(collect)
        }
      }
      collect(document)
      #expect(!references.isEmpty)
      for reference in Set(references) {
        var node: Any? = document
        for key in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(key)] }
        #expect(node != nil, "unresolved \(reference)")
      }
    }
  }
}
