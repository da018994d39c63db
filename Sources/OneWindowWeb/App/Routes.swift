import OneWindowViews
import Vapor

/// Every route, in one place. Page paths come from `Links`, so pages and routes never disagree.
enum Routes {
  static func register(_ app: Application) {
    // Probes: no session, no CSRF, no database beyond the ping.
    do {
      app.get("healthz", use: HealthController.healthz)
      app.get("readyz", use: HealthController.readyz)
    }

    // Pages: staff session from the cookie, CSRF check on every form post.
    do {
      let pages = app.grouped(StaffSessionMiddleware(), CSRFMiddleware())
      pages.get(Links.home.pathComponents, use: PublicController.home)
      pages.get(Links.stylesheet.pathComponents, use: PublicController.stylesheet)
      pages.get("lang", ":code", use: PublicController.setLanguage)
      pages.get("text-size", ":size", use: PublicController.setTextSize)
      pages.get(Links.login.pathComponents, use: LoginController.show)
      pages.post(Links.login.pathComponents, use: LoginController.submit)
      pages.post(Links.logout.pathComponents, use: LoginController.logout)
      pages.get(Links.staffHome.pathComponents, use: StaffController.home)
      let uploads = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: CSRFMiddleware.maxMultipartBody))
      /// A form that takes files: a larger body, once someone is signed in (`CSRFMiddleware.bodyLimit`).
      func upload(_ path: [PathComponent], use handler: @escaping @Sendable (Request) async throws -> Response) {
        pages.on(.POST, path, body: uploads, use: handler).userInfo[CSRFMiddleware.uploadsKey] = true
      }
      upload(Links.staffProfile.pathComponents, use: StaffController.profile)

      pages.get(Links.status.pathComponents, use: CaseStatusController.show)
      pages.get(Links.statusResultPath.pathComponents, use: CaseStatusController.result)
      pages.post(Links.statusRateAgent.pathComponents, use: CaseStatusController.rateAgent)

      pages.get(Links.portalSignUp.pathComponents, use: PortalAccountController.signUpForm)
      pages.post(Links.portalSignUp.pathComponents, use: PortalAccountController.signUp)
      pages.get(Links.portalLogin.pathComponents, use: PortalAccountController.loginForm)
      pages.post(Links.portalLogin.pathComponents, use: PortalAccountController.login)
      pages.post(Links.portalLogout.pathComponents, use: PortalAccountController.logout)
      pages.get(Links.myCases.pathComponents, use: OnlineApplicationController.myCases)
      pages.get(Links.portalApply.pathComponents, use: OnlineApplicationController.applyForm)

      pages.get(Links.window.pathComponents, use: WindowController.home)
      pages.get(Links.windowIntake.pathComponents, use: WindowController.intakeForm)
      upload(Links.windowIntake.pathComponents, use: WindowController.intake)
      pages.get(Links.office.pathComponents, use: CaseQueueController.office)
      pages.get(Links.delivery.pathComponents, use: CaseQueueController.delivery)
      pages.get(Links.caseLookup.pathComponents, use: CasePageController.lookup)
      pages.get("cases", ":number", use: CasePageController.show)
      upload(["cases", ":number", "steps", ":step"], use: CasePageController.step)
      pages.get("cases", ":number", "recheck", use: WindowController.recheckForm)
      upload(["cases", ":number", "recheck"], use: WindowController.recheck)
      pages.get("cases", ":number", "files", ":file", use: CasePageController.file)
      upload(Links.portalApply.pathComponents, use: OnlineApplicationController.apply)
      pages.get("my", "cases", ":number", use: OnlineApplicationController.myCase)
      upload(["my", "cases", ":number"], use: OnlineApplicationController.update)
      pages.get("my", "cases", ":number", "files", ":file", use: OnlineApplicationController.file)
      pages.get(Links.shipments.pathComponents, use: ShipmentsController.list)
      pages.post(Links.shipments.pathComponents, use: ShipmentsController.pack)
      pages.post("shipments", ":id", ":action", use: ShipmentsController.step)
      pages.get(Links.agentDesk.pathComponents, use: AgentController.desk)
      upload(Links.agentProfile.pathComponents, use: AgentController.saveProfile)
      pages.get(Links.agents.pathComponents, use: AgentController.board)
      pages.get("agents", ":id", "photo", use: AgentController.photo)
      upload(Links.agentPowers.pathComponents, use: AgentController.addPower)
      pages.get("agent", "powers", ":id", "apply", use: AgentController.applyForm)
      upload(["agent", "powers", ":id", "apply"], use: AgentController.apply)
      pages.get("cases", ":number", "notices", ":kind", use: CasePageController.notice)
      pages.get("hall", "sites", ":site", "kiosk", use: HallPagesController.kiosk)
      pages.post("hall", "sites", ":site", "tickets", use: HallPagesController.take)
      pages.post("hall", "sites", ":site", "check-in", use: HallPagesController.checkIn)
      pages.get("hall", "sites", ":site", "display", use: HallPagesController.display)
      pages.get("hall", "sites", ":site", "events", use: HallEventsController.stream)
      pages.get("hall", "tickets", ":id", use: HallPagesController.ticket)
      pages.get("hall", "windows", ":window", "pad", use: HallPagesController.pad)
      pages.post("hall", "windows", ":window", "pad", "rate", use: HallPagesController.rate)
      pages.post(Links.deskCall.pathComponents, use: HallDeskController.call)
      pages.post("hall", "desk", "tickets", ":id", ":action", use: HallDeskController.act)
      pages.get(Links.hallFigures.pathComponents, use: HallFiguresController.show)
      pages.get(Links.onlineTicket.pathComponents, use: HallPagesController.onlineForm)
      pages.post(Links.onlineTicket.pathComponents, use: HallPagesController.onlineTake)
      pages.post(Links.deskTake.pathComponents, use: HallDeskController.take)
      pages.get(Links.appointments.pathComponents, use: AppointmentController.form)
      pages.post(Links.appointments.pathComponents, use: AppointmentController.book)
      pages.get(Links.appointmentCancel.pathComponents, use: AppointmentController.cancelForm)
      pages.post(Links.appointmentCancel.pathComponents, use: AppointmentController.cancel)
      pages.get(Links.items.pathComponents, use: CatalogController.search)
      pages.get("items", ":code", use: CatalogController.guide)
      pages.get(Links.bundles.pathComponents, use: CatalogController.bundles)
      pages.get("bundles", ":id", use: CatalogController.bundle)

