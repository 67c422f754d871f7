import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  LARGEST_SENTENCE,
  shortCommit,
  trendCaption,
  trendLine,
  trendRows,
  trendSizes
} from "./chunk-PFW6J5NA.js";
import {
  budgetFigures,
  costRows,
  packageCountsLine,
  percent,
  signed,
  statusLine
} from "./chunk-VFUMJL3I.js";
import {
  describeJudged
} from "./chunk-7OYFYWMG.js";
import {
  normalizeInstruction
} from "./chunk-QPMSVJNA.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";

// src/render/html/index.ts
import { createHash } from "node:crypto";

// src/render/html/escape.ts
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function html(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function scriptJson(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

// src/render/trend-svg.ts
var W = 640;
var H = 220;
var PAD = { left: 72, right: 16, top: 16, bottom: 44 };
var fixed = (n) => Math.round(n * 10) / 10;
function trendSvg(t) {
  const sizes = trendSizes(t);
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  const span = hi - lo || Math.max(1, hi * 0.05);
  const yLo = Math.max(0, lo - span * 0.1);
  const yHi = hi + span * 0.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i) => fixed(PAD.left + (sizes.length === 1 ? plotW / 2 : i / (sizes.length - 1) * plotW));
  const y = (s) => fixed(PAD.top + plotH - (s - yLo) / (yHi - yLo) * plotH);
  const labels = [...t.points.map((p) => shortCommit(p.commit)), t.head.label];
  const dates = [...t.points.map((p) => p.date.slice(0, 10)), "this run"];
  const parts = [
    `<svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${html(`Image size over ${sizes.length} builds, from ${formatBytes(t.first)} to ${formatBytes(t.head.size)}`)}">`
  ];
  for (let k = 0; k <= 4; k++) {
    const v = yLo + (yHi - yLo) * k / 4;
    const gy = y(v);
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${gy}" y2="${gy}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${PAD.left - 6}" y="${fixed(gy + 4)}" text-anchor="end" font-size="11" fill="#57606a">${html(formatBytes(Math.round(v)))}</text>`
    );
  }
  const history = sizes.slice(0, -1).map((s, i) => `${x(i)},${y(s)}`);
  if (history.length > 1)
    parts.push(`<polyline points="${history.join(" ")}" fill="none" stroke="#0969da" stroke-width="2"/>`);
  const n = sizes.length - 1;
  parts.push(
    `<line x1="${x(n - 1)}" y1="${y(sizes[n - 1])}" x2="${x(n)}" y2="${y(sizes[n])}" stroke="${t.largest ? "#cf222e" : "#0969da"}" stroke-width="2" stroke-dasharray="4 3"/>`
  );
  sizes.forEach((s, i) => {
    const isHead = i === n;
    const tip = `${isHead ? "this run" : labels[i]} ${dates[i] === "this run" ? "" : dates[i]} ${formatBytes(s)}`;
    parts.push(
      `<circle cx="${x(i)}" cy="${y(s)}" r="${isHead ? 5 : 3}" fill="${isHead ? t.largest ? "#cf222e" : "#1a7f37" : "#0969da"}"${isHead ? ` data-figure="history.head.size" data-value="${s}"` : ""}><title>${html(tip.replace(/\s+/g, " ").trim())}</title></circle>`
    );
  });
  for (const i of [0, n]) {
    parts.push(
      `<text x="${x(i)}" y="${H - PAD.bottom + 16}" text-anchor="${i === 0 ? "start" : i === n ? "end" : "middle"}" font-size="11" fill="#57606a" font-family="monospace">${html(i === n ? "this run" : labels[i] ?? "")}</text>`
    );
  }
  parts.push(
    `<text x="${PAD.left}" y="${H - 8}" font-size="11" fill="#57606a">${html(dates[0] ?? "")}</text>`,
    `<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end" font-size="11" fill="#57606a">${html(t.points.at(-1)?.date.slice(0, 10) ?? "")} \u2192 this run</text>`,
    "</svg>"
  );
  return parts.join("");
}

