import OneWindowViews
import Vapor

/// Every route, in one place, with who may call it (`Access`, enforced by `AccessMiddleware`). Page paths come from
/// `Links`, so pages and routes never disagree.
enum Routes {
  static func register(_ app: Application) {
    // Probes: no session, no CSRF, no database beyond the ping.
    do {
      app.get("healthz", use: HealthController.healthz).access(.open)
      app.get("readyz", use: HealthController.readyz).access(.open)
      // Open to a scraper with the metrics token or on this machine (checked in the controller).
      app.get("metrics", use: MetricsController.scrape).access(.open)
    }

    // Pages: staff session from the cookie, CSRF check on every form post.
    do {
      let pages = app.grouped(SetupGateMiddleware(), StaffSessionMiddleware(), CSRFMiddleware(), AccessMiddleware())
      pages.get(Links.setup.pathComponents, use: SetupController.show).access(.open)
      pages.post(Links.setup.pathComponents, use: SetupController.submit).access(.open)
      pages.get(Links.home.pathComponents, use: PublicController.home).access(.open)
      pages.get(Links.stylesheet.pathComponents, use: PublicController.stylesheet).access(.open)
      pages.get(Links.favicon.pathComponents, use: PublicController.favicon).access(.open)
      pages.get("lang", ":code", use: PublicController.setLanguage).access(.open)
      pages.get("text-size", ":size", use: PublicController.setTextSize).access(.open)
      pages.get(Links.counties.pathComponents, use: CountyController.list).access(.open)
      pages.get("counties", ":code", use: CountyController.pick).access(.open)
      pages.get(Links.city.pathComponents, use: CountyController.city).access(.staff)
      pages.post(Links.cityCounty.pathComponents, use: CountyController.choose).access(.staff)
      pages.get(Links.login.pathComponents, use: LoginController.show).access(.open)
      pages.post(Links.login.pathComponents, use: LoginController.submit).access(.open)
      pages.post(Links.logout.pathComponents, use: LoginController.logout).access(.open)
      pages.get(Links.staffHome.pathComponents, use: StaffController.home).access(.permission(.viewWorkbench))
      let uploads = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: CSRFMiddleware.maxMultipartBody))
      /// A form that takes files: a larger body, once someone is signed in (`CSRFMiddleware.bodyLimit`).
      func upload(_ path: [PathComponent], use handler: @escaping @Sendable (Request) async throws -> Response) -> Route
      {
        let route = pages.on(.POST, path, body: uploads, use: handler)
        route.userInfo[CSRFMiddleware.uploadsKey] = true
        return route
      }
      upload(Links.staffProfile.pathComponents, use: StaffController.profile).access(.permission(.viewWorkbench))

