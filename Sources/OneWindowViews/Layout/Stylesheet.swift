/// The one stylesheet, served at `Links.stylesheet`. Large, high-contrast text for clerks who read
/// it all day and for older citizens (适老化); prints cleanly on A4.
public enum Stylesheet {
  public static let css = """
    :root { --ink:#1f2933; --muted:#52606d; --line:#d9e2ec; --brand:#1d4e89; --brand-dark:#123760;
      --bg:#f5f7fa; --card:#fff; --danger:#b42318; --ok:#1a7f37; }
    * { box-sizing: border-box; }
    body { margin:0; font: 16px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
      color:var(--ink); background:var(--bg); }
    a { color: var(--brand); }
    .skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px 8px; z-index:9; }
    .site-header { display:flex; flex-wrap:wrap; align-items:center; justify-content:space-between; gap:12px;
      padding:12px 24px; background:var(--brand); color:#fff; }
    .site-header a { color:#fff; text-decoration:none; }
    .brand { display:flex; align-items:center; gap:10px; font-size:20px; font-weight:700; }
    .brand-mark { background:#fff; color:var(--brand); border-radius:6px; padding:2px 8px; font-size:16px; }
    nav { display:flex; flex-wrap:wrap; align-items:center; gap:18px; }
    nav a:hover, nav a:focus { text-decoration:underline; }
    .who { opacity:.9; }
    .county-switch { font-size:14px; border:1px solid rgba(255,255,255,.6); border-radius:4px; padding:2px 8px;
      margin-right:auto; }
    .county-list { list-style:none; padding:0; display:grid; gap:8px; max-width:480px; }
    .county-list a { display:block; padding:12px 16px; border:1px solid #c8d0dc; border-radius:6px; font-size:18px; }
    tr.current td { background:#eef5ff; }
    form.inline { display:inline; margin:0; }
    button.link { background:none; border:0; color:inherit; font:inherit; cursor:pointer; padding:0; text-decoration:underline; }
    main { max-width:1120px; margin:0 auto; padding:24px; }
    h1 { font-size:26px; margin:8px 0 16px; } h2 { font-size:20px; margin:28px 0 12px; }
    .lead { color:var(--muted); margin-top:-8px; }
    .cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(250px,1fr)); gap:16px; }
    .card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px; }
    .card h3 { margin:0 0 6px; font-size:17px; }
    .meta { color:var(--muted); font-size:14px; margin:2px 0; }
    .tag { display:inline-block; border:1px solid var(--line); border-radius:4px; padding:0 6px; font-size:13px;
      color:var(--muted); background:#fff; margin-right:4px; }
    .figures { display:flex; flex-wrap:wrap; gap:16px; margin:16px 0; }
    .figure { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 20px; min-width:150px; }
    .figure b { display:block; font-size:28px; color:var(--brand); }
    table { width:100%; border-collapse:collapse; background:var(--card); }
    th, td { text-align:left; padding:8px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
    th { background:#eef2f7; font-weight:600; }
    .panel { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:24px; }
    .panel > h1:first-child, .panel > h2:first-child { margin-top:0; }
    .login { max-width:420px; margin:40px auto; }
    label { display:block; font-weight:600; margin:14px 0 4px; }
    input[type=text], input[type=tel], input[type=password] { width:100%; font-size:17px; padding:10px; border:1px solid #9aa5b1; border-radius:6px; }
    input:focus, button:focus, a:focus { outline:3px solid #f0b429; outline-offset:2px; }
    .button { display:inline-block; margin-top:18px; font-size:17px; padding:10px 22px; border:0; border-radius:6px;
      background:var(--brand); color:#fff; cursor:pointer; }
    .button:hover { background:var(--brand-dark); }
    .field-error { color:var(--danger); font-size:15px; margin:4px 0 0; }
    .alert { border-left:4px solid var(--danger); background:#fef3f2; padding:10px 14px; margin:12px 0; }
    dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:6px 18px; margin:0; }
    dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
    ul.plain { padding-left:20px; }
    .site-footer { text-align:center; color:var(--muted); padding:24px; font-size:14px; }
    input[type=search], input[type=number], input[type=date], select, textarea { font:inherit; font-size:16px;
      padding:8px 10px; border:1px solid #9aa5b1; border-radius:6px; background:#fff; max-width:100%; }
    textarea { width:100%; min-height:70px; }
    button { font:inherit; cursor:pointer; border:1px solid var(--brand); border-radius:6px; padding:8px 18px;
      background:var(--brand); color:#fff; }
    button.secondary { background:#fff; color:var(--brand); }
    button.danger { background:#fff; color:var(--danger); border-color:var(--danger); }
    .danger-zone { margin:24px 0; } .danger-zone summary { color:var(--danger); cursor:pointer; }
    .search { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:16px; }
    .search > label { margin-top:0; }
    .search-row { display:flex; gap:8px; } .search-row input { flex:1; min-width:0; font-size:18px; } .search-row button { white-space:nowrap; }
    .filters { display:flex; flex-wrap:wrap; gap:12px; margin-top:8px; }
    .filters label { font-weight:normal; color:var(--muted); margin:0; font-size:14px; }
    .filters select { display:block; min-width:160px; max-width:100%; } .filters > * { max-width:100%; min-width:0; }
    select { max-width:100%; }
    .tabs { display:flex; gap:4px; margin:16px 0 8px; border-bottom:2px solid var(--line); }
    .tabs a { padding:8px 18px; text-decoration:none; border-radius:6px 6px 0 0; }
    .tabs a[aria-current] { background:var(--brand); color:#fff; }
    .entries { display:grid; grid-template-columns:repeat(auto-fit,minmax(160px,1fr)); gap:12px; margin:16px 0; }
    .entry { display:block; background:var(--card); border:1px solid var(--line); border-left:4px solid var(--brand);
      border-radius:8px; padding:12px 16px; text-decoration:none; color:var(--ink); }
    .entry b { display:block; font-size:19px; color:var(--brand); } .entry span { color:var(--muted); font-size:14px; }
    ul.popular { display:grid; grid-template-columns:repeat(auto-fill,minmax(220px,1fr)); gap:6px 16px; padding:0;
      list-style:none; margin:8px 0 16px; }
    ul.popular a { display:block; padding:6px 0; border-bottom:1px dashed var(--line); }
    details.town { background:var(--card); border:1px solid var(--line); border-radius:8px; margin:8px 0; padding:10px 14px; }
    details.town summary { cursor:pointer; } details.town .cards { margin-top:12px; }
    .chips { display:flex; flex-wrap:wrap; gap:8px; margin:8px 0 12px; }
    .chip { border:1px solid var(--line); background:#fff; border-radius:16px; padding:2px 12px; text-decoration:none; font-size:15px; }
    .chip[aria-current] { background:#e6eef8; border-color:var(--brand); font-weight:600; }
    .note { background:#fffbea; border-left:4px solid #f0b429; padding:8px 14px; }
    .empty { padding:24px; text-align:center; color:var(--muted); background:var(--card); }
    .pager { display:flex; gap:18px; justify-content:center; margin:16px 0; }
    .badge { display:inline-block; min-width:1.4em; padding:0 6px; border-radius:9px; background:var(--danger, #b42318);
      color:#fff; font-size:.8em; text-align:center; line-height:1.5; }
    .messages { list-style:none; padding:0; margin:12px 0; }
    .messages .message { border:1px solid var(--line, #d0d5dd); border-radius:6px; padding:10px 14px; margin:0 0 10px; }
    .messages .message.unread { border-left:4px solid var(--brand, #1d4ed8); }
    .messages .message-head { display:flex; gap:10px; align-items:baseline; flex-wrap:wrap; margin:0 0 4px; }
    .messages time { color:var(--muted, #667085); margin-left:auto; }
    .guide-head { display:flex; justify-content:space-between; gap:24px; align-items:flex-start; }
    .qr-box { margin:0; text-align:center; font-size:13px; color:var(--muted); }
    .qr-box svg { width:132px; height:132px; display:block; }
    table.facts th { width:170px; background:#f5f7fa; }
    .status-published { color:var(--ok); border-color:var(--ok); } .status-suspended { color:#b54708; border-color:#b54708; }
    .status-cancelled { color:var(--danger); border-color:var(--danger); }
    .print-only { display:none; }
    p.tabs { flex-wrap:wrap; } p.tabs a, p.tabs b { white-space:nowrap; }
    .charts { display:grid; grid-template-columns:repeat(auto-fit,minmax(320px,1fr)); gap:16px; margin:8px 0; }
    svg.chart { width:100%; height:auto; border:1px solid var(--line); border-radius:8px; background:#fff; }
    .standing { display:inline-block; border-radius:4px; padding:0 6px; font-size:14px; border:1px solid currentColor; }
    .standing-met { color:var(--ok); } .standing-missed { color:var(--danger); font-weight:600; }
    .standing-behind { color:#b54708; } .standing-unknown { color:var(--muted); }
    #assessment th[scope=row] { white-space:nowrap; }
    td.definition { color:var(--muted); font-size:14px; max-width:36em; }
    input[readonly] { background:#eef2f7; color:var(--muted); }
    table.materials th { white-space:nowrap; } table.materials td:nth-child(2) { min-width:9em; }
    table.materials td:nth-child(3), table.materials td:nth-child(4) { white-space:nowrap; }
    .form-grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(240px,1fr)); gap:0 18px; }
    .form-grid input, .form-grid select { width:100%; }
    .form-grid input[type=radio], .form-grid input[type=checkbox] { width:auto; }
    fieldset { border:1px solid var(--line); border-radius:8px; margin:16px 0; padding:8px 16px 16px; background:var(--card); }
    legend { font-weight:700; padding:0 6px; }
    .checks label { display:inline-flex; gap:6px; font-weight:normal; margin:6px 16px 0 0; }
    table.edit td { padding:4px; } table.edit input[type=text] { font-size:15px; padding:6px; }
    .actions { display:flex; flex-wrap:wrap; gap:10px; margin:16px 0; align-items:center; }
    .ok { border-left:4px solid var(--ok); background:#ecfdf3; padding:10px 14px; margin:12px 0; }
    del { color:var(--danger); } ins { color:var(--ok); text-decoration:none; }
    .bar { background:#e4e7eb; border-radius:4px; height:10px; min-width:120px; }
    .bar span { display:block; height:10px; border-radius:4px; background:var(--ok); }
    .bar.short span { background:var(--danger); }
    .visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
    fieldset.bare { border:0; margin:0; padding:0; background:none; } fieldset.bare legend { font-weight:600; padding:0; }
    .two-col { display:grid; grid-template-columns:repeat(auto-fit,minmax(320px,1fr)); gap:16px; margin:16px 0; }
    .two-col > .panel { margin:0; } .two-col > form.search { margin:0; }
    .inline-form { display:flex; flex-wrap:wrap; gap:6px; align-items:center; margin:4px 0; }
    .inline-form label { margin:0; font-weight:normal; } .inline-form input[type=text] { width:9em; padding:4px; }
    .agent-card { display:flex; gap:14px; align-items:flex-start; } .agent-card p { margin:2px 0; }
    .agent-photo { width:72px; height:96px; object-fit:cover; border-radius:6px; flex:none; }
    .agent-photo.placeholder { display:flex; align-items:center; justify-content:center; background:#e6eef8;
      color:var(--brand); font-size:32px; font-weight:700; }
    .scroll-box { max-height:16em; overflow-y:auto; border:1px solid var(--line); border-radius:6px; padding:4px 10px; }
    .button.small { margin:0; padding:4px 14px; font-size:15px; }
    table.cases td:first-child, .tag, .warn { white-space:nowrap; }
    .case-number { font-family:ui-monospace,monospace; font-size:18px; color:var(--ink); margin-right:8px; }
    .warn { display:inline-block; border-radius:4px; padding:0 8px; font-size:14px; background:#e3f9e5; color:var(--ok); }
    .warn-yellow { background:#fff3c4; color:#8d5c00; } .warn-red { background:#fde8e8; color:var(--danger); font-weight:600; }
    tr.warn-row-red td:first-child { border-left:4px solid var(--danger); } tr.warn-row-yellow td:first-child { border-left:4px solid #f0b429; }
    .state-refused, .state-withdrawn { color:var(--danger); } .state-concluded { color:var(--ok); }
    td.light-red a { color:var(--danger); font-weight:700; } td.light-yellow a { color:#8d5c00; font-weight:700; }
    td.light-green a { color:var(--ok); } .standing-overdue { color:var(--danger); border-color:var(--danger); }
    .standing-due_soon { color:#8d5c00; border-color:#f0b429; } .evidence a { margin-right:6px; }
    #trail tr:target td { background:#fff3c4; } #sample .inline-form input[type=text] { width:16em; }
    .button.secondary { background:#fff; color:var(--brand); border:1px solid var(--brand); }
    form.settle .button { margin-top:0; padding:8px 18px; font-size:16px; text-decoration:none; }
    .material-missing { color:var(--danger); font-weight:600; } .material-deferred { color:#8d5c00; }
    .actions-panel details.step { border-top:1px solid var(--line); padding:8px 0; }
    .actions-panel summary { cursor:pointer; font-weight:600; color:var(--brand); padding:4px 0; }
    .actions-panel .wide { grid-column:1 / -1; }
    table.checklist td { vertical-align:middle; } table.checklist input[type=text] { font-size:15px; padding:6px; }
    details > summary { cursor:pointer; font-weight:600; color:var(--brand); margin:8px 0; }
    article.notice { background:#fff; border:1px solid var(--line); padding:32px 40px; max-width:800px; margin:0 auto; }
    .notice-head { display:flex; justify-content:space-between; gap:24px; align-items:flex-start; }
    .notice-head h1 { font-size:28px; letter-spacing:4px; margin:4px 0; }
    .notice-issuer { font-size:18px; margin:0; } .notice-number { margin:0; }
    table.notice-list td, table.notice-list th { border:1px solid #999; }
    .notice-foot { margin-top:28px; } .seal { text-align:right; margin-top:36px; line-height:2; }
    .grid3 { display:grid; grid-template-columns:repeat(auto-fit,minmax(200px,1fr)); gap:12px; }
    .call-panel { border-left:6px solid var(--brand); } .call-panel h2 { margin-top:0; }
    .big-number { font-size:34px; font-weight:700; letter-spacing:2px; color:var(--brand-dark); }
    .call-actions, .inline-form { display:flex; flex-wrap:wrap; align-items:center; gap:10px; }
    .call-actions { gap:18px; } .inline-form { margin:0; }
    .slots { display:grid; grid-template-columns:repeat(auto-fill,minmax(7.5em,1fr)); gap:6px; }
    .slot { border:1px solid var(--line); border-radius:6px; padding:6px 8px; background:#fff; margin:0; font-weight:normal;
      font-size:15px; white-space:nowrap; } .slot .meta { display:block; font-size:13px; }
    .slot:has(input:checked) { border-color:var(--brand); background:#e6eef8; } .slot.full { opacity:.5; }
    fieldset { min-width:0; }
    .downloads { margin-top:4px; font-size:14px; } .downloads > * { display:block; }
    @media (max-width: 600px) { .slots { grid-template-columns:repeat(3,minmax(0,1fr)); }
      .slot { white-space:normal; padding:6px; font-size:14px; } .slot input { margin:0 4px 0 0; } }
    body.screen { background:#0b1f3a; color:#fff; } body.screen main { max-width:none; padding:2vh 2.5vw; }
    .hall { min-height:95vh; display:flex; flex-direction:column; }
    .hall header { display:flex; justify-content:space-between; align-items:baseline; }
    .hall h1 { font-size:4.2vh; margin:0 0 1.5vh; } .clock { font-size:3.6vh; opacity:.8; }
    .hall-body { flex:1; display:grid; grid-template-columns:3fr 1fr; gap:2.5vw; }
    .calls { list-style:none; margin:0; padding:0; display:grid; grid-template-columns:1fr 1fr; gap:0 2vw; }
    .call { display:grid; grid-template-columns:3.4em 1fr; align-items:baseline; gap:0 1vw; font-size:4.4vh;
      padding:1.2vh 1vw; border-bottom:1px solid #27466e; }
    .call .wname { grid-column:2; font-size:2.6vh; opacity:.85; }
    .call .clerk { grid-column:2; font-size:2.4vh; opacity:.85; }
    .call .num { font-weight:800; color:#ffd166; } .call.done { opacity:.55; } .call.done .num { color:#fff; }
    .call.latest { grid-column:1 / -1; font-size:9vh; background:#15365f; border-radius:1vh; animation:flash 1s 3;
      grid-template-columns:3.4em auto 1fr; } .call.latest .wname { grid-column:auto; font-size:4vh; }
    .call.latest .clerk { grid-column:2 / -1; font-size:3.4vh; }
    .idle { font-size:5vh; opacity:.8; }
    @keyframes flash { 50% { background:#2c5d94; } }
    .hall-queues { background:#102a4c; border-radius:1vh; padding:2vh 1.5vw; }
    .hall-queues h2 { font-size:3.4vh; margin:0 0 1.5vh; }
    .queues { list-style:none; display:flex; flex-direction:column; gap:1.6vh; padding:0; margin:0; font-size:3vh; }
    .queues .count { color:#ffd166; font-weight:700; } .sound { background:#15365f; color:#fff; border-color:#fff; margin-top:2vh; }
    body.kiosk-screen main { max-width:1000px; } .kiosk h1 { font-size:34px; }
    @media (orientation: portrait) and (min-height: 1200px) {
      body.kiosk-screen main { max-width:none; padding:3vh 4vw; } .kiosk h1 { font-size:3.2vh; }
      .kiosk .group-buttons { grid-template-columns:1fr 1fr; gap:2vh 3vw; }
      .kiosk .group-button { min-height:14vh; font-size:3vh; } .kiosk .group-button .code { font-size:5.5vh; }
      .kiosk .group-button .meta { font-size:2.2vh; } .kiosk .lane { font-size:2.4vh; padding:1.4vh 2vw; }
      .kiosk .kiosk-row { grid-template-columns:1fr; } .kiosk .kiosk-row input, .kiosk .button { font-size:2.6vh; } }
    .group-buttons { display:grid; grid-template-columns:repeat(auto-fill,minmax(280px,1fr)); gap:16px; margin:16px 0; }
    .group-button { display:flex; flex-direction:column; align-items:flex-start; gap:4px; min-height:120px;
      font-size:26px; padding:18px 22px; background:var(--brand); color:#fff; border:0; border-radius:12px; text-align:left; }
    .group-button .code { font-size:40px; font-weight:800; } .group-button .meta { color:#dbe7f5; font-size:18px; }
    .group-button:focus, .group-button:hover { background:var(--brand-dark); }
    .lanes { display:flex; flex-wrap:wrap; gap:12px; border:1px solid var(--line); border-radius:8px; background:#fff; }
    .lane { font-size:22px; padding:10px 16px; border:1px solid var(--line); border-radius:8px; }
    .lane input { width:24px; height:24px; vertical-align:middle; }
    .kiosk-row { display:grid; grid-template-columns:1fr 1fr; gap:16px; } .kiosk-row input { font-size:22px; width:100%; }
    .slip { text-align:center; background:#fff; border:1px dashed var(--muted); padding:24px; max-width:420px; margin:24px auto;
      font-size:20px; } #ticket-position[data-state=called] { color:var(--ok); font-size:24px; }
    .slip-links { font-size:16px; } .slip-links a { white-space:nowrap; } .slip-number { font-size:72px; font-weight:800; margin:8px 0; color:var(--brand-dark); }
    .lane-tag { color:var(--ok); font-weight:700; }
    body.pad-screen main { max-width:760px; text-align:center; } .pad-window { font-size:24px; color:var(--muted); }
    .pad-photo { width:160px; height:200px; object-fit:cover; border-radius:10px; margin:12px auto; display:block; }
    .pad-photo.none { background:var(--brand); color:#fff; font-size:80px; line-height:200px; }
    .pad-name { font-size:34px; font-weight:700; margin:0; } .pad-ask { font-size:26px; margin-top:24px; }
    .pad-sign-in { margin:40px auto 0; max-width:360px; text-align:left; color:var(--muted); }
    .pad-sign-in input { display:block; width:100%; margin:4px 0 12px; } .pad-sign-in button { width:100%; }
    .rate-buttons { display:grid; grid-template-columns:repeat(5,1fr); gap:10px; }
    .rate-buttons button { font-size:20px; padding:22px 6px; } .pad-thanks { font-size:30px; color:var(--ok); }
    @media (max-width: 640px) { .kiosk-row { grid-template-columns:1fr; } .rate-buttons { grid-template-columns:1fr; } }
    body.large { font-size:20px; } body.large h1 { font-size:32px; } body.large h2 { font-size:25px; }
    body.large input[type=text], body.large input[type=tel], body.large input[type=search], body.large input[type=password],
    body.large select,
    body.large textarea, body.large button, body.large .button { font-size:21px; padding:12px 16px; }
    body.large input[type=radio], body.large input[type=checkbox] { width:22px; height:22px; }
    body.large table { font-size:19px; } body.large .meta, body.large .tag, body.large .warn { font-size:17px; }
    @media (max-width: 640px) { main { padding:12px; } .guide-head { flex-direction:column; } table { font-size:14px; }
      table.materials, table.results, table.edit { display:block; overflow-x:auto; }
      table.facts th { width:auto; } td { overflow-wrap:anywhere; } .qr-box svg { width:96px; height:96px; } }
    .menu-button { display:none; }
    @media (max-width: 700px) {
      .site-header { padding:8px 12px; gap:8px; } .brand { font-size:17px; }
      .js .menu-button { display:inline-block; background:transparent; color:#fff; border:1px solid rgba(255,255,255,.7);
        border-radius:6px; padding:6px 12px; font-size:16px; margin:0; }
      .js .site-header nav { display:none; width:100%; flex-direction:column; align-items:stretch; gap:0; }
      .js .site-header.open nav { display:flex; }
      .js .site-header nav > a, .js .site-header nav > .who, .js .site-header nav > form { padding:10px 4px;
        border-top:1px solid rgba(255,255,255,.25); } }
    @media (max-width: 600px) {
      table.stacked, table.stacked tbody, table.stacked tr, table.stacked td { display:block; width:auto; }
      table.stacked { background:transparent; overflow:visible; }
      table.stacked thead { position:absolute; left:-9999px; }
      table.stacked tr { background:var(--card); border:1px solid var(--line); border-radius:8px; margin:0 0 10px; padding:6px 12px; }
      table.stacked td { border:0; padding:4px 0 4px 6.5em; position:relative; min-width:0 !important; min-height:1.8em;
        white-space:normal !important; }
      table.stacked td[data-label]::before { content:attr(data-label); position:absolute; left:0; top:4px; width:6em;
        color:var(--muted); font-size:14px; }
      table.stacked td:not([data-label]) { padding-left:0; } table.stacked input[type=file] { max-width:100%; } }
    @media print {
      .site-header, .site-footer, .skip, .no-print { display:none; }
      .print-only { display:block; }
      body { background:#fff; font-size:12pt; } main { max-width:none; padding:0; }
      @page { size:A4; margin:16mm 14mm; }
      table { page-break-inside:auto; } tr { page-break-inside:avoid; }
      .tag { border-color:#999; }
      article.notice { border:0; padding:0; max-width:none; }
      svg.chart { page-break-inside:avoid; max-height:80mm; } .charts { display:block; }
      td.definition { font-size:9pt; }
    }
    """
}
