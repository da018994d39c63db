import OneWindowStore
import Vapor

/// Builds the OneWindow application: configuration, database, middleware, routes and commands.
public enum OneWindow {
  public static let version = "0.1.0"

  public static func configure(_ app: Application, with configuration: AppConfiguration) throws {
    app.configuration = configuration
    if let start = configuration.clockStart {
      let started = Date()
      app.now = { start.addingTimeInterval(Date().timeIntervalSince(started)) }
    }
    _ = app.deadlineRules  // created once, before requests run concurrently
    _ = app.lookups
    _ = app.countyList
    _ = app.tokenCache
    _ = app.metrics
    _ = app.standbyReads
    try Store.configure(app, location: configuration.database, standby: configuration.readDatabase)
    app.use(events: try EventChannel(location: configuration.database, logger: app.logger))
    app.use(hallPublisher: HallPublisher(application: app))
    app.lifecycle.use(EventChannelLifecycle())
    app.passwords.use(.bcrypt(cost: configuration.passwordCost))
    app.passwordChecks = PasswordChecks(cost: configuration.passwordCost)
    app.lifecycle.use(PasswordChecksLifecycle())
    app.lifecycle.use(SetupNoticeLifecycle())
    _ = app.setupState
    InputText.install()

    _ = app.databaseIncidents
    if let gateway = configuration.textGateway {
      app.use(textMessages: GatewayTextMessageSender(settings: gateway, client: app.http.client.shared))
    }
    app.http.server.configuration.idleTimeout = .milliseconds(Int64(configuration.idleTimeout * 1000))
    // Vapor's own request metrics go to swift-metrics' global system, which is not bootstrapped: `ServerMetrics`
    // counts requests instead, per application.
    app.http.server.configuration.reportMetrics = false
    app.http.server.configuration.shutdownTimeout = .milliseconds(Int64(configuration.shutdownGrace * 1000))

    app.middleware = Middlewares()
    app.middleware.use(ShutdownGateMiddleware(gate: app.shutdownGate))
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorMiddleware())
    app.middleware.use(QueryTextMiddleware())
    app.routes.defaultMaxBodySize = "1mb"

    Routes.register(app)
    OneWindowCommands.register(app)
  }

  /// Brings the database up to date and tunes it; run before serving or any command that needs it.
  public static func prepareDatabase(_ app: Application) async throws {
    try await app.autoMigrate()
    try await Store.tune(app.db)
  }
}
