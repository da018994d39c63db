import OneWindowDomain

/// 办事指南: every element of one item version, printable on A4, with a QR code to its own address.
public enum ItemGuidePage {
  public struct Model: Sendable {
    /// The version shown (the current one unless a case or the admin asked for another).
    public let version: ItemVersion
    public let current: CatalogEntry
    public let departmentName: String
    /// Halls and stations where the item can be applied for.
    public let places: [Site]
    /// Delegation agreements in force for the item, with the delegate town's name.
    public let agreements: [(agreement: DelegationAgreement, regionName: String)]
    public let bundles: [ServiceBundle]
    /// The absolute address the QR code opens.
    public let guideURL: String
    /// The blank forms and samples there are files of, to download.
    public let files: [GuideFile]
    /// 常见问答 tied to the item, and the day that tells a stale one.
    public let knowledge: [KnowledgeEntry]
    public let today: CivilDate?

    public init(
      version: ItemVersion, current: CatalogEntry, departmentName: String, places: [Site],
      agreements: [(agreement: DelegationAgreement, regionName: String)], bundles: [ServiceBundle], guideURL: String,
      files: [GuideFile] = [], knowledge: [KnowledgeEntry] = [], today: CivilDate? = nil
    ) {
      self.files = files
      self.knowledge = knowledge
      self.today = today
      self.version = version
      self.current = current
      self.departmentName = departmentName
      self.places = places
      self.agreements = agreements
      self.bundles = bundles
      self.guideURL = guideURL
    }

    var isCurrent: Bool { version.number == current.version }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let item = model.version.item
    let body: HTML = """
      <article class="guide">
      <div class="guide-head">
      <div><p class="meta">\(context.t("办事指南", "Service guide")) · \(item.code)</p>
      <h1>\(item.name)</h1>
      <p>\(ItemText.statusTag(model.current.status, context))<span class="tag">\(context.t(item.type.name))</span>\
      <span class="tag">\(context.t(item.caseKind.name))</span>\
      \(item.unknown.contains(.visits) ? "" : "<span class=\"tag\">\(ItemText.visits(item.visits, context))</span>")</p></div>
      <figure class="qr-box">\(HTML(unsafe: qrSVG(model, context)))<figcaption>\(context.t("扫码查看最新办事指南", "Scan for the latest guide"))</figcaption></figure>
      </div>
      \(versionNote(model, context))
      <p class="no-print">\(applyLink(model, context))\
      <button type="button" data-print>\(context.t("打印办事指南", "Print the guide"))</button> \
      <a href="\(Links.items)">\(context.t("返回事项查询", "Back to the search"))</a></p>
      \(basics(model, context))
      <h2>\(context.t("受理条件", "Conditions"))</h2><p>\(item.conditions.isEmpty ? "—" : item.conditions)</p>
      <h2>\(context.t("设定依据", "Legal basis"))</h2><p>\(item.legalBasis.isEmpty ? "—" : item.legalBasis)</p>
      \(materials(item, files: model.files, context))
      \(steps(item, context))
      \(places(model, context))
      \(agreements(model, context))
      \(bundles(model, context))
      \(model.today.map { KnowledgePages.part(model.knowledge, today: $0, context) } ?? .empty)
      <p class="no-print"><a href="\(Links.newInquiry(item: item.code, kind: "consultation"))" id="ask-about-item">\(context.t("对本事项有疑问？在线咨询", "A question about this item? Ask us"))</a></p>
      <p class="meta print-only">\(context.t("本指南打印自", "Printed from")) \(model.guideURL)</p>
      </article>
      """
    return Layout.page(context, title: item.name, body: body)
  }

  private static func qrSVG(_ model: Model, _ context: PageContext) -> String {
    (try? QRCode(model.guideURL).svg(title: context.t("本指南的二维码", "QR code of this guide"))) ?? ""
  }

  private static func versionNote(_ model: Model, _ context: PageContext) -> HTML {
    let version = model.version
    let published = version.publishedAtMs.map { date($0) } ?? context.t("未发布", "not published")
    let note: HTML =
      "\(context.t("第 \(version.number) 版", "Version \(version.number)")) · \(context.t("发布于", "published")) \(published)"
    guard !model.isCurrent else { return "<p class=\"meta\">\(note)</p>" }
    return """
      <p class="note" role="note">\(note)。\(context.t(
        "这是办件受理时适用的历史版本；", "This is the earlier version a case was accepted under; "))\
      <a href="\(Links.item(version.item.code))">\(context.t("查看现行第 \(model.current.version) 版", "see the current version \(model.current.version)"))</a></p>
      """
  }

  static func date(_ milliseconds: Int64) -> String {
    CivilDate(dayNumber: Int((milliseconds / 1000 + 8 * 3600) / 86_400)).iso
  }

