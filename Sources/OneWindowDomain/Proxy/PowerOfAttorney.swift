import Foundation

/// 委托单: a resident authorizes the village's proxy agent (帮办代办员) to apply for named items on their behalf,
/// signed on paper; the scan is kept with it so every proxy case can show its authority.
public struct PowerOfAttorney: Sendable, Hashable, Codable {
  public let id: String
  public let applicant: Applicant
  public let agentID: String
  public let agentName: String
  /// The village station (便民服务站) where it was signed.
  public let stationSiteID: String
  public let itemCodes: [String]
  public let signedScan: Attachment
  public let signedOn: CivilDate

  public init(
    id: String, applicant: Applicant, agentID: String, agentName: String, stationSiteID: String, itemCodes: [String],
    signedScan: Attachment, signedOn: CivilDate
  ) {
    self.id = id
    self.applicant = applicant
    self.agentID = agentID
    self.agentName = agentName
    self.stationSiteID = stationSiteID
    self.itemCodes = itemCodes
    self.signedScan = signedScan
    self.signedOn = signedOn
  }

  /// Field-named problems of a new power of attorney, before its scan is stored.
  public static func problems(applicant: Applicant, itemCodes: [String], hasScan: Bool) -> [ValidationError] {
    var errors: [ValidationError] = []
    do { try applicant.validate() } catch { errors += error.errors }
    if itemCodes.isEmpty {
      errors.append(ValidationError(field: "item_codes", zh: "请选择委托办理的事项", en: "Choose the items"))
    }
    if !hasScan {
      errors.append(
        ValidationError(
          field: "signed_scan", zh: "请上传委托人签字的委托单扫描件", en: "Upload the scan of the signed authorization"))
    }
    return errors
  }
}

/// A case filed by a proxy agent: who, from which station, under which power of attorney. The case itself goes to
/// the site that will accept it (收件转办); the agent keeps sight of it for the work log.
public struct ProxyRecord: Sendable, Hashable, Codable {
  public let agentID: String
  public let stationSiteID: String
  public let stationRegion: RegionCode
  public let powerOfAttorneyID: String

  public init(agentID: String, stationSiteID: String, stationRegion: RegionCode, powerOfAttorneyID: String) {
    self.agentID = agentID
    self.stationSiteID = stationSiteID
    self.stationRegion = stationRegion
    self.powerOfAttorneyID = powerOfAttorneyID
  }

  /// Where the agent acts on the case from.
  public var stationScope: Scope { Scope(regionCode: stationRegion, siteID: stationSiteID) }
}
