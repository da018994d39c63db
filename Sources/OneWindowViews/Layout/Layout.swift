import OneWindowDomain

/// The frame of every page: header with the county's name, navigation, language switch, footer.
public enum Layout {
  public static func page(_ context: PageContext, title: String, body: HTML) -> HTML {
    """
    \(head(context, title: title))
    <body\(context.largeText ? " class=\"large\"" as HTML : .empty)>
    <a class="skip" href="#main">\(context.t("跳到正文", "Skip to content"))</a>
    \(header(context))
    <main id="main">
    \(body)
    </main>
    <footer class="site-footer">
    <p>\(context.countyName)\(context.t("政务服务 · 一窗通办", " government services · OneWindow")) · \
    <a href="\(Links.agents)">\(context.t("帮办代办员公示", "Village proxy agents"))</a></p>
    </footer>
    </body>
    </html>
    """
  }

  /// A page without header and footer, for the hall's own screens (display, kiosk, evaluation pad).
  public static func bare(_ context: PageContext, title: String, bodyClass: String, body: HTML) -> HTML {
    """
    \(head(context, title: title))
    <body class="\(bodyClass)\(context.largeText ? " large" : "")">
    <main id="main">
    \(body)
    </main>
    </body>
    </html>
    """
  }

  /// The document's start up to `<body>`: language, viewport, title, the stylesheet.
  private static func head(_ context: PageContext, title: String) -> HTML {
    """
    <!DOCTYPE html>
    <html lang="\(context.language.tag)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title) · \(context.t("一窗通办", "OneWindow"))</title>
    <link rel="stylesheet" href="\(Links.stylesheet)">
    <link rel="icon" href="\(Links.favicon)" sizes="16x16 32x32 48x48">
    \(script(context, "document.addEventListener('click', function (e) { if (e.target.closest('[data-print]')) window.print(); });"))
    \(script(context, keepTypedFields))
    \(script(context, orderErrorSummary))
    \(script(context, phoneLayout))
    </head>
    """
  }

  /// The language and 大字模式 switches reload the page; what was typed into its forms (not files, not passwords)
  /// is kept for that one reload in the tab's session storage and put back, then forgotten.
  static let keepTypedFields: HTML = """
    (function () {
      var key = 'ow-typed:' + location.pathname;
      function fields(each) {
        document.querySelectorAll('main form').forEach(function (form, index) {
          Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || ['file', 'hidden', 'password', 'submit', 'button'].indexOf(el.type) >= 0) return;
            each(index, el);
          });
        });
      }
      document.addEventListener('click', function (e) {
        if (!e.target.closest('a[data-keep-typed]')) return;
        var saved = [];
        fields(function (index, el) {
          var value = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
          saved.push([index, el.name, el.type, el.value, value]);
        });
        try { sessionStorage.setItem(key, JSON.stringify(saved)); } catch (x) {}
      });
      document.addEventListener('DOMContentLoaded', function () {
        var raw = null;
        try { raw = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (x) {}
        if (!raw) return;
        var saved = JSON.parse(raw);
        fields(function (index, el) {
          saved.forEach(function (s) {
            if (s[0] !== index || s[1] !== el.name || s[2] !== el.type) return;
            if (el.type === 'checkbox' || el.type === 'radio') { if (s[3] === el.value) el.checked = s[4]; }
            else el.value = s[4];
          });
        });
      });
    })();
    """

  /// On a phone: the header folds its links behind a 菜单 button, and a table of rows becomes a stack of cards, each
  /// value labelled with its column's heading. (Without scripts the header stays open and tables scroll.)
  static let phoneLayout: HTML = """
    document.documentElement.classList.add('js');
    document.addEventListener('DOMContentLoaded', function () {
      var header = document.querySelector('.site-header'), button = document.querySelector('.menu-button');
      if (header && button) button.addEventListener('click', function () {
        var open = header.classList.toggle('open');
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
      document.querySelectorAll('main table').forEach(function (table) {
        if (table.matches('.facts, .edit, .notice-list, .checklist, .notice-facts') || !table.tHead) return;
        var headings = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
        table.classList.add('stacked');
        Array.prototype.forEach.call(table.tBodies, function (body) {
          Array.prototype.forEach.call(body.rows, function (row) {
            Array.prototype.forEach.call(row.cells, function (cell, index) {
              if (headings[index] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', headings[index]);
            });
          });
        });
      });
    });
    """