// src/render/html/page-script.ts
var PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var dataEl = document.getElementById('ig-data');
  var D = JSON.parse(dataEl.textContent);
  var UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  function fmt(n) {
    var sign = n < 0 ? '-' : '';
    var v = Math.abs(n);
    var u = 0;
    while (v >= 1000 && u < UNITS.length - 1) { v /= 1000; u++; }
    var r = u === 0 ? Math.round(v) : Number(v.toPrecision(3));
    if (r >= 1000 && u < UNITS.length - 1) { r = Number((r / 1000).toPrecision(3)); u++; }
    return (r === 0 ? '' : sign) + r + ' ' + UNITS[u];
  }
  function signed(n) { return n > 0 ? '+' + fmt(n) : fmt(n); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var KIND = { d: 'directory', f: 'file', l: 'symlink', h: 'hard link', o: 'other', x: 'deleted' };

  // ---- A tree of rows that expand on click: used for the filesystem and the diff.
  function treeView(host, columns, root, describe) {
    var header = el('div', 'row head');
    columns.forEach(function (c, i) { header.appendChild(el('div', i === 0 ? 'name' : 'n', c)); });
    host.appendChild(header);
    var list = el('div', 'rows');
    host.appendChild(list);
    function addRows(node, depth, after) {
      var rows = [];
      describe.children(node).forEach(function (child) { rows.push(makeRow(child, depth)); });
      var extra = describe.folded(node);
      if (extra) {
        var f = el('div', 'row folded');
        var name = el('div', 'name', extra[0]);
        name.style.paddingLeft = (depth * 16 + 18) + 'px';
        f.appendChild(name);
        extra.slice(1).forEach(function (v) { f.appendChild(el('div', 'n', v)); });
        rows.push(f);
      }
      var ref = after ? after.nextSibling : null;
      rows.forEach(function (r) { list.insertBefore(r, ref); });
      return rows;
    }
    function makeRow(node, depth) {
      var d = describe.row(node);
      var row = el('div', 'row' + (d.cls ? ' ' + d.cls : ''));
      row.dataset.path = d.path;
      var name = el('div', 'name');
      name.style.paddingLeft = (depth * 16) + 'px';
      var open = describe.children(node).length > 0 || describe.folded(node);
      var btn = el('button', 'tw', open ? '\u25b8' : '');
      btn.type = 'button';
      if (open) {
        btn.setAttribute('aria-expanded', 'false');
        btn.setAttribute('aria-label', 'expand ' + d.name);
      } else btn.disabled = true;
      name.appendChild(btn);
      name.appendChild(document.createTextNode(d.name));
      name.title = d.path;
      row.appendChild(name);
      d.cells.forEach(function (c) {
        var cell = el('div', 'n' + (c.cls ? ' ' + c.cls : ''), c.text);
        if (c.value !== undefined) cell.dataset.value = String(c.value);
        row.appendChild(cell);
      });
      var shown = null;
      btn.addEventListener('click', function () {
        if (shown) {
          shown.forEach(function (r) { collapse(r); r.remove(); });
          shown = null;
          btn.textContent = '\u25b8';
          btn.setAttribute('aria-expanded', 'false');
        } else {
          shown = addRows(node, depth + 1, lastRowOf(row));
          btn.textContent = '\u25be';
          btn.setAttribute('aria-expanded', 'true');
        }
      });
      row._collapse = function () { if (shown) btn.click(); };
      return row;
    }
    function collapse(r) { if (r._collapse) r._collapse(); }
    function lastRowOf(row) { return row; }
    addRows(root, 0, null);
  }

  // ---- The final filesystem.
  var tree = D.tree;
  var fsHost = document.getElementById('fs-tree');
  if (tree && fsHost) {
    var pathOf = new Map();
    pathOf.set(tree, '');
    treeView(fsHost, ['path', 'size', 'files', 'wasted', 'layer'], tree, {
      children: function (n) {
        var kids = n[6] || [];
        var base = pathOf.get(n);
        kids.forEach(function (k) { if (!pathOf.has(k)) pathOf.set(k, base + '/' + k[0]); });
        return kids;
      },
      folded: function (n) {
        var f = n[7];
        if (!f) return null;
        return [f[0] + ' smaller entries', fmt(f[1]), String(f[2]), f[3] ? fmt(f[3]) : '', ''];
      },
      row: function (n) {
        var cls = (n[3] > 0 ? 'wasted' : '') + (n[5] === 'x' ? ' gone' : '');
        return {
          name: n[0] + (n[5] === 'd' ? '/' : n[5] === 'l' ? ' \u2192' : ''),
          path: pathOf.get(n) || '/',
          cls: cls,
          cells: [
            { text: n[5] === 'x' ? KIND.x : fmt(n[1]), value: n[1] },
            { text: n[5] === 'd' ? String(n[2]) : '', value: n[2] },
            { text: n[3] ? fmt(n[3]) : '', value: n[3], cls: 'w' },
            { text: n[4] >= 0 ? String(n[4]) : '' },
          ],
        };
      },
    });
  }

  // ---- The diff against the base, nested by path from the report's directories and files.
  var diffHost = document.getElementById('diff-tree');
  if (D.diff && diffHost) {
    var droot = { name: '', path: '/', kids: new Map(), dir: null, file: null };
    var at = function (path) {
      var node = droot;
      path.split('/').filter(Boolean).forEach(function (part) {
        var next = node.kids.get(part);
        if (!next) {
          next = { name: part, path: (node.path === '/' ? '' : node.path) + '/' + part, kids: new Map(), dir: null, file: null };
          node.kids.set(part, next);
        }
        node = next;
      });
      return node;
    };
    (D.diff.directories || []).forEach(function (d) {
      at(d.path).dir = d;
      (d.largest || []).forEach(function (f) { at(f.path).file = f; });
    });
    (D.diff.files || []).forEach(function (f) { at(f.path).file = f; });
    var weightOf = function (n) {
      if (n.file) return Math.abs(n.file.delta);
      if (n.dir) return Math.abs(n.dir.net);
      var w = 0;
      n.kids.forEach(function (k) { w = Math.max(w, weightOf(k)); });
      return w;
    };
    treeView(diffHost, ['path', 'change', 'base', 'head', 'delta'], droot, {
      children: function (n) {
        return Array.from(n.kids.values()).sort(function (a, b) { return weightOf(b) - weightOf(a); });
      },
      folded: function () { return null; },
      row: function (n) {
        var f = n.file;
        var d = n.dir;
        var delta = f ? f.delta : d ? d.net : null;
        var what = f ? f.change : d ? '+' + d.added.files + ' \u2212' + d.removed.files + ' \u00b1' + (d.grown.files + d.shrunk.files) : '';
        return {
          name: n.name + (n.kids.size && !f ? '/' : '') + (d && d.owner ? ' (' + d.owner.name + ')' : ''),
          path: n.path,
          cls: delta === null ? '' : delta > 0 ? 'plus' : delta < 0 ? 'minus' : '',
          cells: [
            { text: what },
            { text: f && f.baseSize !== null ? fmt(f.baseSize) : '' },
            { text: f && f.headSize !== null ? fmt(f.headSize) : '' },
            { text: delta === null ? '' : signed(delta), value: delta === null ? undefined : delta },
          ],
        };
      },
    });
  }

  // ---- The treemap: squarified, one directory at a time with its children's children inside; click zooms.
  var mapHost = document.getElementById('treemap');
  if (tree && mapHost) {
    var W = 960, H = 420, NS = 'http://www.w3.org/2000/svg';
    var COLORS = ['#0969da', '#1a7f37', '#8250df', '#bf3989', '#9a6700', '#0550ae', '#116329', '#6639ba', '#953800', '#1b7c83'];
    var crumbs = el('div', 'crumbs');
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('role', 'img');
    mapHost.appendChild(crumbs);
    mapHost.appendChild(svg);
    var squarify = function (items, x, y, w, h) {
      var out = [];
      var total = items.reduce(function (s, i) { return s + i.v; }, 0);
      if (total <= 0) return out;
      var scale = (w * h) / total;
      var rest = items.map(function (i) { return { item: i, a: i.v * scale }; });
      while (rest.length) {
        var side = Math.min(w, h);
        var row = [];
        var worst = Infinity;
        while (rest.length) {
          var trial = row.concat([rest[0]]);
          var sum = trial.reduce(function (s, r) { return s + r.a; }, 0);
          var mx = Math.max.apply(null, trial.map(function (r) { return r.a; }));
          var mn = Math.min.apply(null, trial.map(function (r) { return r.a; }));
          var wst = Math.max((side * side * mx) / (sum * sum), (sum * sum) / (side * side * mn));
          if (row.length && wst > worst) break;
          row = trial;
          worst = wst;
          rest.shift();
        }
        var rowSum = row.reduce(function (s, r) { return s + r.a; }, 0);
        var thick = rowSum / side;
        var off = 0;
        row.forEach(function (r) {
          var len = r.a / thick;
          if (w >= h) out.push({ item: r.item, x: x, y: y + off, w: thick, h: len });
          else out.push({ item: r.item, x: x + off, y: y, w: len, h: thick });
          off += len;
        });
        if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
      }
      return out;
    };
    var itemsOf = function (n) {
      var items = (n[6] || []).filter(function (k) { return k[1] > 0; }).map(function (k) { return { node: k, v: k[1], name: k[0] }; });
      if (n[7] && n[7][1] > 0) items.push({ node: null, v: n[7][1], name: n[7][0] + ' smaller' });
      // Too small to see: what falls under one pixel in 2 is drawn as one block.
      var total = items.reduce(function (s, i) { return s + i.v; }, 0);
      var min = total / (W * H) * 2;
      var small = items.filter(function (i) { return i.v < min; });
      if (small.length > 1) {
        items = items.filter(function (i) { return i.v >= min; });
        items.push({ node: null, v: small.reduce(function (s, i) { return s + i.v; }, 0), name: small.length + ' small' });
      }
      return items.sort(function (a, b) { return b.v - a.v; });
    };
    var trail = [tree];
    var draw = function () {
      var cur = trail[trail.length - 1];
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      while (crumbs.firstChild) crumbs.removeChild(crumbs.firstChild);
      trail.forEach(function (n, i) {
        var b = el('button', '', i === 0 ? '/' : n[0] + '/');
        b.type = 'button';
        b.addEventListener('click', function () { trail = trail.slice(0, i + 1); draw(); });
        crumbs.appendChild(b);
      });
      crumbs.appendChild(el('span', 'muted', ' ' + fmt(cur[1])));
      squarify(itemsOf(cur), 0, 0, W, H).forEach(function (box, i) {
        var color = COLORS[i % COLORS.length];
        var g = document.createElementNS(NS, 'g');
        var r = document.createElementNS(NS, 'rect');
        r.setAttribute('x', box.x); r.setAttribute('y', box.y);
        r.setAttribute('width', Math.max(0, box.w)); r.setAttribute('height', Math.max(0, box.h));
        r.setAttribute('fill', box.item.node ? color : '#8c959f');
        var title = document.createElementNS(NS, 'title');
        title.textContent = box.item.name + ': ' + fmt(box.item.v);
        r.appendChild(title);
        g.appendChild(r);
        var node = box.item.node;
        if (node && node[6] && node[6].length && box.w > 24 && box.h > 24) {
          squarify(itemsOf(node), box.x + 2, box.y + 16, box.w - 4, box.h - 18).forEach(function (inner) {
            var ir = document.createElementNS(NS, 'rect');
            ir.setAttribute('x', inner.x); ir.setAttribute('y', inner.y);
            ir.setAttribute('width', Math.max(0, inner.w)); ir.setAttribute('height', Math.max(0, inner.h));
            ir.setAttribute('fill', color); ir.setAttribute('fill-opacity', '0.55');
            var t2 = document.createElementNS(NS, 'title');
            t2.textContent = node[0] + '/' + inner.item.name + ': ' + fmt(inner.item.v);
            ir.appendChild(t2);
            g.appendChild(ir);
          });
        }
        if (box.w > 40 && box.h > 14) {
          var t = document.createElementNS(NS, 'text');
          t.setAttribute('x', box.x + 4); t.setAttribute('y', box.y + 12);
          var label = box.item.name + ' ' + fmt(box.item.v);
          var fit = Math.floor((box.w - 8) / 6.5);
          t.textContent = label.length > fit ? label.slice(0, Math.max(0, fit - 1)) + '\u2026' : label;
          g.appendChild(t);
        }
        if (node && node[6] && node[6].length) {
          g.addEventListener('click', function () { trail.push(node); draw(); });
        }
        svg.appendChild(g);
      });
    };
    draw();
  }
  // ---- The packages table: a click on a column's header sorts by it (again: the other way), the text box and
  // the change boxes filter. Rows are the page's own markup; only their order and visibility change.
  var pkgTable = document.getElementById('pkg-table');
  if (pkgTable) {
    var pkgBody = pkgTable.tBodies[0];
    var pkgRows = Array.prototype.slice.call(pkgBody.rows);
    pkgRows.forEach(function (r, i) { r._order = i; });
    var pkgHeads = Array.prototype.slice.call(pkgTable.tHead.rows[0].cells);
    var keyOf = function (row, col) {
      var c = row.cells[col];
      return c.hasAttribute('data-key') ? c.getAttribute('data-key') : c.textContent;
    };
    pkgHeads.forEach(function (th, col) {
      th.querySelector('button').addEventListener('click', function () {
        var numeric = th.dataset.type === 'number';
        var was = th.getAttribute('aria-sort');
        var dir = was === 'none' ? (numeric ? -1 : 1) : was === 'ascending' ? -1 : 1;
        pkgHeads.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        var value = function (row) {
          var k = keyOf(row, col);
          if (!numeric) return k.toLowerCase();
          return k === '' ? -Infinity : Number(k);
        };
        pkgRows.slice().sort(function (a, b) {
          var x = value(a), y = value(b);
          var r = x < y ? -1 : x > y ? 1 : 0;
          return r * dir || a._order - b._order;
        }).forEach(function (r) { pkgBody.appendChild(r); });
      });
    });
    var pkgText = document.getElementById('pkg-filter');
    var pkgKinds = Array.prototype.slice.call(document.querySelectorAll('input.pkg-kind'));
    var pkgShown = document.getElementById('pkg-shown');
    var pkgFilter = function () {
      var q = pkgText.value.trim().toLowerCase();
      var off = {};
      pkgKinds.forEach(function (k) { if (!k.checked) off[k.value] = true; });
      var n = 0;
      pkgRows.forEach(function (r) {
        var show = !off[r.dataset.change] && (q === '' || r.dataset.search.indexOf(q) >= 0);
        r.hidden = !show;
        if (show) n++;
      });
      pkgShown.textContent = n + ' of ' + pkgRows.length + ' shown';
    };
    pkgText.addEventListener('input', pkgFilter);
    pkgKinds.forEach(function (k) { k.addEventListener('change', pkgFilter); });
    pkgFilter();
  }
  document.body.dataset.ready = 'true';
})();
`;

// src/render/html/page-style.ts
var PAGE_STYLE = `
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

