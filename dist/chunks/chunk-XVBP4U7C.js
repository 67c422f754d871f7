import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  escapeTerminal
} from "./chunk-VRCMAYR7.js";
import {
  OPAQUE_MARKER,
  UnsafePathError,
  WHITEOUT_PREFIX,
  checkSymlinkTarget,
  normalizeHardlinkTarget,
  normalizeMemberPath
} from "./chunk-2IQNWKMG.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";

// src/image/image-config.ts
import { createHash } from "node:crypto";
function configDigest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function parseImageConfig(bytes, where) {
  let json;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new UserError(`${where} is not valid JSON: the archive is corrupt; export the image again`);
  }
  const config = json;
  const diffIds = config?.rootfs?.diff_ids;
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === "string")) {
    throw new UserError(`${where} has no rootfs.diff_ids: it is not a container image config`);
  }
  const history = Array.isArray(config.history) ? config.history.map((h) => {
    const entry = {
      createdBy: typeof h?.created_by === "string" ? h.created_by : "",
      emptyLayer: h?.empty_layer === true
    };
    if (typeof h?.comment === "string" && h.comment !== "") entry.comment = h.comment;
    return entry;
  }) : [];
  return { diffIds, history };
}

// src/image/compressed-size.ts
import { availableParallelism } from "node:os";
import * as zlib from "node:zlib";
var GZIP_LEVEL = 6;
var ZSTD_LEVEL = 3;
function zstdOneShot() {
  const f = zlib.zstdCompress;
  return typeof f === "function" ? f : null;
}
var BLOCK_BYTES = 8 * 1024 * 1024;
var WINDOW = 32 * 1024;
var GZIP_FRAME = 18;
var outputChunk = (n) => Math.min(1024 * 1024, Math.max(64 * 1024, n + (n >> 6) + 1024));
var deflateRaw2 = (block, dictionary, last) => new Promise((resolve, reject) => {
  zlib.deflateRaw(
    block,
    {
      level: GZIP_LEVEL,
      // Few output buffers per block: each one filled is a round trip to the main thread.
      chunkSize: outputChunk(block.length),
      ...dictionary ? { dictionary } : {},
      // Not the last block: a sync flush ends it on a byte boundary, as a block boundary of a stream would.
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH
    },
    (error, out) => error ? reject(error) : resolve(last ? out.length : out.length - 4)
  );
});
var UNIT_BYTES = 256 * 1024;
var PROBE_BYTES = 16 * 1024;
var PROBE_BITS = 7.9;
var INCOMPRESSIBLE = 0.99;
var STORED_BLOCK = 16 * 1024;
var STORED_HEADER = 5;
var storedSize = (n) => n + STORED_HEADER * Math.ceil(n / STORED_BLOCK);
function looksRandom(bytes) {
  const counts = new Uint32Array(256);
  for (let i = 0; i < bytes.length; i++) counts[bytes[i]]++;
  let bits = 0;
  for (let b = 0; b < 256; b++) {
    const c = counts[b];
    if (c) bits -= c * Math.log2(c / bytes.length);
  }
  return bits / bytes.length >= PROBE_BITS;
}
async function incompressibleUnits(block) {
  const units = Math.ceil(block.length / UNIT_BYTES);
  const stored = new Array(units).fill(false);
  let encoder = null;
  let out = 0;
  let failure = null;
  try {
    for (let u = 0; u < units; u++) {
      const unit = block.subarray(u * UNIT_BYTES, (u + 1) * UNIT_BYTES);
      if (unit.length < 2 * PROBE_BYTES || !looksRandom(unit.subarray(0, PROBE_BYTES))) continue;
      if (!encoder) {
        encoder = zlib.createBrotliCompress({
          chunkSize: outputChunk(UNIT_BYTES),
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 0, [zlib.constants.BROTLI_PARAM_LGWIN]: 16 }
        });
        encoder.on("data", (chunk) => {
          out += chunk.length;
        });
        encoder.on("error", (error) => {
          failure = error;
        });
      }
      const before = out;
      const e = encoder;
      e.write(unit);
      await new Promise((resolve) => e.flush(zlib.constants.BROTLI_OPERATION_FLUSH, () => resolve()));
      if (failure) throw failure;
      stored[u] = out - before >= INCOMPRESSIBLE * unit.length;
    }
  } finally {
    encoder?.destroy();
  }
  return stored;
}
async function gzipBlockSize(block, dictionary, last) {
  const stored = await incompressibleUnits(block);
  const jobs = [];
  let start = 0;
  while (start < stored.length) {
    let end = start + 1;
    while (end < stored.length && stored[end] === stored[start]) end++;
    const from = start * UNIT_BYTES;
    const to = Math.min(end * UNIT_BYTES, block.length);
    if (stored[start]) jobs.push(Promise.resolve(storedSize(to - from)));
    else {
      const before = from === 0 ? dictionary : block.subarray(from - WINDOW, from);
      jobs.push(deflateRaw2(block.subarray(from, to), before, last && to === block.length));
    }
    start = end;
  }
  if (jobs.length === 0 || last && stored[stored.length - 1])
    jobs.push(deflateRaw2(Buffer.alloc(0), void 0, last));
  return (await Promise.all(jobs)).reduce((a, b) => a + b, 0);
}
var zstdSize = (f, block) => new Promise((resolve, reject) => {
  const level = zlib.constants.ZSTD_c_compressionLevel;
  f(
    block,
    { chunkSize: outputChunk(block.length), params: { [level]: ZSTD_LEVEL } },
    (error, out) => error ? reject(error) : resolve(out.length)
  );
});
function createCompressedCounter(options = {}) {
  const zstd = options.zstd === false ? null : zstdOneShot();
  const parallel = Math.max(2, availableParallelism());
  let parts = [];
  let buffered = 0;
  let previousTail;
  let gzipBytes = GZIP_FRAME;
  let zstdBytes = 0;
  let finished = false;
  let aborted = false;
  let failure = null;
  const inflight = /* @__PURE__ */ new Set();
  const dispatch = (block, last) => {
    const dictionary = previousTail;
    previousTail = block.length >= WINDOW ? Buffer.from(block.subarray(block.length - WINDOW)) : void 0;
    const job = Promise.all([
      gzipBlockSize(block, dictionary, last),
      zstd && block.length > 0 ? zstdSize(zstd, block) : Promise.resolve(0)
    ]).then(
      ([g, z]) => {
        gzipBytes += g;
        zstdBytes += z;
      },
      (error) => {
        failure ??= error;
      }
    );
    inflight.add(job);
    job.finally(() => inflight.delete(job));
  };
  const take = (n) => {
    const all = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    const block = all.subarray(0, n);
    const rest = all.subarray(n);
    parts = rest.length ? [rest] : [];
    buffered = rest.length;
    return block;
  };
  return {
    async write(chunk) {
      if (finished) throw new Error("compressed-size: write after finish");
      if (chunk.length === 0 || aborted) return;
      parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      buffered += chunk.length;
      while (buffered >= BLOCK_BYTES) {
        dispatch(take(BLOCK_BYTES), false);
        while (inflight.size >= parallel) await Promise.race(inflight);
      }
      if (failure) throw failure;
    },
    async finish() {
      if (finished) throw new Error("compressed-size: finish called twice");
      finished = true;
      dispatch(take(buffered), true);
      while (inflight.size) await Promise.race(inflight);
      if (failure) throw failure;
      if (zstd && zstdBytes === 0) zstdBytes = await zstdSize(zstd, Buffer.alloc(0)) ?? 0;
      return { gzip: gzipBytes, zstd: zstd ? zstdBytes : null };
    },
    abort() {
      finished = true;
      aborted = true;
      parts = [];
      buffered = 0;
    }
  };
}
function tapCompressed(chunks, options = {}) {
  let settle;
  const sizes = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  sizes.catch(() => void 0);
  async function* pass() {
    const counter = createCompressedCounter(options);
    let failed = false;
    try {
      for await (const chunk of chunks) {
        await counter.write(chunk);
        yield chunk;
      }
    } catch (error) {
      failed = true;
      counter.abort();
      settle.reject(error);
      throw error;
    } finally {
      if (!failed) counter.finish().then(settle.resolve, settle.reject);
    }
  }
  return { chunks: pass(), sizes };
}

// src/image/decompress.ts
import { pipeline, Readable } from "node:stream";
import * as zlib2 from "node:zlib";

