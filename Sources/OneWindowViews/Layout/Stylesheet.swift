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
    input[type=text], input[type=password] { width:100%; font-size:17px; padding:10px; border:1px solid #9aa5b1; border-radius:6px; }
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
    @media print { .site-header nav, .skip { display:none; } body { background:#fff; } }
    """
}
