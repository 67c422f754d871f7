// The HTML report's own script, inlined into the page (no module, no network). It reads the page's JSON
// (`#ig-data`) and draws the three views that would be too big as markup: the final filesystem as a tree that
// expands on click, the diff against the base as a tree, and the treemap; and it sorts and filters the
// packages table. Every name reaches the DOM through
// textContent or an SVG text node, never as markup.
//
// Kept as a string rather than a bundled browser module: the renderer stays a pure function that works the
// same from the TypeScript sources (tests) and from the bundles, with no second build target and no DOM types
// in the Node program. The browser tests run it (console errors, clicks, figures).
export const PAGE_SCRIPT = String.raw`(function () {
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
