import OneWindowDomain
import OneWindowViews
import Testing

@Suite("HTML rendering")
struct HTMLTests {
  let context = PageContext(language: .zh, staff: nil, csrfToken: "abc", path: "/login", countyName: "云溪县")

  @Test("interpolated text is escaped; HTML fragments are not")
  func escaping() {
    let name = "<script>alert('x')</script>&\""
    let html: HTML = "<p>\(name)</p>\(HTML(unsafe: "<b>ok</b>"))"
    #expect(html.rendered == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;</p><b>ok</b>")
  }

  @Test("the login page carries the CSRF token and shows an error next to its field")
  func loginPage() {
    let error = ValidationError(field: "password", zh: "用户名或密码不正确", en: "Wrong username or password")
    let page = LoginPage.render(.init(username: "clerk<", error: error), context).rendered
    #expect(page.contains(#"name="_csrf" value="abc""#))
    #expect(page.contains(#"value="clerk&lt;""#))
    #expect(page.contains(#"<p class="field-error" id="password-error" role="alert">用户名或密码不正确</p>"#))
    #expect(page.contains(#"aria-describedby="password-error""#))
    #expect(!page.contains("username-error"))
  }

  @Test("the staff home shows role, scope and AB posts in English too")
  func staffHome() {
    let staff = StaffIdentity(
      id: "1", username: "clerk", displayName: "李国平", role: .clerk,
      scope: Scope(regionCode: RegionCode("360999")!, siteID: "site-center"))
    let english = PageContext(language: .en, staff: staff, csrfToken: "t", path: "/staff", countyName: "云溪县")
    let window = Window(
      id: "w1", siteID: "site-center", departmentID: nil, number: "01", name: "无差别综合受理窗口", kind: .general)
    let page = StaffHomePage.render(
      .init(
        staff: staff, title: "综合窗口受理员", region: Region(code: RegionCode("360999")!, name: "云溪县"),
        site: nil, department: nil, duties: [(window, .a)]), english
    ).rendered
    #expect(page.contains("Window clerk"))
    #expect(page.contains("云溪县 (360999)"))
    #expect(page.contains("A (regular)"))
    #expect(page.contains("Accept cases at the window"))
    #expect(!page.contains("Maintain the item catalog"))
    #expect(page.contains(#"action="/logout""#))
  }
}