// node_modules/fzstd/esm/index.mjs
var ab = ArrayBuffer;
var u8 = Uint8Array;
var u16 = Uint16Array;
var i16 = Int16Array;
var i32 = Int32Array;
var slc = function(v, s, e) {
  if (u8.prototype.slice)
    return u8.prototype.slice.call(v, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  var n = new u8(e - s);
  n.set(v.subarray(s, e));
  return n;
};
var fill = function(v, n, s, e) {
  if (u8.prototype.fill)
    return u8.prototype.fill.call(v, n, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  for (; s < e; ++s)
    v[s] = n;
  return v;
};
var cpw = function(v, t, s, e) {
  if (u8.prototype.copyWithin)
    return u8.prototype.copyWithin.call(v, t, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  while (s < e) {
    v[t++] = v[s++];
  }
};
var ec = [
  "invalid zstd data",
  "window size too large (>2046MB)",
  "invalid block type",
  "FSE accuracy too high",
  "match distance too far back",
  "unexpected EOF"
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var rb = function(d, b, n) {
  var i = 0, o = 0;
  for (; i < n; ++i)
    o |= d[b++] << (i << 3);
  return o;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var rzfh = function(dat, w) {
  var n3 = dat[0] | dat[1] << 8 | dat[2] << 16;
  if (n3 == 3126568 && dat[3] == 253) {
    var flg = dat[4];
    var ss = flg >> 5 & 1, cc = flg >> 2 & 1, df = flg & 3, fcf = flg >> 6;
    if (flg & 8)
      err(0);
    var bt = 6 - ss;
    var db = df == 3 ? 4 : df;
    var di = rb(dat, bt, db);
    bt += db;
    var fsb = fcf ? 1 << fcf : ss;
    var fss = rb(dat, bt, fsb) + (fcf == 1 && 256);
    var ws = fss;
    if (!ss) {
      var wb = 1 << 10 + (dat[5] >> 3);
      ws = wb + (wb >> 3) * (dat[5] & 7);
    }
    if (ws > 2145386496)
      err(1);
    var buf = new u8((w == 1 ? fss || ws : w ? 0 : ws) + 12);
    buf[0] = 1, buf[4] = 4, buf[8] = 8;
    return {
      b: bt + fsb,
      y: 0,
      l: 0,
      d: di,
      w: w && w != 1 ? w : buf.subarray(12),
      e: ws,
      o: new i32(buf.buffer, 0, 3),
      u: fss,
      c: cc,
      m: Math.min(131072, ws)
    };
  } else if ((n3 >> 4 | dat[3] << 20) == 25481893) {
    return b4(dat, 4) + 8;
  }
  err(0);
};
var msb = function(val) {
  var bits = 0;
  for (; 1 << bits <= val; ++bits)
    ;
  return bits - 1;
};
var rfse = function(dat, bt, mal) {
  var tpos = (bt << 3) + 4;
  var al = (dat[bt] & 15) + 5;
  if (al > mal)
    err(3);
  var sz = 1 << al;
  var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
  var buf = new ab(512 + (sz << 2));
  var freq = new i16(buf, 0, 256);
  var dstate = new u16(buf, 0, 256);
  var nstate = new u16(buf, 512, sz);
  var bb1 = 512 + (sz << 1);
  var syms = new u8(buf, bb1, sz);
  var nbits = new u8(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    var bits = msb(probs + 1);
    var cbt = tpos >> 3;
    var msk = (1 << bits + 1) - 1;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (tpos & 7) & msk;
    var msk1fb = (1 << bits) - 1;
    var msv = msk - probs - 1;
    var sval = val & msk1fb;
    if (sval < msv)
      tpos += bits, val = sval;
    else {
      tpos += bits + 1;
      if (val > msk1fb)
        val -= msv;
    }
    freq[++sym] = --val;
    if (val == -1) {
      probs += val;
      syms[--ht] = sym;
    } else
      probs -= val;
    if (!val) {
      do {
        var rbt = tpos >> 3;
        re = (dat[rbt] | dat[rbt + 1] << 8) >> (tpos & 7) & 3;
        tpos += 2;
        sym += re;
      } while (re == 3);
    }
  }
  if (sym > 255 || probs)
    err(0);
  var sympos = 0;
  var sstep = (sz >> 1) + (sz >> 3) + 3;
  var smask = sz - 1;
  for (var s = 0; s <= sym; ++s) {
    var sf = freq[s];
    if (sf < 1) {
      dstate[s] = -sf;
      continue;
    }
    for (i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do {
        sympos = sympos + sstep & smask;
      } while (sympos >= ht);
    }
  }
  if (sympos)
    err(0);
  for (i = 0; i < sz; ++i) {
    var ns = dstate[syms[i]]++;
    var nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [tpos + 7 >> 3, {
    b: al,
    s: syms,
    n: nbits,
    t: nstate
  }];
};
var rhu = function(dat, bt) {
  var i = 0, wc = -1;
  var buf = new u8(292), hb = dat[bt];
  var hw = buf.subarray(0, 256);
  var rc = buf.subarray(256, 268);
  var ri = new u16(buf.buffer, 268);
  if (hb < 128) {
    var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
    bt += hb;
    var epos = ebt << 3;
    var lb = dat[bt];
    if (!lb)
      err(0);
    var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    var fpos = (++bt << 3) - 8 + msb(lb);
    for (; ; ) {
      fpos -= btr1;
      if (fpos < epos)
        break;
      var cbt = fpos >> 3;
      st1 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr1) - 1;
      hw[++wc] = fdt.s[st1];
      fpos -= btr2;
      if (fpos < epos)
        break;
      cbt = fpos >> 3;
      st2 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr2) - 1;
      hw[++wc] = fdt.s[st2];
      btr1 = fdt.n[st1];
      st1 = fdt.t[st1];
      btr2 = fdt.n[st2];
      st2 = fdt.t[st2];
    }
    if (++wc > 255)
      err(0);
  } else {
    wc = hb - 127;
    for (; i < wc; i += 2) {
      var byte = dat[++bt];
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  var wes = 0;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    if (wt > 11)
      err(0);
    wes += wt && 1 << wt - 1;
  }
  var mb = msb(wes) + 1;
  var ts = 1 << mb;
  var rem = ts - wes;
  if (rem & rem - 1)
    err(0);
  hw[wc++] = msb(rem) + 1;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    ++rc[hw[i] = wt && mb + 1 - wt];
  }
  var hbuf = new u8(ts << 1);
  var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (i = mb; i > 0; --i) {
    var pv = ri[i];
    fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << mb - i));
  }
  if (ri[0] != ts)
    err(0);
  for (i = 0; i < wc; ++i) {
    var bits = hw[i];
    if (bits) {
      var code = ri[bits];
      fill(syms, i, code, ri[bits] = code + (1 << mb - bits));
    }
  }
  return [bt, {
    n: nb,
    b: mb,
    s: syms
  }];
};
var dllt = rfse(/* @__PURE__ */ new u8([
  81,
  16,
  99,
  140,
  49,
  198,
  24,
  99,
  12,
  33,
  196,
  24,
  99,
  102,
  102,
  134,
  70,
  146,
  4
]), 0, 6)[1];
var dmlt = rfse(/* @__PURE__ */ new u8([
  33,
  20,
  196,
  24,
  99,
  140,
  33,
  132,
  16,
  66,
  8,
  33,
  132,
  16,
  66,
  8,
  33,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  36,
  9
]), 0, 6)[1];
var doct = rfse(/* @__PURE__ */ new u8([
  32,
  132,
  16,
  66,
  102,
  70,
  68,
  68,
  68,
  68,
  36,
  73,
  2
]), 0, 5)[1];
var b2bl = function(b, s) {
  var len = b.length, bl = new i32(len);
  for (var i = 0; i < len; ++i) {
    bl[i] = s;
    s += 1 << b[i];
  }
  return bl;
};
var llb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  134678020,
  202050057,
  269422093
])).buffer, 0, 36);
var llbl = /* @__PURE__ */ b2bl(llb, 0);
var mlb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  117769220,
  185207048,
  252579084,
  16
])).buffer, 0, 53);
var mlbl = /* @__PURE__ */ b2bl(mlb, 3);
var dhu = function(dat, out, hu) {
  var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb)
    err(0);
  var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss; ) {
    var cbt = pos >> 3;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (pos & 7);
    st = (st << btr | val) & msk;
    out[++i] = hu.s[st];
    pos -= btr = hu.n[st];
  }
  if (pos != eb || i + 1 != ss)
    err(0);
};
var dhu4 = function(dat, out, hu) {
  var bt = 6;
  var ss = out.length, sz1 = ss + 3 >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  dhu(dat.subarray(bt, bt += dat[0] | dat[1] << 8), out.subarray(0, sz1), hu);
  dhu(dat.subarray(bt, bt += dat[2] | dat[3] << 8), out.subarray(sz1, sz2), hu);
  dhu(dat.subarray(bt, bt += dat[4] | dat[5] << 8), out.subarray(sz2, sz3), hu);
  dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
var rzb = function(dat, st, out) {
  var _a;
  var bt = st.b;
  var b0 = dat[bt], btype = b0 >> 1 & 3;
  st.l = b0 & 1;
  var sz = b0 >> 3 | dat[bt + 1] << 5 | dat[bt + 2] << 13;
  var ebt = (bt += 3) + sz;
  if (btype == 1) {
    if (bt >= dat.length)
      return;
    st.b = bt + 1;
    if (out) {
      fill(out, dat[bt], st.y, st.y += sz);
      return out;
    }
    return fill(new u8(sz), dat[bt]);
  }
  if (ebt > dat.length)
    return;
  if (btype == 0) {
    st.b = ebt;
    if (out) {
      out.set(dat.subarray(bt, ebt), st.y);
      st.y += sz;
      return out;
    }
    return slc(dat, bt, ebt);
  }
  if (btype == 2) {
    var b3 = dat[bt], lbt = b3 & 3, sf = b3 >> 2 & 3;
    var lss = b3 >> 4, lcs = 0, s4 = 0;
    if (lbt < 2) {
      if (sf & 1)
        lss |= dat[++bt] << 4 | (sf & 2 && dat[++bt] << 12);
      else
        lss = b3 >> 3;
    } else {
      s4 = sf;
      if (sf < 2)
        lss |= (dat[++bt] & 63) << 4, lcs = dat[bt] >> 6 | dat[++bt] << 2;
      else if (sf == 2)
        lss |= dat[++bt] << 4 | (dat[++bt] & 3) << 12, lcs = dat[bt] >> 2 | dat[++bt] << 6;
      else
        lss |= dat[++bt] << 4 | (dat[++bt] & 63) << 12, lcs = dat[bt] >> 6 | dat[++bt] << 2 | dat[++bt] << 10;
    }
    ++bt;
    var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
    var spl = buf.length - lss;
    if (lbt == 0)
      buf.set(dat.subarray(bt, bt += lss), spl);
    else if (lbt == 1)
      fill(buf, dat[bt++], spl);
    else {
      var hu = st.h;
      if (lbt == 2) {
        var hud = rhu(dat, bt);
        lcs += bt - (bt = hud[0]);
        st.h = hu = hud[1];
      } else if (!hu)
        err(0);
      (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
    }
    var ns = dat[bt++];
    if (ns) {
      if (ns == 255)
        ns = (dat[bt++] | dat[bt++] << 8) + 32512;
      else if (ns > 127)
        ns = ns - 128 << 8 | dat[bt++];
      var scm = dat[bt++];
      if (scm & 3)
        err(0);
      var dts = [dmlt, doct, dllt];
      for (var i = 2; i > -1; --i) {
        var md = scm >> (i << 1) + 2 & 3;
        if (md == 1) {
          var rbuf = new u8([0, 0, dat[bt++]]);
          dts[i] = {
            s: rbuf.subarray(2, 3),
            n: rbuf.subarray(0, 1),
            t: new u16(rbuf.buffer, 0, 1),
            b: 0
          };
        } else if (md == 2) {
          _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
        } else if (md == 3) {
          if (!st.t)
            err(0);
          dts[i] = st.t[i];
        }
      }
      var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
      var lb = dat[ebt - 1];
      if (!lb)
        err(0);
      var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
      var lst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << llt.b) - 1;
      cbt = (spos -= oct.b) >> 3;
      var ost = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << oct.b) - 1;
      cbt = (spos -= mlt.b) >> 3;
      var mst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mlt.b) - 1;
      for (++ns; --ns; ) {
        var llc = llt.s[lst];
        var lbtr = llt.n[lst];
        var mlc = mlt.s[mst];
        var mbtr = mlt.n[mst];
        var ofc = oct.s[ost];
        var obtr = oct.n[ost];
        cbt = (spos -= ofc) >> 3;
        var ofp = 1 << ofc;
        var off = ofp + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16 | dat[cbt + 3] << 24) >>> (spos & 7) & ofp - 1);
        cbt = (spos -= mlb[mlc]) >> 3;
        var ml = mlbl[mlc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << mlb[mlc]) - 1);
        cbt = (spos -= llb[llc]) >> 3;
        var ll = llbl[llc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << llb[llc]) - 1);
        cbt = (spos -= lbtr) >> 3;
        lst = llt.t[lst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << lbtr) - 1);
        cbt = (spos -= mbtr) >> 3;
        mst = mlt.t[mst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mbtr) - 1);
        cbt = (spos -= obtr) >> 3;
        ost = oct.t[ost] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << obtr) - 1);
        if (off > 3) {
          st.o[2] = st.o[1];
          st.o[1] = st.o[0];
          st.o[0] = off -= 3;
        } else {
          var idx = off - (ll != 0);
          if (idx) {
            off = idx == 3 ? st.o[0] - 1 : st.o[idx];
            if (idx > 1)
              st.o[2] = st.o[1];
            st.o[1] = st.o[0];
            st.o[0] = off;
          } else
            off = st.o[0];
        }
        for (var i = 0; i < ll; ++i) {
          buf[oubt + i] = buf[spl + i];
        }
        oubt += ll, spl += ll;
        var stin = oubt - off;
        if (stin < 0) {
          var len = -stin;
          var bs = st.e + stin;
          if (len > ml)
            len = ml;
          for (var i = 0; i < len; ++i) {
            buf[oubt + i] = st.w[bs + i];
          }
          oubt += len, ml -= len, stin = 0;
        }
        for (var i = 0; i < ml; ++i) {
          buf[oubt + i] = buf[stin + i];
        }
        oubt += ml;
      }
      if (oubt != spl) {
        while (spl < buf.length) {
          buf[oubt++] = buf[spl++];
        }
      } else
        oubt = buf.length;
      if (out)
        st.y += oubt;
      else
        buf = slc(buf, 0, oubt);
    } else if (out) {
      st.y += lss;
      if (spl) {
        for (var i = 0; i < lss; ++i) {
          buf[i] = buf[spl + i];
        }
      }
    } else if (spl)
      buf = slc(buf, spl);
    st.b = ebt;
    return buf;
  }
  err(2);
};
var cct = function(bufs, ol) {
  if (bufs.length == 1)
    return bufs[0];
  var buf = new u8(ol);
  for (var i = 0, b = 0; i < bufs.length; ++i) {
    var chk = bufs[i];
    buf.set(chk, b);
    b += chk.length;
  }
  return buf;
};
var Decompress = /* @__PURE__ */ (function() {
  function Decompress2(ondata) {
    this.ondata = ondata;
    this.c = [];
    this.l = 0;
    this.z = 0;
  }
  Decompress2.prototype.push = function(chunk, final) {
    if (typeof this.s == "number") {
      var sub = Math.min(chunk.length, this.s);
      chunk = chunk.subarray(sub);
      this.s -= sub;
    }
    var sl = chunk.length;
    var ncs = sl + this.l;
    if (!this.s) {
      if (final) {
        if (!ncs) {
          this.ondata(new u8(0), true);
          return;
        }
        if (ncs < 5)
          err(5);
      } else if (ncs < 18) {
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (typeof (this.s = rzfh(chunk)) == "number")
        return this.push(chunk, final);
    }
    if (typeof this.s != "number") {
      if (ncs < (this.z || 3)) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (!this.z && ncs < (this.z = chunk[this.s.b] & 2 ? 4 : 3 + (chunk[this.s.b] >> 3 | chunk[this.s.b + 1] << 5 | chunk[this.s.b + 2] << 13))) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      } else
        this.z = 0;
      for (; ; ) {
        var blk = rzb(chunk, this.s);
        if (!blk) {
          if (final)
            err(5);
          var adc = chunk.subarray(this.s.b);
          this.s.b = 0;
          this.c.push(adc), this.l += adc.length;
          return;
        } else {
          this.ondata(blk, false);
          cpw(this.s.w, 0, blk.length);
          this.s.w.set(blk, this.s.w.length - blk.length);
        }
        if (this.s.l) {
          var rest = chunk.subarray(this.s.b);
          this.s = this.s.c * 4;
          this.push(rest, final);
          return;
        }
      }
    } else if (final)
      err(5);
  };
  return Decompress2;
})();

