// The report's stylesheet, inline: the file opens from disk or as a CI artifact with no network.
// System fonts only.
export const PAGE_STYLE = `
:root{--bg:#fff;--fg:#1d1c1d;--muted:#616061;--line:#ddd;--err:#c0223b;--warn:#b26b00;--ok:#1f7a3f;--cancel:#777;--mark:#fff3b0}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#f6f6f7}
header{background:#101828;color:#fff;padding:14px 22px}
header h1{margin:0;font-size:18px}
header p{margin:2px 0 0;color:#c9ced8;font-size:12px}
.filters{position:sticky;top:0;z-index:5;display:flex;gap:10px;flex-wrap:wrap;align-items:center;background:#fff;border-bottom:1px solid var(--line);padding:8px 22px}
.filters label{font-size:12px;color:var(--muted)}
.filters select,.filters input{font:inherit;padding:3px 6px}
main{padding:12px 22px}
section.snippet{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 18px;padding:10px 16px}
section.snippet>h2{font-size:16px;margin:4px 0 8px}
h3{font-size:14px;margin:14px 0 6px}
.dest{color:var(--muted);font-weight:normal}
table.summary{border-collapse:collapse;font-variant-numeric:tabular-nums}
table.summary th,table.summary td{padding:2px 10px;border-bottom:1px solid #eee;text-align:right}
table.summary th:first-child,table.summary td:first-child{text-align:left}
.n-fail{color:var(--err);font-weight:600}.n-warn{color:var(--warn);font-weight:600}
.status{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;font-weight:600;color:#fff;text-transform:uppercase}
.status.fail{background:var(--err)}.status.warn{background:var(--warn)}.status.pass{background:var(--ok)}.status.cancel{background:var(--cancel)}
details{margin:4px 0}
summary{cursor:pointer}
details.code>summary,details.event>summary{font-weight:600}
ul.items{margin:4px 0 8px;padding-left:18px}
ul.items li{margin:2px 0}
.fbadge{display:inline-block;border-radius:3px;padding:0 5px;margin:0 3px;font:11px/1.6 ui-monospace,Menlo,monospace;color:#fff;vertical-align:baseline}
.fbadge.error{background:var(--err)}.fbadge.warning{background:var(--warn)}
ul.findings{margin:6px 0;padding-left:16px}
ul.findings li.error{color:var(--err)}ul.findings li.warning{color:var(--warn)}
code,.path{font-family:ui-monospace,Menlo,monospace;font-size:12px}
.gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:12px;margin:8px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 10px;min-width:0;background:#fff}
.card.fail{border-top:3px solid var(--err)}.card.warn{border-top:3px solid var(--warn)}.card.pass{border-top:3px solid var(--ok)}.card.cancel{border-top:3px solid var(--cancel)}
.card-head{display:flex;gap:6px;flex-wrap:wrap;align-items:center;margin-bottom:4px}
.variant{background:#eef;border-radius:3px;padding:0 5px;font-size:12px}
.panes{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:10px}
.panes>:only-child{grid-column:1/-1}
.pane-title{font-size:11px;text-transform:uppercase;color:var(--muted);margin:4px 0}
.req-line{font-family:ui-monospace,Menlo,monospace;font-size:12px;word-break:break-all}
table.headers{font:12px ui-monospace,Menlo,monospace;border-collapse:collapse;margin:4px 0}
table.headers th{text-align:left;padding-right:10px;color:var(--muted);font-weight:normal}
pre{white-space:pre-wrap;word-break:break-word;margin:4px 0}
pre.json{font:12px/1.4 ui-monospace,Menlo,monospace;background:#fafafa;border:1px solid #eee;padding:6px;max-height:520px;overflow:auto}
.json i{font-style:normal}.json .k{color:#7a3e9d}.json .s{color:#22863a}.json .m{color:#005cc5}.json .b,.json .n,.json .u{color:#d73a49}
.json mark{background:var(--mark)}
.has-f{outline:2px solid var(--warn);outline-offset:1px;border-radius:2px}
.has-f.sev-error{outline-color:var(--err)}
.note{color:var(--muted);font-style:italic}
.run-error{color:var(--err);white-space:pre-wrap}
.logs{font-size:12px;color:var(--muted)}
.unknown{color:var(--muted);font-style:italic}
.img{display:inline-block;border:1px dashed #aaa;border-radius:4px;padding:12px;color:var(--muted);margin:4px 0;max-width:100%;overflow:hidden}
.img.small{padding:2px 6px}
.avatar{width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;flex:none}
.who .app{background:#e8e8e8;color:#555;font-size:10px;border-radius:3px;padding:0 3px}
.mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
.mention.loud{background:#fff5d6;color:#8a5a00}
.quote{display:block;border-left:4px solid #ddd;padding-left:8px}
.slack{display:flex;gap:8px;font-family:Lato,system-ui,sans-serif;padding:6px}
.slack .msg{min-width:0;flex:1}
.sl-header{font-size:18px;font-weight:900;margin:4px 0}
.sl-fields{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:6px 16px;margin:4px 0}
.sl-field,.sl-text,.ac-text,.ac-facts td{min-width:0;overflow-wrap:anywhere}
.rendered{min-width:0;overflow:hidden}
.sl-context{font-size:12px;color:var(--muted);margin:4px 0}
.sl-divider{border:0;border-top:1px solid #ddd}
.sl-block{margin:4px 0}.sl-section{display:block}
.sl-actions{display:flex;gap:6px;flex-wrap:wrap}
.sl-button{border:1px solid #bbb;border-radius:4px;padding:2px 10px;font-weight:700}
.sl-button.primary{background:#007a5a;color:#fff}.sl-button.primary a{color:#fff}
.sl-button.danger{color:#e01e5a}
.sl-pre{background:#f8f8f8;border:1px solid #ddd;padding:4px}
.sl-attachment{border-left:4px solid #ddd;padding-left:8px;margin:4px 0}
.notification{font-size:12px;color:var(--muted);margin-top:4px}
.link{color:#1264a3;text-decoration:underline dotted}
.discord{display:flex;gap:10px;background:#313338;color:#dbdee1;padding:10px;border-radius:6px;font-family:"gg sans",system-ui,sans-serif}
.discord .avatar{background:#5865f2;border-radius:50%}
.discord a{color:#00a8fc}
.discord .msg{min-width:0;flex:1}
.discord .who .app{background:#5865f2;color:#fff}
.discord .mention{background:rgba(88,101,242,.3);color:#c9cdfb}
.discord .mention.quiet{background:none;color:#dbdee1}
.discord code,.dc-pre{background:#2b2d31;border-radius:3px}
.dc-embed{position:relative;background:#2b2d31;border-left:4px solid #1e1f22;border-radius:4px;padding:8px 12px;margin:4px 0;max-width:520px}
.dc-title{font-weight:700;color:#fff;margin:2px 0}
.dc-author{font-size:13px;font-weight:600}
.dc-fields{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px 10px;margin:6px 0}
.dc-field.wide{grid-column:1/-1}
.dc-fname{font-weight:700;color:#fff;font-size:13px}
.dc-field{min-width:0;overflow-wrap:anywhere}
.dc-footer{font-size:12px;color:#b5bac1;margin-top:6px}
.dc-thumb{float:right}
.dc-h1{font-size:20px;font-weight:700}.dc-h2{font-size:17px;font-weight:700}.dc-h3{font-weight:700}
.spoiler{background:#1e1f22;color:#1e1f22}
.teams{background:#f5f5f5;padding:8px;border-radius:6px;font-family:"Segoe UI",system-ui,sans-serif}
.ac-card{background:#fff;border:1px solid #e1e1e1;border-radius:6px;padding:10px 12px;margin:4px 0}
.ac-el{margin:4px 0}.ac-sep{border-top:1px solid #e1e1e1;padding-top:6px}
.ac-bold{font-weight:700}.ac-subtle{opacity:.7}.ac-italic{font-style:italic}.ac-strike{text-decoration:line-through}
.ac-s-small{font-size:12px}.ac-s-medium{font-size:16px}.ac-s-large{font-size:20px}.ac-s-extralarge{font-size:24px}
.ac-c-good{color:#1f7a3f}.ac-c-warning{color:#b26b00}.ac-c-attention{color:#c0223b}.ac-c-accent{color:#0f6cbd}.ac-c-light{color:#999}
table.ac-facts th{text-align:left;padding-right:12px;font-weight:600;vertical-align:top}
.ac-columns{display:flex;gap:10px}.ac-column{flex:1 1 0;min-width:0}.ac-column.ac-w-auto{flex:0 0 auto}
.ac-container.ac-emphasis{background:#f3f3f3;padding:6px}
.ac-actions{display:flex;gap:6px;flex-wrap:wrap;margin-top:8px}
.ac-action{border:1px solid #c7c7c7;border-radius:4px;padding:3px 12px;font-weight:600}
.email{border:1px solid var(--line);border-radius:6px;overflow:hidden}
table.em-head{width:100%;border-collapse:collapse;background:#fafafa;font-size:13px}
table.em-head th{text-align:left;width:70px;color:var(--muted);font-weight:normal;padding:2px 8px}
table.em-head td{padding:2px 8px;word-break:break-all}
.em-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:6px;padding:6px}
.em-label{font-size:11px;color:var(--muted);text-transform:uppercase}
.em-body iframe{width:100%;height:300px;border:1px solid #eee;background:#fff}
.em-textpart pre{font-size:12px;max-height:300px;overflow:auto}
.generated{color:#c9ced8}
[hidden]{display:none!important}
@media (max-width:900px){.panes,.em-body{grid-template-columns:1fr}.gallery{grid-template-columns:1fr}}
`;