// src/render/html/index.ts
var DEFAULT_LAYER_PATHS = 20;
function renderHtml(report, options) {
  const head = report.head;
  const base = report.base;
  const title = `image-guard${options.title ? `: ${options.title}` : ""}`;
  const script = PAGE_SCRIPT;
  const hash = createHash("sha256").update(script).digest("base64");
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:`;
  const headTree = options.explore?.head?.tree ?? null;
  const data = { tree: headTree, diff: report.diff ?? null };
  const sections = [];
  const nav = [];
  const section = (id, heading, body) => {
    nav.push([id, heading]);
    sections.push(`<section id="${id}"><h2>${html(heading)}</h2>${body}</section>`);
  };
  if (head) {
    section("overview", "Overview", overview(report, head, base, options) + costs(report));
    if (report.history) section("trend", "Size over time", trendSection(report.history));
    section("layers", "Layers", layers(report, head, base, options));
    if (headTree) {
      section(
        "where",
        "Where the bytes are",
        `<p class="muted">The head's final filesystem by directory; click a block to go into it.</p><div id="treemap"></div>`
      );
      section(
        "files",
        "Final filesystem",
        `<p class="muted">The head's final filesystem, heaviest first; <span class="del">red</span>: bytes that a later layer hid (written again or deleted), <s>struck</s>: a path deleted. ${foldNote(options.explore.head)}</p><div id="fs-tree" class="tree"></div>`
      );
    }
    if (report.diff) {
      section(
        "diff",
        "Diff against the base",
        `${diffTotals(report)}<p class="muted">The directories that changed most and their largest changed files, nested by path.</p><div id="diff-tree" class="tree"></div>`
      );
    }
    if (report.packages) section("packages", "Packages", packagesTable(report.packages));
  }
  if (report.findings.length || report.budgets.length)
    section("findings", "Findings and budgets", findings(report));
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${html(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head><body>",
    `<h1>${html(title)}</h1>`,
    `<p><span class="status ${report.passed ? "pass" : "fail"}" data-figure="passed" data-value="${report.passed}">${html(statusLine(report, options.failOn))}</span> <span class="muted">${html(report.tool.name)} ${html(report.tool.version)}</span></p>`,
    `<nav>${nav.map(([id, h]) => `<a href="#${id}">${html(h)}</a>`).join("")}</nav>`,
    ...sections,
    `<script type="application/json" id="ig-data">${scriptJson(data)}</script>`,
    `<script>${script}</script>`,
    "</body></html>",
    ""
  ].join("\n");
}
var num = (figure, value, text) => value === null || value === void 0 ? `<td class="num">${html(text)}</td>` : `<td class="num" data-figure="${html(figure)}" data-value="${value}">${html(text)}</td>`;
function shortId(image) {
  return image.id.replace(/^sha256:/, "").slice(0, 12);
}
function overview(report, head, base, o) {
  const d = report.delta;
  const count = (i) => i.layers.filter((l) => !l.empty).length;
  const label = (l, i) => `<code>${html(l ?? i.ref)}</code> <span class="muted">${html(shortId(i))}</span>`;
  const rows = [];
  const row = (name, cells) => rows.push(`<tr><th>${html(name)}</th>${cells.join("")}</tr>`);
  const side = (i, key, value, text) => {
    const v = i ? value(i) : null;
    return num(key, v, v === null ? "\u2013" : text(v));
  };
  const both = (key, value, text) => base ? [side(base, `base.${key}`, value, text), side(head, `head.${key}`, value, text)] : [side(head, `head.${key}`, value, text)];
  row("size", [
    ...both("size", (i) => i.size, formatBytes),
    ...d ? [
      num(
        "delta.size",
        d.size,
        `${signed(d.size, formatBytes)}${d.percent === null ? "" : ` (${signed(d.percent, (n) => `${n}%`)})`}`
      )
    ] : []
  ]);
  row("layers", [
    ...both("layers", count, String),
    ...d ? [num("delta.layers", d.layers, signed(d.layers, String))] : []
  ]);
  if (head.files) {
    row("files", [
      ...both(
        "files.fileCount",
        (i) => i.files?.fileCount ?? null,
        (n) => n.toLocaleString("en-US")
      ),
      ...d ? ["<td></td>"] : []
    ]);
    row("wasted", [
      ...both("files.wastedBytes", (i) => i.files?.wastedBytes ?? null, formatBytes),
      ...d ? [
        num(
          "delta.wastedBytes",
          d.wastedBytes,
          d.wastedBytes === null ? "\u2013" : signed(d.wastedBytes, formatBytes)
        )
      ] : []
    ]);
    row("efficiency", [
      ...both("files.efficiency", (i) => i.files?.efficiency ?? null, percent),
      ...d ? ["<td></td>"] : []
    ]);
  }
  const headers = base ? `<tr><th></th><th>base ${label(o.baseLabel, base)}</th><th>head ${label(o.headLabel, head)}</th>${d ? "<th>delta</th>" : ""}</tr>` : `<tr><th></th><th>head ${label(o.headLabel, head)}</th></tr>`;
  const why = !base && report.baseUnavailable ? `<p class="muted">No base: ${html(report.baseUnavailable)}</p>` : "";
  const judged = report.judged ? `<p class="muted">${html(describeJudged(report.judged))}</p>` : "";
  return `<table class="overview">${headers}${rows.join("")}</table>${why}${judged}`;
}
function costs(report) {
  if (!report.costs) return "";
  const { rows, notes } = costRows(report.costs);
  const withBase = report.costs.base !== null;
  const body = rows.map((r) => {
    const cls = r.better === null ? "" : r.better ? " better" : " worse";
    return withBase ? `<tr><th>${html(r.label)}</th><td class="num">${html(r.base)}</td><td class="num">${html(r.head)}</td><td class="num${cls}">${html(r.change)}</td></tr>` : `<tr><th>${html(r.label)}</th><td class="num">${html(r.head)}</td></tr>`;
  }).join("");
  const head = withBase ? "<tr><th></th><th>base</th><th>head</th><th>change</th></tr>" : "<tr><th></th><th>head</th></tr>";
  const list = notes.length ? `<ul class="muted">${notes.map((n) => `<li>${html(n)}</li>`).join("")}</ul>` : "";
  return `<h3>Size, build, pull and start-up</h3><table class="costs">${head}${body}</table>${list}`;
}
function layers(report, head, base, o) {
  const rows = report.layers.length ? report.layers : head.layers.map((l) => ({
    status: "added",
    base: null,
    head: l.index,
    createdBy: l.createdBy,
    baseSize: null,
    headSize: l.size,
    delta: l.size
  }));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
  const limit = o.layerPaths ?? DEFAULT_LAYER_PATHS;
  const changesOf = (explore) => new Map((explore?.layers ?? []).map((l) => [l.layer, l]));
  const headChanges = changesOf(o.explore?.head);
  const baseChanges = changesOf(o.explore?.base);
  const cell = (side, image, index, changes) => {
    if (!image || index === null) return '<td class="side"></td>';
    const layer = image.layers[index];
    if (!layer) return '<td class="side"></td>';
    const width = (layer.size / max * 100).toFixed(2);
    const instruction = normalizeInstruction(layer.createdBy) || "(no instruction recorded)";
    const c = changes.get(index);
    return `<td class="side"><div class="muted">${side} layer ${index} \xB7 <span data-figure="${side}.layers.${index}.size" data-value="${layer.size}">${html(formatBytes(layer.size))}</span>${layer.empty ? " \xB7 empty" : ""}</div><div class="bar${side === "base" ? " base" : ""}" style="width:${width}%"></div><div class="instr">${html(instruction)}</div>${c ? layerChanges(c, limit) : ""}</td>`;
  };
  const body = rows.map(
    (r) => `<tr>${base ? cell("base", base, r.base, baseChanges) : ""}<td class="st st-${r.status}">${html(r.status)}<br><span class="muted">${html(signed(r.delta, formatBytes))}</span></td>${cell("head", head, r.head, headChanges)}</tr>`
  ).join("");
  const heading = base ? "<tr><th>base</th><th>status</th><th>head</th></tr>" : "<tr><th>status</th><th>head</th></tr>";
  return `<table class="layers">${heading}${body}</table>`;
}
function layerChanges(c, limit) {
  const part = (kind, cls) => {
    const t = c[kind];
    if (t.count === 0) return "";
    const items = c.top[kind].slice(0, limit).map(
      ([path, bytes]) => `<li class="${cls}"><code>${html(path)}</code> ${html(formatBytes(bytes))}</li>`
    ).join("");
    const more = t.count > Math.min(limit, c.top[kind].length) ? `<li class="muted">${(t.count - Math.min(limit, c.top[kind].length)).toLocaleString("en-US")} more</li>` : "";
    return `<div class="${cls}">${kind}: <span data-figure="changes.${c.layer}.${kind}.count" data-value="${t.count}">${t.count.toLocaleString("en-US")}</span> (${html(formatBytes(t.bytes))})</div><ul>${items}${more}</ul>`;
  };
  const summary = `+${c.added.count.toLocaleString("en-US")} ~${c.changed.count.toLocaleString("en-US")} \u2212${c.deleted.count.toLocaleString("en-US")}`;
  const body = part("added", "add") + part("changed", "mod") + part("deleted", "del");
  return body ? `<details class="chg"><summary>what it changed: ${html(summary)}</summary>${body}</details>` : "";
}
function foldNote(explore) {
  return `${explore.nodes.toLocaleString("en-US")} paths; the lightest are summed up per directory as \u201Csmaller entries\u201D.`;
}
function diffTotals(report) {
  const diff = report.diff;
  const t = (name, key, v) => `<tr><th>${html(name)}</th>${num(`diff.${key}.files`, v.files, v.files.toLocaleString("en-US"))}${num(`diff.${key}.bytes`, v.bytes, formatBytes(v.bytes))}</tr>`;
  return `<table class="diff-totals"><tr><th></th><th>files</th><th>bytes</th></tr>${t("added", "added", diff.added)}${t("removed", "removed", diff.removed)}${t("grown", "grown", diff.grown)}${t("shrunk", "shrunk", diff.shrunk)}<tr><th>net</th><td></td>${num("diff.net", diff.net, signed(diff.net, formatBytes))}</tr></table>`;
}
var CHANGES = ["added", "removed", "upgraded", "downgraded", "changed"];
function packagesTable(packages) {
  const counts = `<p data-figure="packages.net" data-value="${packages.net}">${html(packageCountsLine(packages))}</p>`;
  if (packages.changes.length === 0) return counts;
  const kinds = CHANGES.filter((k) => packages[k] > 0).map(
    (k) => `<label><input type="checkbox" class="pkg-kind" value="${k}" checked> ${k} (<span data-figure="packages.${k}" data-value="${packages[k]}">${packages[k].toLocaleString("en-US")}</span>)</label>`
  ).join(" ");
  const tools = `<div class="pkg-tools"><input type="search" id="pkg-filter" placeholder="filter: name, version, path" aria-label="filter the packages by name, version or path"> ${kinds} <span id="pkg-shown" class="muted"></span></div>`;
  const columns = [
    ["package", "text"],
    ["ecosystem", "text"],
    ["change", "text"],
    ["base version", "text"],
    ["head version", "text"],
    ["base bytes", "number"],
    ["head bytes", "number"],
    ["delta", "number"]
  ];
  const head = `<thead><tr>${columns.map(
    ([name, type]) => `<th data-type="${type}" aria-sort="none"${type === "number" ? ' class="num"' : ""}><button type="button">${html(name)}</button></th>`
  ).join("")}</tr></thead>`;
  const bytes = (n) => n === null ? '<td class="num" data-key="">\u2013</td>' : `<td class="num" data-key="${n}">${html(formatBytes(n))}</td>`;
  const body = packages.changes.map((c) => {
    const search = [c.name, c.ecosystem, c.baseVersion ?? "", c.headVersion ?? "", c.location].join(" ").toLowerCase();
    const cls = c.delta > 0 ? "worse" : c.delta < 0 ? "better" : "";
    return `<tr data-change="${c.change}" data-search="${html(search)}"><td title="${html(c.location)}"><code>${html(c.name)}</code></td><td>${html(c.ecosystem)}</td><td class="st-${c.change}">${c.change}</td><td><code>${html(c.baseVersion ?? "")}</code></td><td><code>${html(c.headVersion ?? "")}</code></td>${bytes(c.baseBytes)}${bytes(c.headBytes)}<td class="num ${cls}" data-key="${c.delta}">${html(signed(c.delta, formatBytes))}</td></tr>`;
  }).join("");
  return `${counts}${tools}<table class="packages" id="pkg-table">${head}<tbody>${body}</tbody></table>`;
}
function findings(report) {
  const out = [];
  if (report.budgets.length) {
    out.push('<table class="budgets"><tr><th>budget</th><th>limit</th><th>actual</th><th></th></tr>');
    for (const b of report.budgets) {
      const f = budgetFigures(b);
      out.push(
        `<tr><td>${html(b.name)}</td><td class="num">${html(f.limit)}</td><td class="num">${html(f.actual)}</td><td class="${b.passed ? "better" : "worse"}">${b.passed ? "ok" : "broken"}</td></tr>`
      );
    }
    out.push("</table>");
  }
  if (report.findings.length) {
    out.push(`<table class="findings"><tr><th>rule</th><th>where</th><th>problem</th><th>fix</th></tr>`);
    for (const f of report.findings) out.push(findingRow(f));
    out.push("</table>");
  }
  return out.join("");
}
function findingRow(f) {
  const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ""}` : "image";
  const bytes = f.bytes ? ` (${formatBytes(f.bytes)})` : "";
  return `<tr><td>${html(f.severity)} ${html(f.rule)} ${html(f.name)}</td><td><code>${html(where)}</code></td><td>${html(f.message + bytes)}</td><td>${html(f.fix ?? "")}</td></tr>`;
}
function trendSection(t) {
  const rows = trendRows(t).map(
    (r) => `<tr><th>${html(r.what)}</th><td><code>${html(r.commit)}</code></td><td class="num">${html(formatBytes(r.size))}</td><td class="num">${html(r.change)}</td></tr>`
  ).join("");
  return [
    `<p class="muted">${html(trendCaption(t))}</p>`,
    `<p><code>${html(trendLine(t))}</code></p>`,
    t.largest ? `<p class="status fail">${html(LARGEST_SENTENCE)}</p>` : "",
    trendSvg(t),
    `<table><thead><tr><th></th><th>commit</th><th class="num">size</th><th class="num">change</th></tr></thead><tbody>${rows}</tbody></table>`
  ].join("");
}

export {
  renderHtml
};