// src/image/decompress.ts
var GZIP_MAGIC = [31, 139];
var ZSTD_MAGIC = [40, 181, 47, 253];
var DECODED_CHUNK = 256 * 1024;
var DECODED_AHEAD = 4 * 1024 * 1024;
function detectCompression(head) {
  if (startsWith(head, GZIP_MAGIC)) return "gzip";
  if (startsWith(head, ZSTD_MAGIC)) return "zstd";
  return "none";
}
function startsWith(head, magic) {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}
async function peek(source, bytes) {
  const iterator = source[Symbol.asyncIterator]();
  const seen = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    seen.push(chunk);
    length += chunk.length;
  }
  const head = seen.length === 1 ? seen[0] : Buffer.concat(seen);
  async function* rest() {
    if (head.length > 0) yield head;
    if (done) return;
    for (; ; ) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  return { head, rest: rest() };
}
function toBuffer(chunk) {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
async function decompressed(source) {
  const { head, rest } = await peek(source, 4);
  const compression = detectCompression(head);
  if (compression === "none") return { compression, chunks: rest };
  if (compression === "zstd" && !nativeZstd) return { compression, chunks: fzstdChunks(rest) };
  const decoder = compression === "gzip" ? zlib2.createGunzip({ chunkSize: DECODED_CHUNK, highWaterMark: DECODED_AHEAD }) : nativeZstd({ chunkSize: DECODED_CHUNK, highWaterMark: DECODED_AHEAD });
  const out = pipeline(Readable.from(rest, { objectMode: false }), decoder, () => {
  });
  return { compression, chunks: out };
}
var FZSTD_FEED = 1024 * 1024;
var MAX_ZSTD_WINDOW = 128 * 1024 * 1024;
var MAX_BLOCK = 128 * 1024;
var ZSTD_FRAME = 4247762216;
var SKIPPABLE_FRAME = 407710288;
function nextUnit(buf, pos, state) {
  const avail = buf.length - pos;
  switch (state.at) {
    case "frame": {
      if (avail < 4) return null;
      const magic = buf.readUInt32LE(pos);
      if ((magic & 4294967280) >>> 0 === SKIPPABLE_FRAME) {
        if (avail < 8) return null;
        return { length: 8, decoded: 0, state: { at: "skip", left: buf.readUInt32LE(pos + 4) } };
      }
      if (magic !== ZSTD_FRAME) throw new Error("zstd: not a zstd frame where one should start");
      if (avail < 5) return null;
      const fhd = buf[pos + 4];
      if (fhd & 8) throw new Error("zstd: reserved bit set in a frame header");
      const single = fhd >> 5 & 1;
      const fcsFlag = fhd >> 6;
      const dictBytes = [0, 1, 2, 4][fhd & 3];
      const fcsBytes = fcsFlag === 0 ? single : 1 << fcsFlag;
      const length = 5 + (single ? 0 : 1) + dictBytes + fcsBytes;
      if (avail < length) return null;
      let window;
      if (single) {
        const at = pos + 5 + dictBytes;
        window = fcsBytes === 1 ? buf[at] : fcsBytes === 2 ? buf.readUInt16LE(at) + 256 : fcsBytes === 4 ? buf.readUInt32LE(at) : Number(buf.readBigUInt64LE(at));
      } else {
        const wd = buf[pos + 5];
        const base = 2 ** (10 + (wd >> 3));
        window = base + base / 8 * (wd & 7);
      }
      if (window > MAX_ZSTD_WINDOW) {
        throw new Error(
          `zstd: a frame needs a ${Math.ceil(window / 1024 / 1024)} MiB window; image-guard decodes windows up to ${MAX_ZSTD_WINDOW / 1024 / 1024} MiB, zstd's own default limit`
        );
      }
      return { length, decoded: 0, state: { at: "block", checksum: (fhd >> 2 & 1) === 1 } };
    }
    case "block": {
      if (avail < 3) return null;
      const header = buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16;
      const type = header >> 1 & 3;
      const size = header >>> 3;
      if (type === 3) throw new Error("zstd: a block of the reserved type");
      if (size > MAX_BLOCK) throw new Error(`zstd: a block of ${size} bytes, over the format's 128 KiB`);
      const length = 3 + (type === 1 ? 1 : size);
      if (avail < length) return null;
      const last = (header & 1) === 1;
      const next = !last ? state : state.checksum ? { at: "checksum" } : { at: "frame" };
      return { length, decoded: type === 2 ? MAX_BLOCK : size, state: next };
    }
    case "checksum":
      return avail < 4 ? null : { length: 4, decoded: 0, state: { at: "frame" } };
    case "skip": {
      if (state.left === 0) return nextUnit(buf, pos, { at: "frame" });
      const length = Math.min(state.left, avail);
      return length === 0 ? null : { length, decoded: 0, state: { at: "skip", left: state.left - length } };
    }
  }
}
async function* fzstdChunks(source) {
  const out = [];
  const decoder = new Decompress((data) => {
    if (data.length > 0) out.push(toBuffer(data));
  });
  const push = (chunk, final) => {
    try {
      decoder.push(chunk, final);
    } catch (error) {
      throw zstdError(error);
    }
  };
  let pending = Buffer.alloc(0);
  let state = { at: "frame" };
  for await (const chunk of source) {
    pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let fed = 0;
    let at = 0;
    let bound = 0;
    for (; ; ) {
      const unit = nextUnit(pending, at, state);
      if (unit === null) break;
      state = unit.state;
      at += unit.length;
      bound += unit.decoded;
      if (bound >= FZSTD_FEED) {
        push(pending.subarray(fed, at));
        fed = at;
        bound = 0;
        while (out.length > 0) yield out.shift();
      }
    }
    if (at > fed) push(pending.subarray(fed, at));
    while (out.length > 0) yield out.shift();
    pending = Buffer.from(pending.subarray(at));
  }
  push(pending, true);
  while (out.length > 0) yield out.shift();
}
var nativeZstd = zlib2.createZstdDecompress;
function zstdError(error) {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`zstd: ${message}`);
}

