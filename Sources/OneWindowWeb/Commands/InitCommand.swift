import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow init --county 360999 --name 云溪县 --admin admin [--admin-name 张三] [--time-zone Asia/Shanghai]`: the
/// first run from the shell, for an administrator who installs by script. Refused once a county exists, unless `--add`
/// asks for another county beside the first (a city running one deployment for its districts).
struct InitCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "county", help: "The county's 6-digit region code, e.g. 360999")
    var county: String?

    @Option(name: "name", help: "The county's name, e.g. 云溪县")
    var name: String?

    @Option(name: "admin", help: "The first administrator's username")
    var admin: String?

    @Option(name: "admin-name", help: "The administrator's name (default: 中心管理员)")
    var adminName: String?

    @Option(name: "time-zone", help: "IANA time zone (default Asia/Shanghai)")
    var timeZone: String?

    @Option(name: "password", help: "The administrator's password; asked for when left out")
    var password: String?

    @Flag(name: "add", help: "Add another county, with its own administrator, to a deployment that is set up")
    var add: Bool
  }

  var help: String { "Set up an empty database: the county and its first administrator (once)" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let directory = DirectoryRepository(app.db)
    let empty = try await directory.needsSetUp()
    if signature.add && empty {
      throw ValidationError(
        field: "--add", zh: "数据库中还没有县，请先不带 --add 运行首次设置", en: "No county yet; run the first set-up without --add")
    }
    guard empty || signature.add else {
      throw ValidationError(
        field: "--county", zh: "数据库中已有县级区划，首次设置只能做一次",
        en: "The database has a county already; the first run happens once")
    }
    var setup = CountySetup(
      countyCode: signature.county ?? "", countyName: signature.name ?? "",
      timeZone: signature.timeZone ?? "Asia/Shanghai", adminUsername: signature.admin ?? "",
      adminName: signature.adminName ?? Role.admin.name.zh, password: signature.password ?? "")
    let flags = [
      "county_code": "--county", "county_name": "--name", "time_zone": "--time-zone", "admin_username": "--admin",
      "admin_name": "--admin-name", "password": "--password",
    ]
    let early = setup.problems().filter { $0.field != "password" }
    if let first = early.first {
      throw ValidationError(field: flags[first.field] ?? first.field, message: first.message)
    }
    if signature.password == nil {
      setup.password = context.console.ask("Password for \(setup.adminUsername):", isSecure: true)
    }
    if let problem = setup.problems(policy: app.configuration.loginPolicy).first {
      throw ValidationError(field: flags[problem.field] ?? problem.field, message: problem.message)
    }
    let hash = try await app.password.async.hash(setup.password)
    do {
      if signature.add {
        _ = try await directory.addCounty(setup, passwordHash: hash)
      } else {
        _ = try await directory.setUp(setup, passwordHash: hash, now: Date())
      }
    } catch is DirectoryRepository.AlreadySetUp {
      throw ValidationError(field: "--county", zh: "首次设置已经完成", en: "The first run is done already")
    } catch let errors as ValidationErrors {
      guard let first = errors.errors.first else { throw errors }
      throw ValidationError(field: flags[first.field] ?? first.field, message: first.message)
    }
    context.console.print(
      "Set up \(setup.countyName) (\(setup.countyCode)); sign in as \(setup.adminUsername) and open /admin/directory.")
  }
}
