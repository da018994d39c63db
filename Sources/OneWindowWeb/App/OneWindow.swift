import OneWindowStore
import Vapor

/// Builds the OneWindow application: configuration, database, middleware, routes and commands.
public enum OneWindow {
  public static let version = "0.1.0"

  public static func configure(_ app: Application, with configuration: AppConfiguration) throws {
    app.configuration = configuration
    try Store.configure(app, location: configuration.database)
    app.passwords.use(.bcrypt(cost: configuration.passwordCost))

    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(ErrorMiddleware())
    app.routes.defaultMaxBodySize = "1mb"

    Routes.register(app)
    OneWindowCommands.register(app)
  }
}