  private static func row(_ label: String, _ value: String) -> HTML {
    "<tr><th scope=\"row\">\(label)</th><td>\(value.isEmpty ? "—" : value)</td></tr>"
  }

  /// 在线申请 where the item takes online applications from a person; a legal persons' item says where to go.
  private static func applyLink(_ model: Model, _ context: PageContext) -> HTML {
    let item = model.version.item
    guard item.onlineDepth >= 3, model.isCurrent else { return .empty }
    guard item.servesPersons else {
      return """
        <span class="meta" id="legal-person-only">\(context.t(
          "本事项面向法人和其他组织，请由单位经办人到窗口办理。", "For organisations: their representative applies at a window."))</span> 
        """
    }
    return
      "<a class=\"button small\" href=\"\(Links.portalApply)?item=\(item.code)\">\(context.t("在线申请", "Apply online"))</a> "
  }

  private static func basics(_ model: Model, _ context: PageContext) -> HTML {
    let item = model.version.item
    func known(_ element: ItemElement, _ text: String) -> String { ItemText.known(item, element, text, context) }
    let visits =
      known(.visits, ItemText.visits(item.visits, context))
      + (item.visitReason.isEmpty ? "" : context.t("（", " (") + item.visitReason + context.t("）", ")"))
    let handling = item.orderedLevels.map { level in
      context.t(level.name) + context.label("", "") + (item.handling[level].map { context.t($0.name) } ?? "—")
    }.joined(separator: context.t("；", "; "))
    let fee = item.fee.map {
      ItemText.fee($0, context) + context.t("（依据：", " (basis: ") + $0.basis + context.t("）", ")")
    }
    let rows: [HTML] = [
      row(context.t("事项名称", "Item"), item.name),
      row(context.t("基本编码", "Code"), item.code),
      item.implementationCode.isEmpty
        ? .empty : row(context.t("实施编码", "Implementation code"), item.implementationCode),
      item.mainItem.map {
        row(context.t("所属主项", "Main item"), [$0.name, $0.code].filter { !$0.isEmpty }.joined(separator: " "))
      } ?? .empty,
      row(context.t("事项类型", "Type"), context.t(item.type.name)),
      row(context.t("实施主体", "Department"), model.departmentName),
      row(context.t("行使层级", "Levels"), ItemText.levels(item.orderedLevels, context)),
      row(context.t("办理模式", "Handling"), handling),
      row(context.t("办件类型", "Case kind"), known(.caseKind, context.t(item.caseKind.name))),
      row(
        context.t("法定办结时限", "Legal limit"),
        known(.legalLimit, ItemText.limit(item.caseKind, item.legalLimitDays, context))),
      row(
        context.t("承诺办结时限", "Promised limit"),
        known(.promisedLimit, ItemText.limit(item.caseKind, item.promisedLimitDays, context))),
      row(context.t("到办事现场次数", "On-site visits"), visits),
      row(context.t("网上办理深度", "Online depth"), known(.onlineDepth, ItemText.depth(item.onlineDepth, context))),
      row(
        context.t("服务对象", "Applicants"),
        known(
          .serviceObjects,
          ServiceObject.allCases.filter(item.serviceObjects.contains).map { context.t($0.name) }.joined(
            separator: context.t("、", ", ")))),
      row(context.t("通办范围", "Accepted"), context.t(item.acceptanceScope.name)),
      row(context.t("收费标准", "Fee"), known(.fee, fee ?? ItemText.fee(nil, context))),
      row(context.t("审批结果", "Result"), item.resultName),
      row(
        context.t("送达方式", "Delivery"),
        known(
          .deliveryModes,
          DeliveryMode.allCases.filter(item.deliveryModes.contains).map { context.t($0.name) }.joined(
            separator: context.t("、", ", ")))),
      row(context.t("咨询电话", "Inquiries"), item.inquiryPhone),
      row(context.t("监督投诉电话", "Complaints"), item.supervisionPhone),
    ]
    let exception: HTML =
      item.hallExceptionReason.isEmpty
      ? .empty : row(context.t("进驻例外", "Outside the hall"), item.hallExceptionReason)
    // Said only when the catalog says so: an unmarked item is not told as "not at a terminal".
    let kiosk: HTML =
      item.kioskReady == true
      ? row(context.t("自助终端", "Self-service terminal"), context.t("可在自助终端申办", "Can be applied for at a terminal"))
      : .empty
    return """
      <h2>\(context.t("基本信息", "Basic information"))</h2>
      <table class="facts"><tbody>\(rows)\(exception)\(kiosk)</tbody></table>
      """
  }