// src/image/package-files.ts
var DEFAULT_PACKAGE_FILE_BUDGET = 64 * 1024 * 1024;
function packageFileBudget(bytes = DEFAULT_PACKAGE_FILE_BUDGET) {
  return { left: bytes };
}
var DPKG = "var/lib/dpkg";
function isPackageFile(path, base) {
  switch (base) {
    case "status":
      return path === `${DPKG}/status`;
    case "installed":
      return path === "lib/apk/db/installed";
    case "rpmdb.sqlite":
      return path === "var/lib/rpm/rpmdb.sqlite" || path === "usr/lib/sysimage/rpm/rpmdb.sqlite";
    case "METADATA":
    case "RECORD":
      return parentName(path, base).endsWith(".dist-info");
    case "PKG-INFO":
    case "installed-files.txt":
      return parentName(path, base).endsWith(".egg-info");
    case "package.json":
      return isNpmManifest(path);
  }
  if (base.endsWith(".list"))
    return path.length === DPKG.length + 6 + base.length && path.startsWith(`${DPKG}/info/`);
  if (base.endsWith(".gemspec")) return parentName(path, base) === "specifications";
  if (base.endsWith(".egg-info")) return true;
  return path.length === DPKG.length + 10 + base.length && path.startsWith(`${DPKG}/status.d/`);
}
function parentName(path, base) {
  const end = path.length - base.length - 1;
  if (end <= 0) return "";
  return path.slice(path.lastIndexOf("/", end - 1) + 1, end);
}
function isNpmManifest(path) {
  const parts = path.split("/");
  const n = parts.length;
  if (n >= 3 && parts[n - 3] === "node_modules") return !parts[n - 2].startsWith(".");
  return n >= 4 && parts[n - 4] === "node_modules" && parts[n - 3].startsWith("@");
}

// src/image/secret-peek.ts
var DEFAULT_SECRET_PEEK_BYTES = 64 * 1024;
var BEGIN = Buffer.from("-----BEGIN");
var PRIVATE_KEY_LINE = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
var LINE = 96;
function holdsPrivateKey(buf) {
  for (let i = buf.indexOf(BEGIN); i !== -1; i = buf.indexOf(BEGIN, i + 1)) {
    if (PRIVATE_KEY_LINE.test(buf.toString("latin1", i, i + LINE))) return true;
  }
  return false;
}
function configKind(path) {
  if (path === ".npmrc" || path.endsWith("/.npmrc")) return "npmrc";
  if (path === ".docker/config.json" || path.endsWith("/.docker/config.json")) return "docker-config";
  return null;
}
function dockerConfigHasAuths(text) {
  try {
    const parsed = JSON.parse(text);
    const auths = parsed?.auths;
    if (!auths || typeof auths !== "object") return false;
    return Object.values(auths).some(
      (cred) => !!cred && typeof cred === "object" && ["auth", "identitytoken", "password"].some((k) => typeof cred[k] === "string" && cred[k] !== "")
    );
  } catch {
    return /"auths"\s*:/.test(text) && /"(auth|identitytoken|password)"\s*:\s*"[^"]/.test(text);
  }
}
function secretIn(path, head) {
  if (holdsPrivateKey(head)) return "private-key";
  const kind = configKind(path);
  if (!kind) return void 0;
  const text = head.toString("utf8");
  if (kind === "npmrc" && text.includes("_authToken")) return "npm-token";
  if (kind === "docker-config" && dockerConfigHasAuths(text)) return "docker-auths";
  return void 0;
}

