import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 一件事 taken in at the window as one intake: the applicant once, the combined material list checked once, and one
/// linked case per item registered with the clerk's decision — all in one transaction, or nothing.
enum BundleIntakeController {
  /// The bundle with each item's routing at the clerk's site; an item this site does not take names itself.
  private struct Subject {
    let bundle: ServiceBundle
    let routings: [IntakeRouting]
    let combined: [CombinedMaterial]
    var items: [ServiceItem] { routings.map(\.entry.item) }
  }

  private static func subject(_ bundleID: String, site: Site, _ req: Request) async throws -> Subject {
    guard let bundle = try await BundleRepository(req.database).find(bundleID) else {
      throw AppError.notFound(LocalizedText(zh: "没有这件“一件事”", en: "No such bundle"))
    }
    var routings: [IntakeRouting] = []
    for code in bundle.itemCodes {
      routings.append(try await IntakeRouting.resolve(itemCode: code, site: site, field: "bundle_id", req))
    }
    return Subject(
      bundle: bundle, routings: routings, combined: ServiceBundle.combinedMaterials(of: routings.map(\.entry.item)))
  }

  /// `GET /window/intake/bundle?bundle=ID`
  @Sendable static func form(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let site = try await StaffDesk.site(staff, req)
    let subject: Subject
    do {
      subject = try await Self.subject(req.query[String.self, at: "bundle"] ?? "", site: site, req)
    } catch let error as ValidationError {
      return .html(
        try await WindowController.workbench(req, staff: staff, query: "", lookupError: error),
        status: .unprocessableEntity)
    }
    let form = IntakeFormInput(fields: [:]).form(base: subject.combined.map { CaseMaterial($0.material) }, fresh: true)
    return try await page(subject, site: site, form: form, errors: [], req).encodeResponse(for: req)
  }

  /// `POST /window/intake/bundle`: 全部受理 or one 一次性告知 for the whole bundle.
  @Sendable static func intake(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let site = try await StaffDesk.site(staff, req)
    let fields = try req.content.decode([String: String].self)
    let input = IntakeFormInput(fields: fields)
    let subject = try await Self.subject(input.value("bundle_id"), site: site, req)
    let form = input.form(base: subject.combined.map { CaseMaterial($0.material) }, fresh: true)
    var errors: [ValidationError] = []
    let applicant = input.applicant(form)
    do { try applicant.validate() } catch { errors += error.errors }
    errors += IntakeFormInput.uncheckedErrors(form)
    let outcome: IntakeOutcome? =
      switch input.value("outcome") {
      case "accept": .accept
      case "correction": .correction
      default: nil
      }
    if outcome == nil {
      errors.append(ValidationError(field: "outcome", zh: "请选择受理或一次性告知", en: "Accept, or issue a notice"))
    }
    // The decision is checked once, on the combined list the clerk sees (its rows are the errors' fields).
    if let outcome, errors.isEmpty {
      do {
        _ = try IntakeRule.actions(for: outcome, checklist: form.checklist, kind: .promised, deficiencyDue: nil)
      } catch { errors += error.errors }
    }
    errors = ValidationError.firstPerField(errors)
    guard errors.isEmpty, let outcome else {
      return try await page(subject, site: site, form: form, errors: errors, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    // Each item's own checklist takes the combined rows' findings; on a notice, an item with nothing to correct
    // waits, registered, for the applicant's return.
    let found = Dictionary(
      zip(subject.combined, form.checklist).map { ($0.0.material.normalizedName, $0.1) },
      uniquingKeysWith: { a, _ in a })
    var intakes: [CaseIntake] = []
    var steps: [[CaseAction]] = []
    for routing in subject.routings {
      let item = routing.entry.item
      let checklist = item.materials.map { material -> CaseMaterial in
        var line = CaseMaterial(material)
        if let finding = found[material.normalizedName] {
          line.status = finding.status == .notApplicable && line.required ? .missing : finding.status
          line.problem = finding.problem
        }
        return line
      }
      intakes.append(CaseIntake(materials: checklist, route: routing.route, resultDelivery: .pickup(siteID: site.id)))
      let hasMissing = checklist.contains { $0.status == .missing }
      steps.append(
        outcome == .correction && !hasMissing
          ? [] : try IntakeRule.actions(for: outcome, checklist: checklist, kind: item.caseKind, deficiencyDue: nil))
    }
    let rule = try await req.deadlineRule()
    do {
      let (_, cases, _) = try await req.cases(rule).createBundle(
        items: subject.routings.map { CaseItem($0.entry.item, version: $0.entry.version) },
        leadDepartmentID: subject.bundle.leadDepartmentID, applicant: applicant, channel: .window, site: site,
        idempotencyKey: "\(staff.id):bundle-intake:\(form.intakeKey)", by: CaseActor(staff), now: req.now,
        intakes: intakes, steps: steps)
      let first = cases.first { $0.state == .correcting } ?? cases[0]
      return req.redirect(to: WindowController.after(first))
    } catch let error as CaseError {
      let failure: ValidationError =
        if case .invalid(let field) = error { field } else { ValidationError(field: "outcome", message: error.message) }
      return try await page(subject, site: site, form: form, errors: [failure], req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
  }

  private static func page(
    _ subject: Subject, site: Site, form: IntakePage.Form, errors: [ValidationError], _ req: Request
  ) async throws -> HTML {
    BundleIntakePage.render(
      BundleIntakePage.Model(
        bundle: subject.bundle, items: subject.items,
        departmentNames: Dictionary(subject.routings.map { ($0.department.id, $0.department.name) }) { a, _ in a },
        site: site, form: form, errors: errors),
      try await req.pageContext())
  }
}