      pages.get(Links.status.pathComponents, use: CaseStatusController.show).access(.open)
      pages.get(Links.statusResultPath.pathComponents, use: CaseStatusController.result).access(.open)
      pages.post(Links.statusRate.pathComponents, use: EvaluationController.statusRate).access(.open)
      pages.get(Links.publicEvaluations.pathComponents, use: EvaluationController.publicPage).access(.open)
      pages.post("my", "cases", ":number", "rate", use: EvaluationController.portalRate).access(.citizen)
      pages.get(Links.serviceDesk.pathComponents, use: ServiceDeskController.desk).access(
        .permission(.handleRectifications))
      pages.post(Links.serviceDeskPhone.pathComponents, use: ServiceDeskController.phone).access(
        .permission(.handleRectifications))
      pages.get("service", "rectifications", ":id", use: ServiceDeskController.show).access(.staff)
      pages.post("service", "rectifications", ":id", use: ServiceDeskController.step).access(.staff)
      pages.get(Links.evaluationFigures.pathComponents, use: ServiceDeskController.figures).access(.staff)
      pages.get(Links.myEvaluations.pathComponents, use: AppealController.mine).access(.staff)
      pages.get(Links.staffMessages.pathComponents, use: MessagesController.staff).access(.staff)
      pages.post("staff", "evaluations", ":id", "appeal", use: AppealController.file).access(.staff)
      pages.get(Links.appeals.pathComponents, use: AppealController.list).access(.permission(.superviseCases))
      // 统计: dashboards, the monthly report, exports and targets (scope checked in `StatisticsScope`).
      let statistics = Access.permission(.viewStatistics)
      pages.get(Links.statistics.pathComponents, use: StatisticsController.center).access(statistics)
      pages.get("statistics", "report", use: StatisticsController.report).access(statistics)
      pages.get("statistics", "report.xlsx", use: StatisticsController.reportWorkbook).access(statistics)
      pages.get("statistics", "departments", ":id", use: StatisticsController.department).access(statistics)
      pages.get("statistics", "towns", ":code", use: StatisticsController.town).access(statistics)
      pages.get("statistics", ":file", use: StatisticsController.export).access(statistics)
      pages.get("statistics", "departments", ":id", ":file", use: StatisticsController.export).access(statistics)
      pages.get("statistics", "towns", ":code", ":file", use: StatisticsController.export).access(statistics)
      pages.get("statistics", "targets", use: StatisticsController.targets).access(.permission(.setTargets))
      pages.post("statistics", "targets", use: StatisticsController.saveTarget).access(.permission(.setTargets))
      pages.post("statistics", "targets", "delete", use: StatisticsController.deleteTarget).access(
        .permission(.setTargets))
      pages.get(Links.supervision.pathComponents, use: SupervisionController.board).access(.permission(.viewStatistics))
      pages.get("supervision", "assessment", use: AssessmentController.show).access(.permission(.viewStatistics))
      pages.get("supervision", "assessment.xlsx", use: AssessmentController.export).access(.permission(.viewStatistics))
      pages.post("supervision", "assessment", "weights", use: AssessmentController.saveWeights).access(
        .permission(.setTargets))
      pages.get(Links.supervisionCases.pathComponents, use: SupervisionController.cases).access(
        .permission(.viewStatistics))
      pages.get(Links.supervisionExport.pathComponents, use: SupervisionController.export).access(
        .permission(.viewStatistics))
      pages.get(Links.followUps.pathComponents, use: SupervisionController.followUps).access(.permission(.viewCases))
      pages.get(Links.ruleHits.pathComponents, use: RuleHitController.list).access(.permission(.viewStatistics))
      pages.post("supervision", "hits", ":id", use: RuleHitController.settle).access(.permission(.superviseCases))
      pages.get(Links.spotChecks.pathComponents, use: SpotCheckController.list).access(.permission(.viewStatistics))
      pages.post(Links.spotChecks.pathComponents, use: SpotCheckController.draw).access(.permission(.superviseCases))
      pages.get("supervision", "spot-checks", ":id", use: SpotCheckController.show).access(
        .permission(.viewStatistics))
      pages.post("supervision", "spot-checks", ":id", "items", ":number", use: SpotCheckController.record).access(
        .permission(.superviseCases))
      pages.get(Links.supervisionTickets.pathComponents, use: SupervisionTicketController.list).access(.staff)
      pages.post(Links.supervisionTickets.pathComponents, use: SupervisionTicketController.open).access(
        .permission(.superviseCases))
      pages.get("supervision", "tickets", ":id", use: SupervisionTicketController.show).access(.staff)
      pages.post("supervision", "tickets", ":id", ":step", use: SupervisionTicketController.step).access(.staff)
      pages.post("supervision", "appeals", ":id", use: AppealController.decide).access(
        .permission(.superviseCases))

      // 诉求: the portal's form and the inquirer's page (its key checked in the handler), the desk, the knowledge base.
      pages.get(Links.newInquiry.pathComponents, use: InquiryController.form).access(.open)
      pages.post(Links.inquiries.pathComponents, use: InquiryController.file).access(.open)
      pages.get("inquiries", ":number", use: InquiryController.show).access(.open)
      pages.post("inquiries", ":number", "rate", use: InquiryController.rate).access(.open)
      pages.get(Links.myInquiries.pathComponents, use: InquiryController.mine).access(.citizen)
      pages.get(Links.publicRequests.pathComponents, use: InquiryController.requests).access(.open)
      pages.get(Links.inquiryDesk.pathComponents, use: InquiryDeskController.list).access(.staff)
      pages.get(Links.inquiryDeskNew.pathComponents, use: InquiryDeskController.newForm).access(.staff)
      pages.post(Links.inquiryDeskNew.pathComponents, use: InquiryDeskController.enter).access(.staff)
      pages.get("service", "inquiries", ":number", use: InquiryDeskController.show).access(.staff)
      pages.post("service", "inquiries", ":number", ":step", use: InquiryDeskController.step).access(.staff)
      pages.get(Links.knowledge.pathComponents, use: KnowledgeController.search).access(.open)
      pages.get("knowledge", ":id", use: KnowledgeController.entry).access(.open)
      pages.get(Links.knowledgeDesk.pathComponents, use: KnowledgeController.desk).access(.staff)
      pages.post(Links.knowledgeDesk.pathComponents, use: KnowledgeController.save).access(.staff)
      pages.get("service", "knowledge", "new", use: KnowledgeController.newForm).access(.staff)
      pages.get("service", "knowledge", ":id", use: KnowledgeController.edit).access(.staff)
      pages.post("service", "knowledge", ":id", use: KnowledgeController.save).access(.staff)