// src/image/tar-reader.ts
var TarFormatError = class extends Error {
  constructor(message, notTar) {
    super(message);
    this.notTar = notTar;
  }
  notTar;
};
var DEFAULT_MAX_META_ENTRY_SIZE = 1024 * 1024;
var BLOCK = 512;
var EMPTY = Buffer.alloc(0);
var TYPES = {
  "0": "File",
  "": "OldFile",
  "1": "Link",
  "2": "SymbolicLink",
  "3": "CharacterDevice",
  "4": "BlockDevice",
  "5": "Directory",
  "6": "FIFO",
  "7": "ContiguousFile",
  A: "SolarisACL",
  D: "GNUDumpDir",
  I: "Inode",
  M: "ContinuationFile",
  S: "SparseFile",
  V: "TapeVolumeHeader"
};
var META_TYPES = {
  x: "ExtendedHeader",
  X: "OldExtendedHeader",
  g: "GlobalExtendedHeader",
  L: "NextFileHasLongPath",
  N: "OldGnuLongPath",
  K: "NextFileHasLongLinkpath"
};
var ChunkQueue = class {
  #chunks = [];
  /** Index of the front chunk in #chunks (shift() per chunk would be quadratic on tiny chunks). */
  #head = 0;
  #offset = 0;
  length = 0;
  #done = false;
  #source;
  constructor(source) {
    this.#source = source;
  }
  /** Pulls until `n` bytes are queued; false when the source ends first. */
  async fill(n) {
    while (this.length < n) {
      if (this.#done) return false;
      const next = await this.#source.next();
      if (next.done) {
        this.#done = true;
        return false;
      }
      const chunk = next.value;
      if (chunk.length === 0) continue;
      this.#chunks.push(chunk);
      this.length += chunk.length;
    }
    return true;
  }
  /** `n` queued bytes (a view when they sit in one chunk). */
  take(n) {
    const first = this.#chunks[this.#head];
    if (first.length - this.#offset >= n) {
      const out2 = first.subarray(this.#offset, this.#offset + n);
      this.#advance(n);
      return out2;
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const chunk = this.#chunks[this.#head];
      const part = Math.min(n - at, chunk.length - this.#offset);
      chunk.copy(out, at, this.#offset, this.#offset + part);
      at += part;
      this.#advance(part);
    }
    return out;
  }
  /** Up to `max` queued bytes from the front chunk, as a view. */
  takeSome(max) {
    const first = this.#chunks[this.#head];
    const n = Math.min(max, first.length - this.#offset);
    const out = first.subarray(this.#offset, this.#offset + n);
    this.#advance(n);
    return out;
  }
  /** Drops `n` queued bytes. */
  drop(n) {
    while (n > 0) {
      const first = this.#chunks[this.#head];
      const part = Math.min(n, first.length - this.#offset);
      this.#advance(part);
      n -= part;
    }
  }
  /** Skips `n` bytes, pulling as needed; false when the source ends first. */
  async skip(n) {
    while (n > 0) {
      if (this.length === 0 && !await this.fill(1)) return false;
      const part = Math.min(n, this.length);
      this.drop(part);
      n -= part;
    }
    return true;
  }
  /** Reads and drops whatever the source still has. */
  async drain() {
    this.drop(this.length);
    while (await this.fill(1)) this.drop(this.length);
  }
  #advance(n) {
    this.#offset += n;
    this.length -= n;
    if (this.#offset === this.#chunks[this.#head].length) {
      this.#chunks[this.#head] = EMPTY;
      this.#head++;
      this.#offset = 0;
      if (this.#head === this.#chunks.length) {
        this.#chunks = [];
        this.#head = 0;
      } else if (this.#head >= 1024) {
        this.#chunks = this.#chunks.slice(this.#head);
        this.#head = 0;
      }
    }
  }
};
async function readTar(chunks, visitor, options = {}) {
  const maxMeta = options.maxMetaEntrySize ?? DEFAULT_MAX_META_ENTRY_SIZE;
  const source = chunks[Symbol.asyncIterator]();
  const queue = new ChunkQueue(source);
  let members = 0;
  let finished = false;
  const fail = (message) => {
    throw new TarFormatError(message, members === 0);
  };
  const truncated = (needed) => fail(`Truncated input (needed ${needed} more bytes)`);
  try {
    let pending;
    let sawNullBlock = false;
    let sawEndMarker = false;
    for (; ; ) {
      if (queue.length < BLOCK && !await queue.fill(BLOCK)) {
        if (queue.length > 0) truncated(BLOCK - queue.length);
        break;
      }
      const block = queue.take(BLOCK);
      const header = decodeHeader(block);
      if (header === null) {
        sawEndMarker = true;
        if (sawNullBlock) {
          await queue.drain();
          break;
        }
        sawNullBlock = true;
        continue;
      }
      sawNullBlock = false;
      if (header === "bad-checksum") fail("checksum failure");
      const h = header;
      const meta = META_TYPES[h.typeflag];
      if (meta !== void 0) {
        if (h.size > maxMeta) {
          fail(`a ${meta} header of ${h.size} bytes for "${h.name}" is over the limit of ${maxMeta} bytes`);
        }
        if (queue.length < h.size && !await queue.fill(h.size)) truncated(h.size - queue.length);
        const body = queue.take(h.size);
        const padding = padded(h.size) - h.size;
        if (queue.length < padding && !await queue.fill(padding)) truncated(padding - queue.length);
        queue.drop(padding);
        members++;
        if (h.typeflag === "x" || h.typeflag === "X") pending = parsePax(body, pending ?? {});
        else if (h.typeflag === "L" || h.typeflag === "N") {
          pending ??= {};
          pending.path = cString(body, 0, body.length);
        } else if (h.typeflag === "K") {
          pending ??= {};
          pending.linkpath = cString(body, 0, body.length);
        }
        continue;
      }
      const entry = makeEntry(h, block, pending);
      pending = void 0;
      checkEntry(entry, fail);
      members++;
      const want = visitor.header(entry);
      const size = entry.size;
      const blocks = padded(size);
      if (want === false || size === 0) {
        if (queue.length >= blocks) queue.drop(blocks);
        else if (!await queue.skip(blocks)) truncated(blocks);
        continue;
      }
      if (typeof want === "number") {
        const n = Math.min(want, size);
        if (queue.length < n && !await queue.fill(n)) truncated(n - queue.length);
        visitor.head?.(entry, queue.take(n));
        const rest2 = blocks - n;
        if (queue.length >= rest2) queue.drop(rest2);
        else if (!await queue.skip(rest2)) truncated(rest2);
        continue;
      }
      let remaining = size;
      let failed = false;
      async function* content() {
        while (remaining > 0) {
          if (queue.length === 0 && !await queue.fill(1)) {
            failed = true;
            return;
          }
          const chunk = queue.takeSome(remaining);
          remaining -= chunk.length;
          yield chunk;
        }
      }
      await visitor.body?.(entry, content());
      if (failed) truncated(remaining);
      const rest = remaining + (blocks - size);
      if (queue.length >= rest) queue.drop(rest);
      else if (!await queue.skip(rest)) truncated(rest);
    }
    finished = true;
    if (!sawEndMarker) {
      throw new TarFormatError(
        "the stream ends without the tar end-of-archive marker (truncated?)",
        members === 0
      );
    }
  } finally {
    if (!finished) await source.return?.().catch(() => {
    });
  }
}
var padded = (size) => Math.ceil(size / BLOCK) * BLOCK;
function decodeHeader(block) {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += block[i];
  for (let i = 156; i < BLOCK; i++) sum += block[i];
  const stored = octal(block, 148, 8);
  if (stored === void 0) {
    if (sum === 8 * 32) return null;
    return "bad-checksum";
  }
  if (stored !== sum && stored !== signedSum(block)) return "bad-checksum";
  const typeflag = block[156] === 0 ? "" : String.fromCharCode(block[156]);
  const size = number(block, 124, 12);
  return { name: cString(block, 0, 100), typeflag, size };
}
function signedSum(block) {
  let sum = 8 * 32;
  for (let i = 0; i < BLOCK; i++) {
    if (i >= 148 && i < 156) continue;
    const b = block[i];
    sum += b > 127 ? b - 256 : b;
  }
  return sum;
}
function makeEntry(h, block, pending) {
  let path = pending?.path;
  if (path === void 0) {
    path = h.name;
    if (block[257] === 117 && block.toString("latin1", 257, 265) === "ustar\x0000") {
      const prefix = cString(block, 345, block[475] !== 0 ? 155 : 130);
      if (prefix) path = `${prefix}/${path}`;
    }
  }
  let type = TYPES[h.typeflag] ?? "Unsupported";
  if ((type === "OldFile" || type === "File") && path.endsWith("/")) type = "Directory";
  const size = type === "Directory" ? 0 : pending?.size ?? h.size;
  const entry = { path, type, size };
  const linkpath = pending?.linkpath ?? (block[157] === 0 ? "" : cString(block, 157, 100));
  if (linkpath !== "") entry.linkpath = linkpath;
  return entry;
}
function checkEntry(entry, fail) {
  if (!entry.path) fail("path is required");
  const link = entry.type === "Link" || entry.type === "SymbolicLink";
  if (link && !entry.linkpath) fail("linkpath required");
  if (!link && entry.linkpath) {
    if (entry.size === 0) delete entry.linkpath;
    else fail("linkpath forbidden");
  }
}
function cString(buf, start, length) {
  const end = start + length;
  let stop = start;
  while (stop < end && buf[stop] !== 0) stop++;
  for (let i = start; i < stop; i++) if (buf[i] > 127) return buf.toString("utf8", start, stop);
  return buf.toString("latin1", start, stop);
}
function octal(buf, start, length) {
  let i = start;
  const end = start + length;
  while (i < end && (buf[i] === 32 || buf[i] === 0)) i++;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const b = buf[i];
    if (b < 48 || b > 55) break;
    value = value * 8 + (b - 48);
    digits++;
  }
  for (; i < end; i++) if (buf[i] !== 32 && buf[i] !== 0) return void 0;
  return digits === 0 ? void 0 : value;
}
function number(buf, start, length) {
  const first = buf[start];
  if (first & 128) {
    if (first & 64) throw new TarFormatError("a negative size in a tar header", false);
    let value2 = first & 63;
    for (let i = start + 1; i < start + length; i++) value2 = value2 * 256 + buf[i];
    if (!Number.isSafeInteger(value2)) throw new TarFormatError("a size over 2^53 in a tar header", false);
    return value2;
  }
  const value = octal(buf, start, length);
  if (value !== void 0) return value;
  for (let i = start; i < start + length; i++) {
    if (buf[i] !== 0 && buf[i] !== 32) throw new TarFormatError("a size field that is not a number", false);
  }
  return 0;
}
function parsePax(body, into) {
  let at = 0;
  while (at < body.length) {
    let space = at;
    while (space < body.length && body[space] !== 32) space++;
    const len = Number.parseInt(body.toString("latin1", at, space), 10);
    if (!(len > 0) || at + len > body.length || body[at + len - 1] !== 10) break;
    const record = body.toString("utf8", space + 1, at + len - 1);
    at += len;
    const eq = record.indexOf("=");
    if (eq <= 0) continue;
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1).replace(/\0.*/s, "");
    if (key === "path") into.path = value;
    else if (key === "linkpath") into.linkpath = value;
    else if (key === "size") {
      const size = Number(value);
      if (Number.isSafeInteger(size) && size >= 0) into.size = size;
    }
  }
  return into;
}

// src/image/layer-summary.ts
var EMPTY2 = Buffer.alloc(0);
async function summarizeLayer(stream, opts) {
  const files = opts.files ?? true;
  const peekBytes = opts.secretPeekBytes ?? DEFAULT_SECRET_PEEK_BYTES;
  const entries = [];
  const whiteouts = [];
  const opaqueDirs = [];
  let peeking;
  let size = 0;
  const budget = files ? opts.packageFiles ?? packageFileBudget() : null;
  const packageFiles = /* @__PURE__ */ new Map();
  let packageFilesDropped = 0;
  let keeping;
  let blobBytes = 0;
  let sizes = null;
  try {
    const source = opts.count ? byteCounted(stream, (n) => blobBytes += n) : stream;
    const { compression, chunks: plain } = await decompressed(source);
    let chunks = plain;
    if (opts.count && compression !== "gzip") {
      const tap = tapCompressed(plain, { zstd: compression === "none" });
      chunks = tap.chunks;
      sizes = tap.sizes;
    }
    await readTar(
      chunks,
      {
        header(entry) {
          const path = normalizeMemberPath(entry.path);
          const slash = path.lastIndexOf("/");
          const base = path.slice(slash + 1);
          if (base.startsWith(WHITEOUT_PREFIX)) {
            const dir = slash < 0 ? "" : path.slice(0, slash);
            if (base === OPAQUE_MARKER) {
              if (files) opaqueDirs.push(dir);
            } else if (!base.startsWith(`${WHITEOUT_PREFIX}${WHITEOUT_PREFIX}`)) {
              const name = base.slice(WHITEOUT_PREFIX.length);
              if (name === "" || name === "." || name === "..") {
                throw new UnsafePathError(`whiteout "${entry.path}" names no file`);
              }
              if (files) whiteouts.push(dir === "" ? name : `${dir}/${name}`);
            }
            return false;
          }
          const kind = kindOf(entry);
          let entrySize = 0;
          let linkTarget;
          if (kind === "file") {
            entrySize = entry.size;
            size += entrySize;
          } else if (kind === "symlink") {
            linkTarget = entry.linkpath ?? "";
            checkSymlinkTarget(path, linkTarget);
            size += Buffer.byteLength(linkTarget);
          } else if (kind === "hardlink") {
            linkTarget = entry.linkpath ?? "";
            normalizeHardlinkTarget(linkTarget);
          }
          if (!files || path === "") return false;
          const record = { path, kind, size: entrySize };
          if (linkTarget !== void 0) record.linkTarget = linkTarget;
          entries.push(record);
          let want = 0;
          if (kind === "file" && budget && isPackageFile(path, base)) {
            if (entrySize > budget.left) {
              packageFilesDropped++;
              packageFiles.delete(path);
            } else {
              budget.left -= entrySize;
              packageFiles.set(path, EMPTY2);
              if (entrySize > 0) {
                keeping = path;
                want = entrySize;
              }
            }
          }
          if (kind === "file" && entrySize > 0 && peekBytes > 0) {
            peeking = record;
            want = Math.max(want, peekBytes);
          }
          return want > 0 ? want : false;
        },
        head(_entry, bytes) {
          if (keeping !== void 0) {
            const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
            packageFiles.set(keeping, whole ? bytes : Buffer.from(bytes));
            keeping = void 0;
          }
          const record = peeking;
          peeking = void 0;
          if (!record) return;
          const hint = secretIn(record.path, bytes.length > peekBytes ? bytes.subarray(0, peekBytes) : bytes);
          if (hint) record.secret = hint;
        }
      },
      { maxMetaEntrySize: opts.maxMetaEntrySize }
    );
    const compressed = sizes ? await sizes : opts.count ? { gzip: blobBytes, zstd: null } : void 0;
    if (compressed && compression === "zstd") compressed.zstd = blobBytes;
    const kept = files ? { packageFiles, ...packageFilesDropped > 0 ? { packageFilesDropped } : {} } : {};
    return { entries, whiteouts, opaqueDirs, size, ...kept, ...compressed ? { compressed } : {} };
  } catch (error) {
    throw layerError(opts.name, error);
  }
}
async function* byteCounted(source, add) {
  for await (const chunk of source) {
    add(chunk.length);
    yield chunk;
  }
}
function kindOf(entry) {
  switch (entry.type) {
    case "File":
    case "OldFile":
    case "ContiguousFile":
      return "file";
    case "Directory":
    case "GNUDumpDir":
      return "dir";
    case "SymbolicLink":
      return "symlink";
    case "Link":
      return "hardlink";
    default:
      return "other";
  }
}
function layerError(name, error) {
  if (error instanceof UserError) return error;
  if (error instanceof UnsafePathError) {
    return new UserError(
      `layer ${name} has a hostile tar entry: ${error.message}; refusing to read this image`
    );
  }
  if (error instanceof TarFormatError && error.notTar) {
    return new UserError(
      `layer ${name} is not a tar archive (plain, gzip or zstd): ${error.message}; check that the archive is an image export`
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError(
    `layer ${name} is truncated or corrupt (${detail.split("\n")[0]}): export or download the image again`
  );
}

// src/image/save-archive.ts
import { createHash as createHash2 } from "node:crypto";
import { posix as posix2 } from "node:path";

// src/image/image-layout.ts
import { posix } from "node:path";
var MANIFEST_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
]);
var INDEX_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
]);
var CONFIG_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.config.v1+json",
  "application/vnd.docker.container.image.v1+json"
]);
var LAYER_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.layer.v1.tar",
  "application/vnd.oci.image.layer.v1.tar+gzip",
  "application/vnd.oci.image.layer.v1.tar+zstd",
  "application/vnd.oci.image.layer.nondistributable.v1.tar",
  "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
  "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
  "application/vnd.docker.image.rootfs.diff.tar",
  "application/vnd.docker.image.rootfs.diff.tar.gzip",
  "application/vnd.docker.image.rootfs.diff.tar.zstd",
  "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"
]);
function parse(bytes, what, source) {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new UserError(
      `${what} in ${source} is not valid JSON: the archive is corrupt; export the image again`
    );
  }
}
function blobPath(digest, source) {
  const m = typeof digest === "string" ? /^([a-z0-9+._-]+):([a-fA-F0-9]+)$/.exec(digest) : null;
  if (!m) {
    const shown = typeof digest === "string" ? `an invalid digest "${shorten(digest)}"` : "no digest";
    throw new UserError(`${source} has a descriptor with ${shown}: the archive is corrupt; export it again`);
  }
  return `blobs/${m[1]}/${m[2]}`;
}
var MAX_INDEX_DEPTH = 4;
var MAX_MANIFESTS = 1e3;
var MAX_INDEXES = 100;
var MAX_NAMES_SHOWN = 10;
var MAX_NAME_LENGTH = 80;
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function shorten(text, max = MAX_NAME_LENGTH) {
  const line = escapeTerminal(text);
  return line.length > max ? `${line.slice(0, max)}\u2026` : line;
}
function nameList(names) {
  const shown = names.slice(0, MAX_NAMES_SHOWN).map((n) => shorten(n));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join("; ")}; and ${more} more` : shown.join("; ");
}
function descriptor(value, where) {
  if (!isObject(value)) throw new UserError(`${where} lists an entry that is not a descriptor object`);
  const d = {};
  if (typeof value.mediaType === "string") d.mediaType = value.mediaType;
  else if (value.mediaType !== void 0)
    throw new UserError(`${where} lists a descriptor whose mediaType is not a string`);
  if (typeof value.digest === "string") d.digest = value.digest;
  if (isObject(value.annotations)) {
    const annotations = {};
    for (const [k, v] of Object.entries(value.annotations)) if (typeof v === "string") annotations[k] = v;
    d.annotations = annotations;
  }
  if (isObject(value.platform)) {
    const p = value.platform;
    d.platform = {};
    if (typeof p.os === "string") d.platform.os = p.os;
    if (typeof p.architecture === "string") d.platform.architecture = p.architecture;
    if (typeof p.variant === "string") d.platform.variant = p.variant;
  }
  return d;
}
function planImage(json, source, select) {
  const manifest = json("manifest.json");
  if (manifest) return fromDockerManifest(parse(manifest, "manifest.json", source), source, select);
  const index = json("index.json");
  if (index) return fromOciIndex(parse(index, "index.json", source), json, source, select);
  throw new UserError(
    `${source} is neither a docker save archive nor an OCI image layout (no manifest.json or index.json): make it with docker save or skopeo copy`
  );
}
function fromDockerManifest(manifest, source, select) {
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new UserError(`manifest.json in ${source} lists no image: export the image again`);
  }
  if (!manifest.every(isObject)) {
    throw new UserError(
      `manifest.json in ${source} lists an entry that is not an object: export the image again`
    );
  }
  const entries = manifest.map((e) => ({
    Config: e.Config,
    RepoTags: Array.isArray(e.RepoTags) ? e.RepoTags.filter((t) => typeof t === "string") : [],
    Layers: e.Layers
  }));
  let chosen = entries[0];
  if (entries.length > 1) {
    const wanted2 = select ? entries.filter((e) => matchesTag(e.RepoTags, select)) : [];
    if (wanted2.length !== 1) {
      const names = nameList(entries.map((e, i) => e.RepoTags.join(",") || `#${i + 1} (untagged)`));
      throw new UserError(
        `${source} holds ${entries.length} images (${names}) and image-guard reads one: save only the image to analyze`
      );
    }
    chosen = wanted2[0];
  }
  const { Config: config, Layers: layers } = chosen;
  if (typeof config !== "string" || !Array.isArray(layers) || !layers.every((l) => typeof l === "string")) {
    throw new UserError(
      `manifest.json in ${source} has no Config or Layers (or ones that are not paths): export the image again`
    );
  }
  return { config: clean(config), layers: layers.map(clean) };
}
function matchesTag(tags, select) {
  const variants = /* @__PURE__ */ new Set([
    select,
    `${select}:latest`,
    `docker.io/${select}`,
    `docker.io/library/${select}`
  ]);
  return tags.some((t) => variants.has(t));
}
function fromOciIndex(index, json, source, select) {
  const manifests = [];
  collectManifests(index, json, source, 0, { manifests, indexes: 1 });
  if (manifests.length === 0) throw new UserError(`index.json in ${source} lists no image manifest`);
  let chosen = manifests[0];
  if (manifests.length > 1) {
    const byName = select ? manifests.filter((d) => {
      const name = d.annotations?.["org.opencontainers.image.ref.name"];
      return name === select || name !== void 0 && select.endsWith(`:${name}`);
    }) : [];
    const byPlatform = manifests.filter(
      (d) => d.platform?.os === "linux" && d.platform.architecture === goArch(process.arch)
    );
    const pick = byName.length === 1 ? byName : byPlatform.length === 1 ? byPlatform : [];
    if (pick.length !== 1) {
      const names = nameList(
        manifests.map((d) => d.annotations?.["org.opencontainers.image.ref.name"] ?? d.digest ?? "?")
      );
      throw new UserError(
        `${source} holds ${manifests.length} images (${names}) and image-guard reads one: copy only the image to analyze`
      );
    }
    chosen = pick[0];
  }
  const path = blobPath(chosen.digest, `index.json in ${source}`);
  const bytes = json(path);
  if (!bytes) throw new UserError(`${source} lacks the manifest blob ${path} that index.json points at`);
  const manifest = parse(bytes, `manifest ${path}`, source);
  const where = `manifest ${path} in ${source}`;
  if (!isObject(manifest)) throw new UserError(`${where} is not a JSON object: export the image again`);
  const mediaType = typeof manifest.mediaType === "string" ? manifest.mediaType : chosen.mediaType;
  if (mediaType && !MANIFEST_TYPES.has(mediaType)) {
    throw new UserError(`${where} has unknown media type ${shorten(mediaType)}`);
  }
  if (!isObject(manifest.config) || !Array.isArray(manifest.layers)) {
    throw new UserError(`${where} has no config or layers`);
  }
  const config = descriptor(manifest.config, where);
  if (config.mediaType && !CONFIG_TYPES.has(config.mediaType)) {
    throw new UserError(
      `${source} holds an artifact with config media type ${shorten(config.mediaType)}, not a container image`
    );
  }
  const layers = manifest.layers.map((value) => {
    const layer = descriptor(value, where);
    if (!layer.mediaType || !LAYER_TYPES.has(layer.mediaType)) {
      throw new UserError(
        `layer ${shorten(layer.digest ?? "(no digest)")} in ${source} has unknown media type ${shorten(layer.mediaType ?? "(none)")}`
      );
    }
    return blobPath(layer.digest, where);
  });
  return { config: blobPath(config.digest, where), layers };
}
function collectManifests(index, json, source, depth, found) {
  const out = found.manifests;
  const list = isObject(index) ? index.manifests : void 0;
  if (!Array.isArray(list)) throw new UserError(`an image index in ${source} has no manifests list`);
  const where = `an image index in ${source}`;
  for (const value of list) {
    const d = descriptor(value, where);
    if (d.mediaType && INDEX_TYPES.has(d.mediaType)) {
      const path = blobPath(d.digest, source);
      const nested = json(path);
      if (!nested) throw new UserError(`${source} lacks the index blob ${path}`);
      if (depth >= MAX_INDEX_DEPTH) {
        throw new UserError(
          `${source} nests image indexes more than ${MAX_INDEX_DEPTH} deep: not an image export`
        );
      }
      if (++found.indexes > MAX_INDEXES) {
        throw new UserError(
          `${source} refers to more than ${MAX_INDEXES} image indexes: not an image export`
        );
      }
      collectManifests(parse(nested, `index ${path}`, source), json, source, depth + 1, found);
    } else if (!d.mediaType || MANIFEST_TYPES.has(d.mediaType)) {
      if (d.platform?.os === "unknown") continue;
      if (d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") continue;
      if (out.length >= MAX_MANIFESTS) {
        throw new UserError(
          `${source} lists more than ${MAX_MANIFESTS} image manifests: copy only the image to analyze`
        );
      }
      out.push(d);
    } else {
      throw new UserError(
        `index.json in ${source} lists a manifest of unknown media type ${shorten(d.mediaType)}`
      );
    }
  }
}
function goArch(arch) {
  return arch === "x64" ? "amd64" : arch === "ia32" ? "386" : arch;
}
function clean(path) {
  return posix.normalize(path).replace(/^\.\/|^\/+/, "");
}

// src/image/save-archive.ts
var MAX_JSON_MEMBER = 16 * 1024 * 1024;
var MAX_JSON_TOTAL = 64 * 1024 * 1024;
var OVERSIZED_JSON = `a JSON member over ${MAX_JSON_MEMBER / 1024 / 1024} MiB`;
function tallyOf(reads) {
  const tally = { readBytes: 0, readLayers: 0, skippedBytes: 0, skippedLayers: 0 };
  for (const r of reads) {
    if (r.skipped) {
      tally.skippedBytes += r.bytes;
      tally.skippedLayers++;
    } else {
      tally.readBytes += r.bytes;
      tally.readLayers++;
    }
  }
  return tally;
}
var KnownLayerMismatch = class extends Error {
};
async function readSaveStream(stream, opts) {
  const members = /* @__PURE__ */ new Map();
  const source = opts.ref;
  const budget = { json: MAX_JSON_TOTAL, packageFiles: packageFileBudget() };
  try {
    const { chunks } = await decompressed(opts.onProgress ? counted(stream, opts.onProgress) : stream);
    await readTar(chunks, {
      header(entry) {
        const path = memberPath(entry.path);
        if (path === null) return false;
        if (entry.type === "SymbolicLink") {
          members.set(path, { kind: "link", target: posix2.join(posix2.dirname(path), entry.linkpath ?? "") });
          return false;
        }
        if (entry.type === "Link") {
          members.set(path, { kind: "link", target: memberPath(entry.linkpath ?? "") ?? "" });
          return false;
        }
        if (entry.type !== "File" && entry.type !== "OldFile" && entry.type !== "ContiguousFile")
          return false;
        return wanted(path);
      },
      async body(entry, content) {
        const path = memberPath(entry.path);
        members.set(path, await readMember(entry, content, path, opts, budget));
      }
    });
  } catch (error) {
    if (error instanceof UserError || error instanceof KnownLayerMismatch) throw error;
    if (error instanceof TarFormatError && error.notTar) {
      throw new UserError(
        `${source} is not a tar archive (${error.message}): give a docker save or OCI archive`
      );
    }
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UserError(`${source} is truncated or corrupt (${detail}): export or download it again`);
  }
  return assemble(members, opts);
}
async function* counted(source, onProgress) {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    onProgress(total);
    yield chunk;
  }
}
function memberPath(raw) {
  const path = posix2.normalize(raw).replace(/^(\.\/)+|^\/+/, "").replace(/\/$/, "");
  return path === "" || path === "." ? null : path;
}
function wanted(path) {
  if (path === "repositories") return false;
  return !/^[0-9a-f]{64}\/(json|VERSION)$/.test(path);
}
async function readMember(entry, member, path, opts, budget) {
  let content = member;
  const known = await opts.known?.lookup(path, entry.size);
  if (known) {
    const skipped = await skipMember(known, content, entry.size, path, budget.packageFiles);
    if (!Array.isArray(skipped)) return skipped;
    content = (async function* () {
      yield* skipped;
    })();
  }
  const { head, rest } = await peek(content, 512);
  const shape = sniff(head);
  if (shape === "layer") {
    const summary = await summarizeLayer(rest, {
      name: `${path} in ${opts.ref}`,
      files: opts.files,
      count: opts.count,
      packageFiles: budget.packageFiles
    });
    const compressed = detectCompression(head) !== "none";
    const digest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path)?.[1];
    const blob = compressed ? digest ? `sha256:${digest}` : "unknown" : null;
    return { kind: "layer", summary, skipped: false, bytes: entry.size, blob };
  }
  if (shape === "json" && entry.size <= MAX_JSON_MEMBER) {
    budget.json -= entry.size;
    if (budget.json < 0) {
      throw new UserError(
        `${opts.ref} holds more than ${MAX_JSON_TOTAL / 1024 / 1024} MiB of JSON members: it is not an image export; give a docker save or OCI archive`
      );
    }
    const parts = [];
    for await (const chunk of rest) parts.push(chunk);
    return { kind: "json", bytes: Buffer.concat(parts) };
  }
  for await (const _ of rest) {
  }
  return {
    kind: "other",
    why: shape === "json" ? OVERSIZED_JSON : "neither a tar layer nor JSON"
  };
}
var MAX_KEPT_CANDIDATE = 16 * 1024 * 1024;
async function skipMember(known, content, size, path, budget) {
  let summary;
  if ("summary" in known) {
    for await (const _ of content) {
    }
    summary = known.summary;
  } else {
    const hash = createHash2("sha256");
    const kept = size <= MAX_KEPT_CANDIDATE ? [] : null;
    for await (const chunk of content) {
      hash.update(chunk);
      kept?.push(chunk);
    }
    summary = known.candidates.get(`sha256:${hash.digest("hex")}`);
    if (!summary) {
      if (kept) return kept;
      throw new KnownLayerMismatch(`${path} is none of the layers it was taken for`);
    }
  }
  for (const body of summary.packageFiles?.values() ?? []) budget.left -= body.length;
  return { kind: "layer", summary, skipped: true, bytes: size, blob: null };
}
function sniff(head) {
  if (detectCompression(head) !== "none") return "layer";
  if (head.length >= 512) {
    const block = head.subarray(0, 512);
    if (isTarHeader(block) || block.every((b) => b === 0)) return "layer";
  }
  const first = head.find((b) => b !== 32 && b !== 10 && b !== 13 && b !== 9);
  if (first === 123 || first === 91) return "json";
  return "other";
}
function isTarHeader(block) {
  const field = block.toString("latin1", 148, 156).replace(/[\0 ]+$/g, "").trim();
  if (!/^[0-7]+$/.test(field)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum === Number.parseInt(field, 8);
}
function assemble(members, opts) {
  const source = opts.ref;
  const resolved = (path) => {
    let member = members.get(path);
    for (let hops = 0; member?.kind === "link" && hops < 8; hops++) {
      path = member.target;
      member = members.get(path);
    }
    return { path, member };
  };
  const resolve = (path) => resolved(path).member;
  const json = (path) => {
    const m = resolve(path);
    if (m?.kind === "other" && m.why === OVERSIZED_JSON) {
      throw new UserError(
        `${path} in ${source} is ${OVERSIZED_JSON}, more than image-guard reads of one: it is not an image export; give a docker save or OCI archive`
      );
    }
    return m?.kind === "json" ? m.bytes : void 0;
  };
  const plan = planImage(json, source, opts.select);
  const configBytes = json(plan.config);
  if (!configBytes) {
    throw new UserError(
      `${source} lacks the image config ${plan.config} its manifest points at: export it again`
    );
  }
  const config = parseImageConfig(configBytes, `config ${plan.config} in ${source}`);
  const summaries = plan.layers.map((path) => {
    const m = resolve(path);
    if (m?.kind === "layer") return m.summary;
    if (!m || m.kind === "link") {
      throw new UserError(
        `${source} lacks the layer ${path} its manifest points at (truncated?): export it again`
      );
    }
    throw new UserError(
      `layer ${path} in ${source} is not a tar archive (${m.kind === "json" ? "JSON" : m.why})`
    );
  });
  if (summaries.length !== config.diffIds.length) {
    throw new UserError(
      `${source}: the manifest lists ${summaries.length} layers but the config has ${config.diffIds.length} diff_ids`
    );
  }
  if (opts.onLayers) {
    opts.onLayers(
      plan.layers.map((layerPath) => {
        const { path, member } = resolved(layerPath);
        const m = member;
        return { path, summary: m.summary, skipped: m.skipped, bytes: m.bytes, blob: m.blob };
      }),
      configBytes
    );
  }
  return { ref: opts.ref, id: configDigest(configBytes), config, ...fromSummaries(summaries, opts) };
}
function fromSummaries(summaries, opts) {
  return {
    layerSizes: summaries.map((s) => s.size),
    layers: opts.files ? summaries : null,
    ...opts.count ? { layerCompressed: summaries.map((s) => s.compressed ?? null) } : {}
  };
}

export {
  configDigest,
  parseImageConfig,
  planImage,
  packageFileBudget,
  summarizeLayer,
  MAX_JSON_MEMBER,
  tallyOf,
  KnownLayerMismatch,
  readSaveStream,
  fromSummaries
};
