/// One element that differs between two versions of an item, as the admin's version history shows it.
public struct ItemChange: Sendable, Hashable {
  public let element: LocalizedText
  public let before: String
  public let after: String

  /// Every element that differs from `old` to `new`, in guide order. Values are rendered in Chinese, the
  /// language the implementation list is kept in.
  public static func between(_ old: ServiceItem, _ new: ServiceItem) -> [ItemChange] {
    var changes: [ItemChange] = []
    func compare(_ zh: String, _ en: String, _ element: ItemElement? = nil, _ value: (ServiceItem) -> String) {
      func text(_ item: ServiceItem) -> String {
        if let element, item.unknown.contains(element) { return "未提供" }
        return value(item)
      }
      let before = text(old)
      let after = text(new)
      if before != after {
        changes.append(ItemChange(element: LocalizedText(zh: zh, en: en), before: before, after: after))
      }
    }
    compare("事项名称", "Name") { $0.name }
    compare("检索别名", "Aliases") { $0.aliases.joined(separator: "、") }
    compare("实施编码", "Implementation code") { $0.implementationCode }
    compare("主项", "Main item") {
      $0.mainItem.map { [$0.code, $0.name].filter { !$0.isEmpty }.joined(separator: " ") } ?? ""
    }
    compare("事项类型", "Type") { $0.type.name.zh }
    compare("实施主体", "Department") { $0.departmentID }
    compare("行使层级", "Levels") { $0.orderedLevels.map(\.name.zh).joined(separator: "、") }
    compare("办件类型", "Case kind", .caseKind) { $0.caseKind.name.zh }
    compare("法定时限", "Legal limit", .legalLimit) { "\($0.legalLimitDays) 个工作日" }
    compare("承诺时限", "Promised limit", .promisedLimit) { "\($0.promisedLimitDays) 个工作日" }
    compare("到现场次数", "Visits", .visits) { "\($0.visits) 次" }
    compare("需到现场原因", "Visit reason") { $0.visitReason }
    compare("网上办理深度", "Online depth", .onlineDepth) { "\($0.onlineDepth) 级" }
    compare("服务对象", "Service objects", .serviceObjects) {
      ServiceObject.allCases.filter($0.serviceObjects.contains).map(\.name.zh).joined(separator: "、")
    }
    compare("主题", "Themes") { ItemTheme.allCases.filter($0.themes.contains).map(\.name.zh).joined(separator: "、") }
    compare("受理条件", "Conditions") { $0.conditions }
    compare("设定依据", "Legal basis") { $0.legalBasis }
    compare("申请材料", "Materials", .materials) {
      $0.materials.isEmpty ? "无需提交材料" : $0.materials.map(Self.describe).joined(separator: "；")
    }
    compare("办理流程", "Steps") {
      $0.steps.map { "\($0.name)（\($0.role.name.zh)，\($0.limitDays) 日）" }.joined(separator: " → ")
    }
    compare("收费", "Fee", .fee) { $0.fee.map { "\($0.yuanText) 元，依据：\($0.basis)" } ?? "不收费" }
    compare("送达方式", "Delivery", .deliveryModes) {
      DeliveryMode.allCases.filter($0.deliveryModes.contains).map(\.name.zh).joined(separator: "、")
    }
    compare("通办范围", "Acceptance scope") { $0.acceptanceScope.name.zh }
    compare("办理模式", "Handling") { item in
      item.orderedLevels.map { "\($0.name.zh)：\(item.handling[$0]?.name.zh ?? "—")" }.joined(separator: "；")
    }
    compare("审批结果", "Result") { $0.resultName }
    compare("咨询电话", "Inquiry phone") { $0.inquiryPhone }
    compare("监督电话", "Supervision phone") { $0.supervisionPhone }
    compare("进驻例外原因", "Outside-hall reason") { $0.hallExceptionReason }
    compare("省定民生事项", "On the livelihood list") { $0.onLivelihoodList.map { $0 ? "是" : "否" } ?? "未知" }
    compare("自助终端可办", "At a self-service terminal") { $0.kioskReady.map { $0 ? "是" : "否" } ?? "未知" }
    // Every element the guide prints is compared above; this catches one added to the item and not yet here,
    // so that an import never reports a changed item as unchanged and drops the change.
    if changes.isEmpty && old != new {
      changes.append(ItemChange(element: LocalizedText(zh: "其他要素", en: "Other elements"), before: "", after: "已修改"))
    }
    return changes
  }

  private static func describe(_ material: Material) -> String {
    var text = material.name + "（\(material.form.name.zh) \(material.copies) 份，\(material.source.name.zh)"
    if !material.required { text += "，非必要" }
    if material.deferrable { text += "，可容缺" }
    if !material.standard.isEmpty { text += "，受理标准：\(material.standard)" }
    if !material.blankForm.isEmpty { text += "，空白表格：\(material.blankForm)" }
    if !material.sample.isEmpty { text += "，示例样表：\(material.sample)" }
    return text + "）"
  }
}
