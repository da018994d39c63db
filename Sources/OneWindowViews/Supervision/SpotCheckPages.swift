import Foundation
import OneWindowDomain

/// 随机抽查: the draws made so far with the form that makes one, and one draw's sample with its findings.
public enum SpotCheckPages {
  public struct ListModel: Sendable {
    public let checks: [SpotCheck]
    /// Whose work can be sampled: value ("department:ID" or "agent:ID") and name.
    public let targets: [(value: String, name: String)]
    public let targetNames: [String: String]
    public let mayDraw: Bool
    public let errors: [ValidationError]
    public let values: [String: String]

    public init(
      checks: [SpotCheck], targets: [(value: String, name: String)], targetNames: [String: String], mayDraw: Bool,
      errors: [ValidationError] = [], values: [String: String] = [:]
    ) {
      self.checks = checks
      self.targets = targets
      self.targetNames = targetNames
      self.mayDraw = mayDraw
      self.errors = errors
      self.values = values
    }
  }

  public static func list(_ model: ListModel, _ context: PageContext) -> HTML {
    let rows = model.checks.map { check -> HTML in
      """
      <tr><td><a href="\(Links.spotCheck(check.id))">\(model.targetNames[check.target.id] ?? check.target.id)</a></td>\
      <td>\(check.from.iso) – \(check.through.iso)</td><td class="num">\(check.population)</td>\
      <td class="num">\(check.items.count)</td><td class="num">\(check.checked)</td><td class="num">\(check.problems)</td>\
      <td>\(check.seed)</td><td>\(check.openedBy)</td></tr>
      """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"spot-checks\">\(context.t("还没有抽查。", "No spot checks yet."))</p>"
      : """
      <table class="results" id="spot-checks"><thead><tr><th>\(context.t("抽查对象", "Whose work"))</th>\
      <th>\(context.t("期间", "Period"))</th><th class="num">\(context.t("办件总数", "Cases"))</th>\
      <th class="num">\(context.t("抽取", "Drawn"))</th><th class="num">\(context.t("已核查", "Checked"))</th>\
      <th class="num">\(context.t("发现问题", "Problems"))</th><th>\(context.t("随机种子", "Seed"))</th>\
      <th>\(context.t("抽查人", "By"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let f = FormParts(context: context, errors: model.errors)
    let form: HTML =
      model.mayDraw
      ? """
      <section class="panel no-print" id="draw"><h2>\(context.t("抽取样本", "Draw a sample"))</h2>
      <form method="post" action="\(Links.spotChecks)" novalidate>\(context.csrfField)\(f.summary())
      \(f.select("target", context.t("抽查对象（部门办结件或帮办代办员的代办件）", "Whose work (a department's concluded cases, or an agent's filings)"), [("", context.t("请选择", "Choose"))] + model.targets.map { ($0.value, $0.name) }, model.values["target"] ?? ""))
      \(f.date("from", context.t("开始日期", "First day"), model.values["from"] ?? ""))
      \(f.date("through", context.t("结束日期", "Last day"), model.values["through"] ?? ""))
      \(f.number("size", context.t("抽查数量（件）", "How many cases"), Int(model.values["size"] ?? "") ?? 10))
      \(f.text("seed", context.t("随机种子（留空则随机生成；同一期间、同一种子抽得同样样本）", "Seed (blank: a random one; the same period and seed draw the same sample)"), model.values["seed"] ?? ""))
      <p><button type="submit">\(context.t("抽取", "Draw"))</button></p>
      </form></section>
      """ : .empty
    let body: HTML = """
      <h1>\(context.t("随机抽查", "Spot checks"))</h1>
      <p class="meta">\(context.t("按部门或帮办代办员随机抽取一段期间内的办件，逐件核查材料与全程留痕，记录结果。", "Draw cases of a department or a proxy agent for a period at random, check each against its file and trail, and record what was found."))</p>
      \(table)
      \(form)
      """
    return Layout.page(context, title: context.t("随机抽查", "Spot checks"), body: body)
  }

  public struct CheckModel: Sendable {
    public let check: SpotCheck
    public let version: Int
    public let targetName: String
    public let cases: [String: ServiceCase]
    public let clock: CaseClock
    public let mayRecord: Bool
    public let errors: [ValidationError]
    public let erroredNumber: String?

    public init(
      check: SpotCheck, version: Int, targetName: String, cases: [String: ServiceCase], clock: CaseClock,
      mayRecord: Bool, errors: [ValidationError] = [], erroredNumber: String? = nil
    ) {
      self.check = check
      self.version = version
      self.targetName = targetName
      self.cases = cases
      self.clock = clock
      self.mayRecord = mayRecord
      self.errors = errors
      self.erroredNumber = erroredNumber
    }
  }

  public static func check(_ model: CheckModel, _ context: PageContext) -> HTML {
    let check = model.check
    let rows = check.items.map { item -> HTML in
      let c = model.cases[item.caseNumber]
      let finding: HTML
      if let found = item.finding {
        finding =
          "<b class=\"\(found.result == .problem ? "material-missing" : "state-concluded")\">\(context.t(found.result.name))</b> \(found.note) <span class=\"meta\">\(found.byName) \(model.clock.time(found.at))</span>"
      } else if model.mayRecord {
        let f = FormParts(context: context, errors: model.erroredNumber == item.caseNumber ? model.errors : [])
        finding = """
          <form method="post" action="\(Links.spotCheckItem(check.id, item.caseNumber))" class="inline-form" novalidate>\
          \(context.csrfField)<input type="hidden" name="version" value="\(model.version)">\(f.summary())\
          <input type="text" name="note" aria-label="\(context.t("核查情况", "Finding"))" placeholder="\(context.t("核查情况（有问题时必填）", "Finding (required for a problem)"))">\
          <button type="submit" name="result" value="compliant" class="secondary">\(context.t("合规", "Compliant"))</button> \
          <button type="submit" name="result" value="problem">\(context.t("存在问题", "Problem"))</button></form>
          """
      } else {
        finding = "\(context.t("待核查", "Not checked yet"))"
      }
      return """
        <tr id="item-\(item.caseNumber)"><td><a href="\(Links.casePage(item.caseNumber))">\(item.caseNumber)</a></td>\
        <td>\(c?.item.name ?? "")</td><td>\(c.map { context.t($0.state.name) } ?? "")</td><td>\(finding)</td></tr>
        """
    }
    let body: HTML = """
      <p class="no-print"><a href="\(Links.spotChecks)">\(context.t("返回随机抽查", "Back to the spot checks"))</a></p>
      <h1>\(context.t("随机抽查", "Spot check")) · \(model.targetName)</h1>
      <dl class="facts" id="spot-check-facts">
      <dt>\(context.t("期间", "Period"))</dt><dd>\(check.from.iso) – \(check.through.iso)</dd>
      <dt>\(context.t("抽取", "Drawn"))</dt><dd>\(context.t("从 \(check.population) 件中随机抽取 \(check.items.count) 件", "\(check.items.count) of \(check.population) cases"))</dd>
      <dt>\(context.t("随机种子", "Seed"))</dt><dd>\(check.seed)（\(context.t("同一期间、同一种子可复现本样本", "the same period and seed draw this sample again"))）</dd>
      <dt>\(context.t("进度", "Progress"))</dt><dd id="spot-check-progress">\(context.t("已核查 \(check.checked) 件，发现问题 \(check.problems) 件", "\(check.checked) checked, \(check.problems) with problems"))</dd>
      <dt>\(context.t("抽查人", "Drawn by"))</dt><dd>\(check.openedBy) \(model.clock.time(check.openedAt))</dd>
      </dl>
      <table class="results cases" id="sample"><thead><tr><th>\(context.t("办件编号", "Number"))</th>\
      <th>\(context.t("事项", "Item"))</th><th>\(context.t("状态", "State"))</th><th>\(context.t("核查结果", "Finding"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
    return Layout.page(context, title: context.t("随机抽查", "Spot check"), body: body)
  }
}
