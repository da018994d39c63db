import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow user add|list|disable`
struct UserCommand: AsyncCommandGroup {
  var help: String { "Manage staff accounts: add, list, disable" }

  var commands: [String: any AnyAsyncCommand] {
    ["add": UserAddCommand(), "list": UserListCommand(), "disable": UserDisableCommand()]
  }
}

/// `onewindow user add USERNAME --name 张三 --role clerk --region 360999 [--site ID] [--department ID]`
struct UserAddCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "username", help: "Login name: 3–32 of a–z 0–9 . _ -")
    var username: String

    @Option(name: "name", help: "Display name, e.g. 张三")
    var name: String?

    @Option(name: "role", help: "admin, clerk, reviewer, agent, supervisor or service")
    var role: String?

    @Option(name: "region", help: "Scope region code (6, 9 or 12 digits)")
    var region: String?

    @Option(name: "site", help: "Scope site id (optional)")
    var site: String?

    @Option(name: "department", help: "Scope department id (optional)")
    var department: String?

    @Option(name: "title", help: "Job title shown on the workbench (optional)")
    var title: String?

    @Option(name: "password", help: "Initial password; asked for when left out")
    var password: String?
  }

  var help: String { "Add a staff account" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    guard let name = signature.name, !name.isEmpty else {
      throw ValidationError(field: "--name", zh: "请用 --name 给出姓名", en: "Give a name with --name")
    }
    let role = try Role.parse(signature.role ?? "", field: "--role")
    let region = try RegionCode.parse(signature.region ?? "", field: "--region")
    let password = signature.password ?? context.console.ask("Password:", isSecure: true)
    try app.configuration.loginPolicy.validatePassword(password, field: "--password")
    let hash = try await app.password.async.hash(password)
    let staff = try await StaffRepository(app.db).add(
      NewStaff(
        username: signature.username, displayName: name, role: role,
        scope: Scope(regionCode: region, siteID: signature.site, departmentID: signature.department),
        title: signature.title ?? role.name.zh),
      passwordHash: hash)
    context.console.print("Added \(staff.username) (\(staff.role.rawValue)) in \(staff.scope.regionCode).")
  }
}

/// `onewindow user list [--region CODE]`
struct UserListCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "region", help: "Only accounts in this region (code)")
    var region: String?
  }

  var help: String { "List staff accounts" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let scope = try signature.region.map {
      Scope(regionCode: try RegionCode.parse($0, field: "--region"))
    }
    let records = try await StaffRepository(context.application.db).list(in: scope, limit: 100_000)
    for record in records {
      let staff = record.identity
      let state = record.isDisabled ? "disabled" : "active"
      let columns = [
        staff.username, staff.role.rawValue, staff.displayName, staff.scope.regionCode.value,
        staff.scope.siteID ?? "-", staff.scope.departmentID ?? "-", state,
      ]
      context.console.print(columns.joined(separator: "\t"))
    }
    context.console.print("\(records.count) accounts")
  }
}

/// `onewindow user disable USERNAME`
struct UserDisableCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "username", help: "The account to disable")
    var username: String
  }

  var help: String { "Disable a staff account; its sessions and tokens stop working" }

  func run(using context: CommandContext, signature: Signature) async throws {
    guard try await TokenCache.disable(username: signature.username, context.application) else {
      throw ValidationError(
        field: "username", zh: "没有用户「\(signature.username)」", en: "No user '\(signature.username)'")
    }
    context.console.print("Disabled \(signature.username); their sessions and tokens are revoked.")
  }
}
