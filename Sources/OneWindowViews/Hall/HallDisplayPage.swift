import OneWindowDomain

/// 叫号屏: a full-screen page for the hall's big screen — the numbers being called and their windows, and how many
/// wait per group — redrawn from server-sent events and spoken aloud in Chinese (the browser's speech synthesis).
/// Without scripts it still shows the board and refreshes itself every ten seconds.
public enum HallDisplayPage {
  public static func render(_ board: HallBoard, eventsURL: String, timeZone: String, _ context: PageContext) -> HTML {
    let calls = board.calls.enumerated().map { index, call -> HTML in
      """
      <li class="call\(index == 0 ? " latest" as HTML : .empty)\(call.done ? " done" as HTML : .empty)"><span class="num">\(call.number)</span>\
      <span class="to">\(context.t("请到", "to")) <b>\(call.windowNumber)</b> \(context.t("号窗口", ""))</span>\
      <span class="wname">\(call.windowName)</span>\(call.clerk.map { "<span class=\"clerk\">\($0)</span>" as HTML } ?? .empty)</li>
      """
    }
    let queues = board.queues.map { queue -> HTML in
      "<li><b>\(queue.code)</b> \(queue.name) <span class=\"count\">\(queue.waiting)</span> \(context.t("人等候", "waiting"))</li>"
    }
    let body: HTML = """
      <div class="hall" id="hall" data-built="\(String(board.builtAt))">
      <header><h1>\(board.siteName) · \(context.t("叫号", "Now calling"))</h1>\
      <span id="clock" class="clock"></span></header>
      <div class="hall-body">
      <section class="hall-calls" aria-live="assertive" aria-label="\(context.t("正在呼叫", "Now calling"))">
      <ol id="calls" class="calls">\(calls)</ol>\
      \(board.calls.isEmpty ? "<p class=\"idle\" id=\"idle\">\(context.t("请取号后留意叫号", "Take a ticket and watch for your number"))</p>" as HTML : .empty)
      </section>
      <aside class="hall-queues"><h2>\(context.t("等候人数", "Waiting"))</h2><ul id="queues" class="queues">\(queues)</ul>\
      <button type="button" id="sound" class="sound">\(context.t("开启语音播报", "Turn on spoken calls"))</button></aside>
      </div>
      </div>
      <noscript><meta http-equiv="refresh" content="10"></noscript>
      <script nonce="\(context.scriptNonce)">
      (function () {
        var hall = document.getElementById('hall'), calls = document.getElementById('calls');
        var queues = document.getElementById('queues'), soundOn = false;
        var label = { to: \(json(context.t("请到", "to"))), win: \(json(context.t("号窗口", ""))), wait: \(json(context.t("人等候", "waiting"))) };
        document.getElementById('sound').addEventListener('click', function () {
          soundOn = true; this.hidden = true; speak(\(json(context.t("语音播报已开启", "Spoken calls on"))));
        });
        function speak(text) {
          if (!soundOn || !window.speechSynthesis) return;
          var u = new SpeechSynthesisUtterance(text); u.lang = 'zh-CN'; u.rate = 0.9;
          window.speechSynthesis.speak(u);
        }
        function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
        function draw(board) {
          calls.textContent = '';
          board.calls.forEach(function (c, i) {
            var li = el('li', 'call' + (i === 0 ? ' latest' : '') + (c.done ? ' done' : '')), to = el('span', 'to');
            li.appendChild(el('span', 'num', c.number));
            to.appendChild(document.createTextNode(label.to + ' ')); to.appendChild(el('b', null, c.windowNumber));
            to.appendChild(document.createTextNode(' ' + label.win)); li.appendChild(to);
            li.appendChild(el('span', 'wname', c.windowName));
            if (c.clerk) li.appendChild(el('span', 'clerk', c.clerk));
            calls.appendChild(li);
          });
          var idle = document.getElementById('idle'); if (idle && board.calls.length) idle.remove();
          queues.textContent = '';
          board.queues.forEach(function (q) {
            var li = el('li'); li.appendChild(el('b', null, q.code)); li.appendChild(document.createTextNode(' ' + q.name + ' '));
            li.appendChild(el('span', 'count', String(q.waiting))); li.appendChild(document.createTextNode(' ' + label.wait));
            queues.appendChild(li);
          });
          hall.setAttribute('data-built', String(board.builtAt));
        }
        var events = new EventSource(\(json(eventsURL)));
        events.addEventListener('hall', function (e) {
          var update = JSON.parse(e.data);
          if (update.announce) speak(update.announce.speech);
          if (update.board.builtAt >= Number(hall.getAttribute('data-built'))) draw(update.board);
        });
        function tick() { document.getElementById('clock').textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false, timeZone: \(json(timeZone)) }); }
        tick(); setInterval(tick, 1000);
      })();
      </script>
      """
    return Layout.bare(context, title: context.t("叫号屏", "Hall display"), bodyClass: "screen", body: body)
  }

  /// A string as a JavaScript literal inside a script element (JSON, with "<" escaped so text cannot end the script).
  static func json(_ text: String) -> HTML {
    HTML(unsafe: JSONString.literal(text, forScript: true))
  }

}