  /// A material's blank form and sample: a download where the file is held, else the name the catalog gives, said
  /// to have no download yet (where else it may be had is not known here).
  private static func downloadLinks(_ material: Material, files: [GuideFile], item: ServiceItem, _ context: PageContext)
    -> HTML
  {
    let links = GuideFile.Kind.allCases.compactMap { kind -> HTML? in
      if let held = files.first(where: { $0.material == material.name && $0.kind == kind }) {
        return """
          <a class="download" href="\(Links.guideFile(item.code, kind.rawValue, material.name))" download>\
          \(context.t(kind.name))：\(held.file.name)</a>
          """
      }
      let named = kind == .blankForm ? material.blankForm : material.sample
      guard !named.isEmpty else { return nil }
      return
        "<span class=\"meta\">\(context.t(kind.name))：\(named)\(context.t("（暂无电子版下载）", " (no download yet)"))</span>"
    }
    return links.isEmpty ? .empty : "<div class=\"downloads\">\(links)</div>"
  }

  private static func materials(_ item: ServiceItem, files: [GuideFile], _ context: PageContext) -> HTML {
    guard !item.materials.isEmpty else {
      let none =
        item.unknown.contains(.materials)
        ? context.t("申请材料未提供，请向窗口咨询。", "The materials have not been provided; ask at a window.")
        : context.t("无需提交材料。", "No materials needed.")
      return "<h2>\(context.t("申请材料", "Materials"))</h2><p>\(none)</p>"
    }
    let rows = item.materials.enumerated().map { index, material -> HTML in
      let necessity =
        material.deferrable
        ? context.t("必要（可容缺后补）", "Required (may follow later)")
        : material.required ? context.t("必要", "Required") : context.t("非必要", "Optional")
      let downloads = downloadLinks(material, files: files, item: item, context)
      return """
        <tr><td>\(index + 1)</td><td><div>\(material.name)\(downloads)</div></td><td>\(necessity)</td><td>\(context.t(material.form.name))</td>\
        <td>\(material.copies)</td><td>\(context.t(material.source.name))</td>\
        <td>\(material.standard.isEmpty ? "—" : material.standard)</td></tr>
        """
    }
    return """
      <h2>\(context.t("申请材料", "Materials"))</h2>
      <table class="materials"><thead><tr><th>\(context.t("序号", "No."))</th><th>\(context.t("材料名称", "Material"))</th>\
      <th>\(context.t("必要性", "Required"))</th><th>\(context.t("材料形式", "Form"))</th><th>\(context.t("份数", "Copies"))</th>\
      <th>\(context.t("来源", "Source"))</th><th>\(context.t("受理标准", "Standard"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
  }

  private static func steps(_ item: ServiceItem, _ context: PageContext) -> HTML {
    guard !item.steps.isEmpty else { return .empty }
    let steps = item.steps.map { step -> HTML in
      let limit =
        step.limitDays == 0
        ? context.t("当日", "same day") : context.t("\(step.limitDays) 个工作日", "\(step.limitDays) working days")
      return "<li><b>\(step.name)</b>（\(context.t(step.role.name))，\(limit)）</li>"
    }
    return "<h2>\(context.t("办理流程", "Process"))</h2><ol class=\"steps\">\(steps)</ol>"
  }

  private static func places(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.places.isEmpty else { return .empty }
    let rows = model.places.map { site -> HTML in
      """
      <li><b>\(site.name)</b>：\(site.address)，\(context.t("电话", "phone")) \(site.phone)；\
      \(context.t("工作日", "weekdays")) \(site.openingHours.weekdays)\
      \(site.openingHours.saturday.map { "；\(context.t("周六", "Saturday")) \($0)" as HTML } ?? .empty)</li>
      """
    }
    return "<h2>\(context.t("办理地点和时间", "Where and when"))</h2><ul>\(rows)</ul>"
  }

  private static func agreements(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.agreements.isEmpty else { return .empty }
    let rows = model.agreements.map { entry -> HTML in
      let agreement = entry.agreement
      return """
        <li>\(entry.regionName)：\(agreement.documentNumber)，\(context.t("有效期", "valid")) \(agreement.validFrom.iso) \
        \(context.t("至", "to")) \(agreement.validUntil.iso)</li>
        """
    }
    return "<h2>\(context.t("委托受理", "Delegated acceptance"))</h2><ul>\(rows)</ul>"
  }

  private static func bundles(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.bundles.isEmpty else { return .empty }
    let links = model.bundles.map { "<li><a href=\"\(Links.bundle($0.id))\">\($0.name)</a></li>" as HTML }
    return "<h2>\(context.t("可与以下“一件事”一并办理", "Part of these bundles"))</h2><ul>\(links)</ul>"
  }
}
