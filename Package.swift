// swift-tools-version:6.0
import PackageDescription

// Module map (one-way): OneWindowDomain ← OneWindowStore, OneWindowDomain ← OneWindowViews,
// Store + Views ← OneWindowWeb ← onewindow (CLI). See README.md.
let package = Package(
  name: "OneWindow",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "onewindow", targets: ["onewindow"])
  ],
  dependencies: [
    .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
    .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
    .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
    .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    // Already in Vapor's graph; named here for the HTTP load benchmark's client.
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.21.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
    // `/metrics` in Prometheus's format; its own dependencies (swift-metrics, swift-atomics) are in Vapor's graph.
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
  ],
  targets: [
    // Pure domain: no I/O. swift-crypto only for the SHA-256 of the case trail's hash chain.
    .target(name: "OneWindowDomain", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
    .target(
      name: "OneWindowStore",
      dependencies: [
        "OneWindowDomain",
        .product(name: "Fluent", package: "fluent"),
        .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
        .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
      ]
    ),
    .target(name: "OneWindowViews", dependencies: ["OneWindowDomain"]),
    // .xlsx reading and writing (zip, inflate, SpreadsheetML) with no dependencies: catalog import and export.
    .target(name: "OneWindowSpreadsheet"),
    .target(
      name: "OneWindowWeb",
      dependencies: [
        "OneWindowDomain", "OneWindowStore", "OneWindowViews", "OneWindowSpreadsheet",
        .product(name: "Vapor", package: "vapor"),
        .product(name: "Fluent", package: "fluent"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      // The API contract and the site icon, built into the binary (no resource bundle to ship beside it).
      resources: [.embedInCode("Resources/openapi.json"), .embedInCode("Resources/favicon.ico")]
    ),
    .executableTarget(
      name: "onewindow",
      dependencies: ["OneWindowWeb", .product(name: "NIOPosix", package: "swift-nio")]
    ),
    .testTarget(name: "OneWindowDomainTests", dependencies: ["OneWindowDomain"]),
    .testTarget(name: "OneWindowViewsTests", dependencies: ["OneWindowViews"]),
    .testTarget(name: "OneWindowSpreadsheetTests", dependencies: ["OneWindowSpreadsheet"]),
    .testTarget(
      name: "OneWindowWebTests",
      dependencies: [
        "OneWindowWeb", "OneWindowStore", "OneWindowDomain", "OneWindowSpreadsheet",
        .product(name: "VaporTesting", package: "vapor"),
        .product(name: "Fluent", package: "fluent"),
      ]
    ),
  ]
)