      pages.get(Links.adminItems.pathComponents, use: CatalogAdminController.list)
      pages.get(Links.adminNewItem.pathComponents, use: CatalogAdminController.new)
      pages.post(Links.adminNewItem.pathComponents, use: CatalogAdminController.create)
      pages.get("admin", "items", ":code", use: CatalogAdminController.edit)
      pages.post("admin", "items", ":code", use: CatalogAdminController.update)
      pages.post("admin", "items", ":code", "status", use: CatalogAdminController.status)
      pages.get(Links.adminAgreements.pathComponents, use: CatalogExtrasController.agreements)
      pages.post(Links.adminAgreements.pathComponents, use: CatalogExtrasController.addAgreement)
      pages.get(Links.adminBundles.pathComponents, use: CatalogExtrasController.bundles)
      pages.post(Links.adminBundles.pathComponents, use: CatalogExtrasController.saveBundle)
      pages.get(Links.adminProxyLists.pathComponents, use: CatalogExtrasController.proxyLists)
      pages.get("admin", "proxy-lists", ":region", use: CatalogExtrasController.proxyList)
      pages.post("admin", "proxy-lists", ":region", use: CatalogExtrasController.changeProxyList)
      pages.get(Links.adminHall.pathComponents, use: HallAdminController.show)
      pages.post(Links.adminHallGroups.pathComponents, use: HallAdminController.saveGroup)
      pages.post(Links.adminHallPolicy.pathComponents, use: HallAdminController.savePolicy)
      pages.get(Links.adminExport.pathComponents, use: CatalogImportController.export)
      pages.get(Links.adminImport.pathComponents, use: CatalogImportController.show)
      upload(Links.adminImport.pathComponents, use: CatalogImportController.submit)
    }

    // API: bearer tokens; each handler states the permission it needs, public look-ups none.
    do {
      let api = app.grouped("api", "v1").grouped(BearerAuthMiddleware())
      api.get("openapi.json", use: OpenAPIDocument.serve)
      api.post("session", use: SessionAPIController.create)
      api.delete("session", use: SessionAPIController.delete)
      api.get("me", use: StaffAPIController.me)
      api.get("staff", use: StaffAPIController.list)
      api.get("regions", use: DirectoryAPIController.regions)
      api.get("sites", use: DirectoryAPIController.sites)
      api.get("sites", ":id", "items", use: CatalogAPIController.siteItems)
      api.get("items", use: CatalogAPIController.list)
      api.get("items", ":code", use: CatalogAPIController.show)
      api.get("bundles", use: CatalogAPIController.bundles)

      api.post("cases", use: CaseAPIController.create)
      api.get("cases", use: CaseAPIController.list)
      api.get("cases", ":number", use: CaseAPIController.show)
      api.get("cases", ":number", "events", use: CaseAPIController.events)
      api.get("cases", ":number", "deadline", use: CaseAPIController.deadline)
      api.post("cases", ":number", ":step", use: CaseAPIController.step)
      api.post("bundle-cases", use: BundleCaseAPIController.create)
      api.get("bundle-cases", ":id", use: BundleCaseAPIController.show)
      api.get("status", use: StatusAPIController.lookup)

      api.post("hall", "sites", ":site", "tickets", use: HallAPIController.take)
      api.get("hall", "sites", ":site", "tickets", use: HallAPIController.tickets)
      api.get("hall", "sites", ":site", "board", use: HallAPIController.board)
      api.post("hall", "windows", ":window", "call", use: HallAPIController.call)
      api.post("hall", "tickets", ":id", ":action", use: HallAPIController.step)

      api.get("calendar", "due", use: CalendarAPIController.due)
      api.get("calendar", "days", use: CalendarAPIController.days)
      api.put("calendar", "days", use: CalendarAPIController.save)
    }
  }
}