  /// The error summary lists its errors in the order their fields come on the page.
  static let orderErrorSummary: HTML = """
    document.addEventListener('DOMContentLoaded', function () {
      var list = document.querySelector('#error-summary ul');
      if (!list) return;
      function target(li) { var a = li.querySelector('a'); return a && document.getElementById(a.getAttribute('href').slice(1)); }
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) {
        var x = target(a), y = target(b);
        if (!x || !y || x === y) return 0;
        return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      items.forEach(function (li) { list.appendChild(li); });
    });
    """

  /// An inline script the content security policy lets run: it carries the answer's nonce. Inline event handlers
  /// (`onclick=`) do not run under that policy; bind events from a script like this one.
  public static func script(_ context: PageContext, _ source: HTML) -> HTML {
    "<script nonce=\"\(context.scriptNonce)\">\(source)</script>"
  }

  private static func header(_ context: PageContext) -> HTML {
    let other = context.language == .zh ? ("en", "English") : ("zh", "中文")
    return """
      <header class="site-header">
      <a class="brand" href="\(Links.home)"><span class="brand-mark">一窗</span>\
      <span>\(context.countyName)\(context.t("政务服务", " Services"))</span></a>\
      \(context.countyLink.map { "<a class=\"county-switch\" id=\"county-switch\" href=\"\($0)\">\(context.t("切换县区", "Other county"))</a>" as HTML } ?? .empty)
      <button type="button" class="menu-button" aria-expanded="false" aria-controls="site-nav">\(context.t("菜单", "Menu"))</button>
      <nav aria-label="\(context.t("主导航", "Main"))" id="site-nav">
      <a href="\(Links.home)">\(context.t("首页", "Home"))</a>
      <a href="\(Links.items)">\(context.t("事项查询", "Services"))</a>
      <a href="\(Links.bundles)">\(context.t("一件事", "Bundles"))</a>
      <a href="\(Links.status)">\(context.t("办件查询", "Track"))</a>
      <a href="\(Links.appointments)">\(context.t("预约取号", "Book or queue"))</a>
      <a href="\(Links.newInquiry)">\(context.t("咨询投诉", "Ask or complain"))</a>
      \(context.staff == nil ? "<a href=\"\(Links.myCases)\">\(context.t("我的办件", "My applications"))</a>" as HTML : .empty)
      \(staffLinks(context))
      <a href="\(Links.textSize(context.largeText ? "normal" : "large", returnTo: context.path))" data-keep-typed \
      id="text-size-switch">\(context.largeText ? context.t("标准字号", "Normal text") : context.t("大字模式", "Large text"))</a>
      <a href="\(Links.language(other.0, returnTo: context.path))" lang="\(other.0)" data-keep-typed \
      id="language-switch">\(other.1)</a>
      </nav>
      </header>
      """
  }

  private static func staffLinks(_ context: PageContext) -> HTML {
    guard let staff = context.staff else {
      return "<a href=\"\(Links.login)\">\(context.t("工作人员登录", "Staff sign-in"))</a>"
    }
    let desks: [(Permission, String, String, String)] = [
      (.intakeCases, Links.window, "综合窗口", "Window"), (.reviewCases, Links.office, "后台审批", "Back office"),
      (.deliverResults, Links.delivery, "统一出件", "Delivery"),
      (.proxyApply, Links.agentDesk, "帮办代办", "Proxy service"),
      (.intakeCases, Links.shipments, "物料流转", "Shipments"), (.proxyApply, Links.shipments, "物料流转", "Shipments"),
      (.manageCatalog, Links.adminItems, "事项管理", "Catalog"),
      (.manageSites, Links.adminDirectory, "机构人员", "Directory"),
      (.manageStaff, Links.adminDirectory + "?tab=staff", "机构人员", "Directory"),
      (.manageSites, Links.adminHall, "大厅设置", "Hall setup"),
      (.handleInquiries, Links.inquiryDesk, "诉求", "Inquiries"),
      (.viewStatistics, Links.statistics, "统计", "Statistics"),
      (.viewStatistics, Links.hallFigures, "大厅数据", "Hall figures"),
    ]
    // A page reached by two permissions is linked once.
    var shown: Set<String> = []
    let deskLinks = desks.filter { Authorization.can(staff, $0.0) && shown.insert($0.2).inserted }.map {
      "<a href=\"\($0.1)\">\(context.t($0.2, $0.3))</a>" as HTML
    }
    return """
      <a href="\(Links.staffHome)">\(context.t("工作台", "Workbench"))</a>
      \(deskLinks)
      <span class="who">\(staff.displayName) · \(context.t(staff.role.name))</span>
      <form method="post" action="\(Links.logout)" class="inline">\(context.csrfField)\
      <button type="submit" class="link">\(context.t("退出", "Sign out"))</button></form>
      """
  }
}
