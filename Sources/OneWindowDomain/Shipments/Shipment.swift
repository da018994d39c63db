import Foundation

/// 物料流转: one hop of paper materials between sites — village station → town center → county center — packed with
/// the list of cases it carries, sent by courier or by hand, confirmed by the receiving side, then handed over to the
/// handling department, or returned.
public struct Shipment: Sendable, Hashable, Codable {
  public enum State: String, Sendable, Codable, CaseIterable {
    case packed
    case sent
    case received
    case handedOver = "handed_over"
    case returned

    public var name: LocalizedText {
      switch self {
      case .packed: LocalizedText(zh: "已打包", en: "Packed")
      case .sent: LocalizedText(zh: "已寄出", en: "Sent")
      case .received: LocalizedText(zh: "已签收", en: "Received")
      case .handedOver: LocalizedText(zh: "已移交部门", en: "Handed over")
      case .returned: LocalizedText(zh: "已退回", en: "Returned")
      }
    }
  }

  /// One confirmed change: who, when, what.
  public struct Hop: Sendable, Hashable, Codable {
    public let state: State
    public let by: String
    public let byName: String
    public let at: Date
    public let note: String
  }

  public let id: String
  public let fromSiteID: String
  public let toSiteID: String
  /// 清单: the cases whose paper is in the package.
  public let caseNumbers: [String]
  public private(set) var state: State
  public private(set) var carrier: String
  public private(set) var trackingNumber: String
  public private(set) var hops: [Hop]

  /// Packs a shipment; an empty list or a hop to the same site is an error naming its field.
  public init(
    id: String, from: String, to: String, caseNumbers: [String], by: String, byName: String, at: Date
  ) throws(ValidationErrors) {
    var errors: [ValidationError] = []
    if to.isEmpty || to == from {
      errors.append(ValidationError(field: "to_site_id", zh: "请选择接收场所", en: "Choose where it goes"))
    }
    if caseNumbers.isEmpty {
      errors.append(ValidationError(field: "case_numbers", zh: "请勾选随件流转的办件", en: "Tick the cases in the package"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    self.id = id
    self.fromSiteID = from
    self.toSiteID = to
    self.caseNumbers = caseNumbers
    self.state = .packed
    self.carrier = ""
    self.trackingNumber = ""
    self.hops = [Hop(state: .packed, by: by, byName: byName, at: at, note: "")]
  }

  public var sentAt: Date? { hops.last { $0.state == .sent }?.at }

  /// What happens to a shipment, and which side does it.
  public enum Action: Sendable, Hashable {
    /// By courier (carrier and tracking number) or by hand (carrier empty, the courier's name as tracking).
    case send(carrier: String, trackingNumber: String, byHand: Bool)
    /// 签收 by the receiving site.
    case receive
    /// 移交 to the handling department, by the receiving site.
    case handOver(note: String)
    /// 退回 by the receiving site, with the reason.
    case giveBack(reason: String)

    public var state: State {
      switch self {
      case .send: .sent
      case .receive: .received
      case .handOver: .handedOver
      case .giveBack: .returned
      }
    }

    /// The sender sends; the receiving side confirms every later step.
    var bySender: Bool {
      if case .send = self { return true }
      return false
    }
  }

  /// Applies `action` taken at `siteID`; a step in the wrong state or by the wrong side is an error and changes
  /// nothing.
  public mutating func apply(_ action: Action, atSite siteID: String, by: String, byName: String, at: Date)
    throws(ValidationError)
  {
    let allowed: Set<State> =
      switch action {
      case .send: [.packed]
      case .receive: [.sent]
      case .handOver, .giveBack: [.received]
      }
    guard allowed.contains(state) else {
      throw ValidationError(
        field: "state", zh: "流转单当前为「\(state.name.zh)」，不能「\(action.state.name.zh)」",
        en: "A shipment that is '\(state.name.en)' cannot become '\(action.state.name.en)'")
    }
    guard siteID == (action.bySender ? fromSiteID : toSiteID) else {
      throw ValidationError(
        field: "state", zh: action.bySender ? "只能由寄出场所寄出" : "须由接收场所确认",
        en: action.bySender ? "The sending site sends it" : "The receiving site confirms it")
    }
    var note = ""
    switch action {
    case .send(let carrier, let tracking, let byHand):
      let tracking = tracking.trimmingCharacters(in: .whitespaces)
      let carrier = carrier.trimmingCharacters(in: .whitespaces)
      if !byHand && carrier.isEmpty {
        throw ValidationError(field: "carrier", zh: "请填写快递公司，或选择专人送达", en: "Give the carrier, or choose by hand")
      }
      if tracking.isEmpty {
        throw ValidationError(
          field: "tracking_number", zh: byHand ? "请填写送件人姓名" : "请填写运单号",
          en: byHand ? "Give the courier's name" : "Give the tracking number")
      }
      self.carrier = byHand ? "专人送达" : carrier
      self.trackingNumber = tracking
    case .receive: break
    case .handOver(let text): note = text
    case .giveBack(let reason):
      guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ValidationError(field: "reason", zh: "请填写退回理由", en: "Give the reason")
      }
      note = reason
    }
    state = action.state
    hops.append(Hop(state: state, by: by, byName: byName, at: at, note: note))
  }

  /// Sent and not received after `limit`: the center chases it.
  public func isStuck(now: Date, limit: TimeInterval) -> Bool {
    state == .sent && (sentAt.map { now.timeIntervalSince($0) > limit } ?? false)
  }
}
