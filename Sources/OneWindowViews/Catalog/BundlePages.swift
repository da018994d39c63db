import OneWindowDomain

/// "一件事一次办": the bundles, and for each its items and one combined material list.
public enum BundlePages {
  public static func list(_ bundles: [ServiceBundle], _ context: PageContext) -> HTML {
    let cards = bundles.map { bundle -> HTML in
      """
      <section class="card"><h3><a href="\(Links.bundle(bundle.id))">\(bundle.name)</a></h3>
      <p class="meta"><span class="tag">\(context.t(bundle.audience.name))</span>\
      \(context.t("\(bundle.itemCodes.count) 个事项", "\(bundle.itemCodes.count) items"))</p>
      <p>\(bundle.summary)</p></section>
      """
    }
    let body: HTML = """
      <h1>\(context.t("一件事一次办", "One thing, one visit"))</h1>
      <p class="lead">\(context.t(
        "多个事项一张表单、一套材料、一次提交，牵头部门统一协调，各部门并联办理。",
        "Several items with one form, one set of materials and one submission; a lead department coordinates."))</p>
      <div class="cards">\(cards)</div>
      """
    return Layout.page(context, title: context.t("一件事一次办", "Bundles"), body: body)
  }

  public struct Model: Sendable {
    public let bundle: ServiceBundle
    public let items: [ServiceItem]
    public let departmentNames: [String: String]

    public init(bundle: ServiceBundle, items: [ServiceItem], departmentNames: [String: String]) {
      self.bundle = bundle
      self.items = items
      self.departmentNames = departmentNames
    }
  }

  public static func detail(_ model: Model, _ context: PageContext) -> HTML {
    let bundle = model.bundle
    let items = model.items.map { item -> HTML in
      """
      <tr><td><a href="\(Links.item(item.code))">\(item.name)</a></td>\
      <td>\(model.departmentNames[item.departmentID] ?? item.departmentID)</td>\
      <td>\(ItemText.limit(item.caseKind, item.promisedLimitDays, context))</td></tr>
      """
    }
    let names = Dictionary(model.items.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    let materials = ServiceBundle.combinedMaterials(of: model.items).enumerated().map { index, entry -> HTML in
      let necessity =
        entry.material.deferrable
        ? context.t("必要（可容缺后补）", "Required (may follow later)")
        : entry.material.required ? context.t("必要", "Required") : context.t("非必要", "Optional")
      let usedBy = entry.itemCodes.compactMap { names[$0] }.joined(separator: context.t("、", ", "))
      return """
        <tr><td>\(index + 1)</td><td>\(entry.material.name)</td><td>\(necessity)</td>\
        <td>\(entry.material.copies)</td><td class="meta">\(usedBy)</td></tr>
        """
    }
    let longest = model.items.map { $0.caseKind == .immediate ? 0 : $0.promisedLimitDays }.max() ?? 0
    let body: HTML = """
      <h1>\(bundle.name)</h1>
      <p class="lead">\(bundle.summary)</p>
      \(applyLinks(model, context))
      <table class="facts"><tbody>
      <tr><th scope="row">\(context.t("牵头部门", "Lead department"))</th><td>\(model.departmentNames[bundle.leadDepartmentID] ?? "")</td></tr>
      <tr><th scope="row">\(context.t("办结时限", "Done within"))</th><td>\(context.t(
        "各事项并联办理，最长 \(longest) 个工作日", "In parallel; at most \(longest) working days"))</td></tr>
      </tbody></table>
      <h2>\(context.t("包含事项", "Items"))</h2>
      <table><thead><tr><th>\(context.t("事项", "Item"))</th><th>\(context.t("实施部门", "Department"))</th>\
      <th>\(context.t("承诺时限", "Limit"))</th></tr></thead><tbody>\(items)</tbody></table>
      <h2>\(context.t("一套材料", "One set of materials"))</h2>
      <p class="meta">\(context.t("多个事项共用的材料只需提交一次。", "A material several items need is handed in once."))</p>
      <table><thead><tr><th>\(context.t("序号", "No."))</th><th>\(context.t("材料名称", "Material"))</th>\
      <th>\(context.t("必要性", "Required"))</th><th>\(context.t("份数", "Copies"))</th><th>\(context.t("用于", "Used by"))</th></tr></thead>
      <tbody>\(materials)</tbody></table>
      """
    return Layout.page(context, title: bundle.name, body: body)
  }

  /// How to apply: online with one form when a personal account may (an item of it takes online applications and
  /// every item serves persons), and always at a window, where the clerk takes the whole bundle in as one intake.
  private static func applyLinks(_ model: Model, _ context: PageContext) -> HTML {
    let bundle = model.bundle
    let online = model.items.contains { $0.onlineDepth >= 3 } && model.items.allSatisfy(\.servesPersons)
    let window = context.t(
      "也可到政务服务中心综合窗口一次办理（可先预约取号）。", "Or apply at a general window of the service center (book first).")
    guard online else {
      let why =
        model.items.allSatisfy(\.servesPersons)
        ? context.t("本件事需到现场办理，请到政务服务中心综合窗口一次申请。", "This needs a visit: apply at a general window.")
        : context.t(
          "本件事面向法人和其他组织，请由单位经办人到综合窗口一次申请。", "For organisations: their representative applies at a general window.")
      return """
        <p class="note" id="bundle-apply">\(why) <a class="button small" href="\(Links.appointments)">\(context.t("预约取号", "Book a visit"))</a></p>
        """
    }
    return """
      <p id="bundle-apply"><a class="button" href="\(Links.portalApply)?bundle=\(bundle.id)">\(context.t("在线申请（一次填报）", "Apply online (one form)"))</a> \
      <span class="meta">\(window)</span> <a href="\(Links.appointments)">\(context.t("预约取号", "Book a visit"))</a></p>
      """
  }
}
