// The HTML report's style sheet: system fonts, GitHub's light colours, nothing fetched.
export const PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 48px; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans",
  Helvetica, Arial, sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d1d9e0; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
.muted { color: #59636e; }
.status { display: inline-block; padding: 2px 10px; border-radius: 2em; font-weight: 600; }
.status.pass { background: #dafbe1; color: #116329; }
.status.fail { background: #ffebe9; color: #a40e26; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { padding: 4px 10px; border: 1px solid #d1d9e0; vertical-align: top; }
th { background: #f6f8fa; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.better { color: #116329; }
.worse { color: #a40e26; }
nav a { margin-right: 14px; color: #0969da; text-decoration: none; }
table.layers { width: 100%; table-layout: fixed; }
table.layers td.side { width: 44%; }
table.layers td.st { width: 12%; text-align: center; }
.bar { height: 8px; background: #0969da; border-radius: 2px; margin: 3px 0; min-width: 1px; }
.bar.base { background: #8c959f; }
.instr { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.st-same { color: #59636e; } .st-changed { color: #9a6700; } .st-added { color: #116329; } .st-removed { color: #a40e26; }
details.chg summary { cursor: pointer; color: #0969da; font-size: 12px; }
details.chg ul { margin: 2px 0 6px; padding-left: 18px; font-size: 12px; }
.add { color: #116329; } .mod { color: #9a6700; } .del { color: #a40e26; }
.tree { font-size: 13px; border: 1px solid #d1d9e0; border-radius: 6px; max-height: 640px; overflow: auto; }
.tree .row { display: grid; grid-template-columns: minmax(240px, 1fr) 90px 70px 90px 50px; gap: 6px;
  padding: 1px 8px; border-bottom: 1px solid #f0f2f4; align-items: center; }
.tree .row.head { position: sticky; top: 0; background: #f6f8fa; font-weight: 600; }
.tree .row:hover { background: #f6f8fa; }
.tree .name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tree .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tree button.tw { border: 0; background: none; width: 18px; padding: 0; cursor: pointer; font-size: 11px; }
.tree .wasted .name, .tree .wasted .w { color: #a40e26; }
.tree .gone .name { text-decoration: line-through; }
.tree .folded { color: #59636e; font-style: italic; }
.tree .plus { color: #116329; } .tree .minus { color: #a40e26; }
#treemap svg { width: 100%; height: auto; border: 1px solid #d1d9e0; border-radius: 6px; }
#treemap rect { stroke: #fff; stroke-width: 1; cursor: pointer; }
#treemap text { font-size: 11px; pointer-events: none; fill: #fff; }
.crumbs button { border: 0; background: none; color: #0969da; cursor: pointer; padding: 0 2px; font: inherit; }
.pkg-tools { margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
.pkg-tools input[type=search] { min-width: 260px; padding: 3px 6px; font: inherit; }
table.packages th { padding: 0; }
table.packages th button { border: 0; background: none; font: inherit; font-weight: 600; padding: 4px 10px; width: 100%;
  text-align: inherit; cursor: pointer; }
table.packages th[aria-sort=ascending] button::after { content: " \\25b4"; }
table.packages th[aria-sort=descending] button::after { content: " \\25be"; }
.st-upgraded { color: #0969da; } .st-downgraded { color: #9a6700; }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; border-radius: 2px; }
svg.trend { display: block; max-width: 100%; height: auto; margin: 8px 0 12px; }
`;