      pages.get(Links.portalSignUp.pathComponents, use: PortalAccountController.signUpForm).access(.open)
      pages.post(Links.portalSignUp.pathComponents, use: PortalAccountController.signUp).access(.open)
      pages.post(Links.portalSignUpConfirm.pathComponents, use: PortalAccountController.confirmSignUp).access(.open)
      pages.get(Links.portalLogin.pathComponents, use: PortalAccountController.loginForm).access(.open)
      pages.post(Links.portalLogin.pathComponents, use: PortalAccountController.login).access(.open)
      pages.post(Links.portalLogout.pathComponents, use: PortalAccountController.logout).access(.open)
      pages.get(Links.myCases.pathComponents, use: OnlineApplicationController.myCases).access(.citizen)
      pages.get(Links.myMessages.pathComponents, use: MessagesController.mine).access(.citizen)
      pages.get(Links.portalApply.pathComponents, use: OnlineApplicationController.applyForm).access(.citizen)

      pages.get(Links.window.pathComponents, use: WindowController.home).access(.permission(.intakeCases))
      pages.get(Links.windowIntake.pathComponents, use: WindowController.intakeForm).access(.permission(.intakeCases))
      upload(Links.windowIntake.pathComponents, use: WindowController.intake).access(.permission(.intakeCases))
      pages.get(Links.windowBundleIntake.pathComponents, use: BundleIntakeController.form).access(
        .permission(.intakeCases))
      pages.post(Links.windowBundleIntake.pathComponents, use: BundleIntakeController.intake).access(
        .permission(.intakeCases))
      pages.get(Links.office.pathComponents, use: CaseQueueController.office).access(.permission(.reviewCases))
      pages.get(Links.delivery.pathComponents, use: CaseQueueController.delivery).access(.permission(.deliverResults))
      pages.get(Links.caseLookup.pathComponents, use: CasePageController.lookup).access(.permission(.viewCases))
      pages.get("cases", ":number", use: CasePageController.show).access(.permission(.viewCases))
      upload(["cases", ":number", "steps", ":step"], use: CasePageController.step).access(.permission(.viewCases))
      pages.get("cases", ":number", "recheck", use: WindowController.recheckForm).access(.permission(.intakeCases))
      upload(["cases", ":number", "recheck"], use: WindowController.recheck).access(.permission(.intakeCases))
      pages.get("cases", ":number", "files", ":file", use: CasePageController.file).access(.permission(.viewCases))
      upload(Links.portalApply.pathComponents, use: OnlineApplicationController.apply).access(.citizen)
      pages.get("my", "cases", ":number", use: OnlineApplicationController.myCase).access(.citizen)
      upload(["my", "cases", ":number"], use: OnlineApplicationController.update).access(.citizen)
      pages.post("my", "cases", ":number", "delete", use: OnlineApplicationController.deleteDraft).access(.citizen)
      pages.get("my", "cases", ":number", "files", ":file", use: OnlineApplicationController.file).access(.citizen)
      pages.get(Links.shipments.pathComponents, use: ShipmentsController.list).access(.staff)
      pages.post(Links.shipments.pathComponents, use: ShipmentsController.pack).access(.staff)
      pages.post("shipments", ":id", ":action", use: ShipmentsController.step).access(.staff)
      pages.get(Links.agentDesk.pathComponents, use: AgentController.desk).access(.permission(.proxyApply))
      upload(Links.agentProfile.pathComponents, use: AgentController.saveProfile).access(.permission(.proxyApply))
      pages.get(Links.agents.pathComponents, use: AgentController.board).access(.open)
      pages.get("agents", ":id", "photo", use: AgentController.photo).access(.open)
      pages.get("hall", "sites", ":site", "staff", use: FloorController.board).access(.open)
      upload(Links.agentPowers.pathComponents, use: AgentController.addPower).access(.permission(.proxyApply))
      pages.get("agent", "powers", ":id", "apply", use: AgentController.applyForm).access(.permission(.proxyApply))
      upload(["agent", "powers", ":id", "apply"], use: AgentController.apply).access(.permission(.proxyApply))
      pages.get("cases", ":number", "notices", ":kind", use: CasePageController.notice).access(.permission(.viewCases))
      pages.get("hall", "sites", ":site", "kiosk", use: HallPagesController.kiosk).access(.open)
      pages.get("hall", "sites", ":site", "kiosk", "status", use: CaseStatusController.kiosk).access(.open)
      pages.post("hall", "sites", ":site", "tickets", use: HallPagesController.take).access(.open)
      pages.post("hall", "sites", ":site", "check-in", use: HallPagesController.checkIn).access(.open)
      pages.get("hall", "sites", ":site", "display", use: HallPagesController.display).access(.open)
      pages.get("hall", "sites", ":site", "events", use: HallEventsController.stream).access(.open)
      pages.get("hall", "tickets", ":id", use: HallPagesController.ticket).access(.open)
      pages.get("hall", "tickets", ":id", "position", use: HallPagesController.position).access(.open)
      pages.get("hall", "windows", ":window", "pad", use: HallPagesController.pad).access(.open)
      pages.post("hall", "windows", ":window", "pad", "rate", use: HallPagesController.rate).access(.open)
      // Open like the pad itself; the clerk's password is the proof, throttled as on the sign-in page.
      pages.post("hall", "windows", ":window", "pad", "sign-in", use: HallPagesController.padSignIn).access(.open)
      pages.post(Links.deskCall.pathComponents, use: HallDeskController.call).access(.permission(.callTickets))
      pages.post("hall", "desk", "tickets", ":id", ":action", use: HallDeskController.act).access(
        .permission(.callTickets))
      pages.get(Links.hallFigures.pathComponents, use: HallFiguresController.show).access(.permission(.viewStatistics))
      pages.get(Links.onlineTicket.pathComponents, use: HallPagesController.onlineForm).access(.open)
      pages.post(Links.onlineTicket.pathComponents, use: HallPagesController.onlineTake).access(.open)
      pages.post(Links.deskTake.pathComponents, use: HallDeskController.take).access(.permission(.callTickets))
      pages.get(Links.appointments.pathComponents, use: AppointmentController.form).access(.open)
      pages.post(Links.appointments.pathComponents, use: AppointmentController.book).access(.open)
      pages.get(Links.appointmentCancel.pathComponents, use: AppointmentController.cancelForm).access(.open)
      pages.post(Links.appointmentCancel.pathComponents, use: AppointmentController.cancel).access(.open)
      pages.get(Links.items.pathComponents, use: CatalogController.search).access(.open)
      pages.get("items", ":code", use: CatalogController.guide).access(.open)
      pages.get("items", ":code", "files", ":kind", ":material", use: CatalogController.guideFile).access(.open)
      pages.get(Links.bundles.pathComponents, use: CatalogController.bundles).access(.open)
      pages.get("bundles", ":id", use: CatalogController.bundle).access(.open)

      pages.get(Links.adminItems.pathComponents, use: CatalogAdminController.list).access(.permission(.manageCatalog))
      pages.get(Links.adminNewItem.pathComponents, use: CatalogAdminController.new).access(.permission(.manageCatalog))
      pages.post(Links.adminNewItem.pathComponents, use: CatalogAdminController.create).access(
        .permission(.manageCatalog))
      pages.get("admin", "items", ":code", use: CatalogAdminController.edit).access(.permission(.manageCatalog))
      pages.post("admin", "items", ":code", use: CatalogAdminController.update).access(.permission(.manageCatalog))
      upload(["admin", "items", ":code", "guide-files"], use: CatalogAdminController.uploadGuideFiles).access(
        .permission(.manageCatalog))
      pages.post("admin", "items", ":code", "status", use: CatalogAdminController.status).access(
        .permission(.manageCatalog))
      pages.get(Links.adminAgreements.pathComponents, use: CatalogExtrasController.agreements).access(
        .permission(.manageCatalog))
      pages.post(Links.adminAgreements.pathComponents, use: CatalogExtrasController.addAgreement).access(
        .permission(.manageCatalog))
      pages.get(Links.adminBundles.pathComponents, use: CatalogExtrasController.bundles).access(
        .permission(.manageCatalog))
      pages.post(Links.adminBundles.pathComponents, use: CatalogExtrasController.saveBundle).access(
        .permission(.manageCatalog))
      pages.get(Links.adminProxyLists.pathComponents, use: CatalogExtrasController.proxyLists).access(
        .permission(.manageCatalog))
      pages.get("admin", "proxy-lists", ":region", use: CatalogExtrasController.proxyList).access(
        .permission(.manageCatalog))
      pages.post("admin", "proxy-lists", ":region", use: CatalogExtrasController.changeProxyList).access(
        .permission(.manageCatalog))
      pages.get(Links.adminDirectory.pathComponents, use: DirectoryAdminController.show).access(.staff)
      pages.get(Links.adminNotifications.pathComponents, use: NotificationsAdminController.show).access(
        .permission(.manageStaff))
      pages.post(Links.adminNotificationsRetry.pathComponents, use: NotificationsAdminController.retry).access(
        .permission(.manageStaff))
      pages.get(Links.adminDirectoryExport.pathComponents, use: DirectoryImportController.export).access(
        .permission(.manageSites))
      pages.get(Links.adminDirectoryImport.pathComponents, use: DirectoryImportController.show).access(
        .permission(.manageStaff))
      upload(Links.adminDirectoryImport.pathComponents, use: DirectoryImportController.submit).access(
        .permission(.manageStaff))
      for kind in DirectoryFormPage.Kind.allCases {
        // Each kind by name: a `:kind` parameter beside the constant paths below would shadow them in the router.
        let path = Links.adminDirectory.pathComponents + [.constant(kind.rawValue)]
        let access = Access.permission(DirectoryEditor.permission(kind))
        pages.get(path + ["new"]) { try await DirectoryAdminController.new(kind, $0) }.access(access)
        pages.post(path) { try await DirectoryAdminController.save(kind, $0) }.access(access)
        if kind != .duties && kind != .chiefs {
          pages.get(path + [":id"]) { try await DirectoryAdminController.edit(kind, $0) }.access(access)
          pages.post(path + [":id"]) { try await DirectoryAdminController.save(kind, $0) }.access(access)
        }
        if [.sites, .departments, .windows, .staff].contains(kind) {
          pages.post(path + [":id", "retire"]) { try await DirectoryAdminController.retire(kind, $0) }.access(access)
        }
      }
      let directory = Links.adminDirectory.pathComponents
      pages.post(directory + ["duties", ":id", "end"], use: DirectoryAdminController.endDuty).access(
        .permission(.manageSites))
      pages.post(directory + ["chiefs", ":id", "revoke"], use: DirectoryAdminController.revoke).access(
        .permission(.manageStaff))
      upload(directory + ["staff", ":id", "photo"], use: DirectoryAdminController.photo).access(
        .permission(.manageStaff))
      pages.post(directory + ["staff", ":id", "password-link"], use: DirectoryAdminController.passwordLink).access(
        .permission(.manageStaff))
      pages.get(Links.accountPassword.pathComponents + [":token"], use: PasswordLinkController.show).access(.open)
      pages.post(Links.accountPassword.pathComponents + [":token"], use: PasswordLinkController.submit).access(.open)
      pages.get(Links.adminHall.pathComponents, use: HallAdminController.show).access(.permission(.manageSites))
      pages.get(Links.adminLeaves.pathComponents, use: FloorController.leaves).access(.permission(.manageSites))
      pages.post(Links.adminLeaves.pathComponents, use: FloorController.addLeave).access(.permission(.manageSites))
      pages.post(Links.staffSignIn.pathComponents, use: FloorController.signIn).access(.permission(.intakeCases))
      pages.post(Links.adminHallGroups.pathComponents, use: HallAdminController.saveGroup).access(
        .permission(.manageSites))
      pages.post(Links.adminHallPolicy.pathComponents, use: HallAdminController.savePolicy).access(
        .permission(.manageSites))
      pages.get(Links.adminExport.pathComponents, use: CatalogImportController.export).access(
        .permission(.manageCatalog))
      pages.get(Links.adminImport.pathComponents, use: CatalogImportController.show).access(.permission(.manageCatalog))
      upload(Links.adminImport.pathComponents, use: CatalogImportController.submit).access(.permission(.manageCatalog))
      pages.get(Links.adminImportReport.pathComponents, use: CatalogImportController.report).access(
        .permission(.manageCatalog))
    }

    // API: bearer tokens; each handler states the permission it needs, public look-ups none.
    do {
      let api = app.grouped("api", "v1").grouped(BearerAuthMiddleware(), AccessMiddleware())
      api.get("openapi.json", use: OpenAPIDocument.serve).access(.open)
      api.post("session", use: SessionAPIController.create).access(.open)
      api.delete("session", use: SessionAPIController.delete).access(.staff)
      api.get("me", use: StaffAPIController.me).access(.staff)
      api.get("staff", use: StaffAPIController.list).access(.permission(.manageStaff))
      api.get("regions", use: DirectoryAPIController.regions).access(.open)
      api.get("sites", use: DirectoryAPIController.sites).access(.open)
      api.get("sites", ":id", "items", use: CatalogAPIController.siteItems).access(.open)
      api.get("departments", use: DirectoryAPIController.departments).access(.open)
      api.get("windows", use: DirectoryAPIController.windows).access(.open)
      for kind in DirectoryFormPage.Kind.allCases {
        let path: PathComponent = kind == .chiefs ? "chief-authorizations" : .constant(kind.rawValue)
        let access = Access.permission(DirectoryEditor.permission(kind))
        api.post(path) { try await DirectoryWritesAPIController.create(kind, $0) }.access(access)
        if kind != .duties && kind != .chiefs {
          api.put(path, ":id") { try await DirectoryWritesAPIController.update(kind, $0) }.access(access)
        }
        if [.sites, .departments, .windows, .staff].contains(kind) {
          api.post(path, ":id", "retire") { try await DirectoryWritesAPIController.retire(kind, $0) }.access(access)
        }
      }
      api.get("duties", use: DirectoryWritesAPIController.duties).access(.permission(.manageSites))
      // 驻厅管理: leaves and stand-ins, sign-ins, who serves at each window (docs/floor.md).
      api.get("leaves", use: FloorAPIController.leaves).access(.permission(.manageSites))
      api.post("leaves", use: FloorAPIController.addLeave).access(.permission(.manageSites))
      api.post("sign-ins", use: FloorAPIController.signIn).access(.permission(.intakeCases))
      api.get("sites", ":id", "roster", use: FloorAPIController.roster).access(.staff)
      api.post("duties", ":id", "end", use: DirectoryWritesAPIController.endDuty).access(.permission(.manageSites))
      api.get("chief-authorizations", use: DirectoryWritesAPIController.chiefs).access(.permission(.manageStaff))
      api.post("chief-authorizations", ":id", "revoke", use: DirectoryWritesAPIController.revoke).access(
        .permission(.manageStaff))
      api.get("items", use: CatalogAPIController.list).access(.open)
      api.get("items", ":code", use: CatalogAPIController.show).access(.open)
      api.get("bundles", use: CatalogAPIController.bundles).access(.open)

      api.post("cases", use: CaseAPIController.create).access(.staff)
      api.get("cases", use: CaseAPIController.list).access(.permission(.viewCases))
      api.get("cases", ":number", use: CaseAPIController.show).access(.permission(.viewCases))
      api.get("cases", ":number", "events", use: CaseAPIController.events).access(.permission(.viewCases))
      api.get("cases", ":number", "deadline", use: CaseAPIController.deadline).access(.permission(.viewCases))
      api.post("cases", ":number", ":step", use: CaseAPIController.step).access(.staff)
      api.post("bundle-cases", use: BundleCaseAPIController.create).access(.staff)
      api.get("bundle-cases", ":id", use: BundleCaseAPIController.show).access(.permission(.viewCases))
      api.get("status", use: StatusAPIController.lookup).access(.open)
      api.get("stats", ":figure", use: StatisticsAPIController.figure).access(.permission(.viewStatistics))
      api.post("hotline", "orders", use: HotlineAPIController.push).access(.permission(.handleInquiries))
      api.get("hotline", "orders", ":order", use: HotlineAPIController.show).access(.permission(.handleInquiries))

      api.post("hall", "sites", ":site", "tickets", use: HallAPIController.take).access(.open)
      api.get("hall", "sites", ":site", "tickets", use: HallAPIController.tickets).access(.permission(.callTickets))
      api.get("hall", "sites", ":site", "board", use: HallAPIController.board).access(.open)
      api.post("hall", "windows", ":window", "call", use: HallAPIController.call).access(.permission(.callTickets))
      api.post("hall", "tickets", ":id", ":action", use: HallAPIController.step).access(.permission(.callTickets))

      api.get("calendar", "due", use: CalendarAPIController.due).access(.open)
      api.get("calendar", "days", use: CalendarAPIController.days).access(.open)
      api.put("calendar", "days", use: CalendarAPIController.save).access(.permission(.manageCalendar))
    }
  }
}
