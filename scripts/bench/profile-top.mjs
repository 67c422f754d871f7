// The top entries of a V8 .cpuprofile (from `node --cpu-prof`) by self time, with their total (self and
// callees) time: `node scripts/bench/profile-top.mjs FILE.cpuprofile [N]`.
import { readFileSync } from 'node:fs';

export function profileTop(profile, n = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = new Map();
  profile.samples.forEach((id, i) => {
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const label = (node) => {
    const f = node.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  for (const [id, us] of dt) {
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at));
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + us);
    }
  }
  const all = [...dt.values()].reduce((a, b) => a + b, 0);
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, n);
  return {
    totalMs: all / 1000,
    rows: rows.map(([name, us]) => ({
      name,
      selfMs: us / 1000,
      selfPct: (100 * us) / all,
      totalMs: (total.get(name) ?? 0) / 1000,
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { totalMs, rows } = profileTop(
    JSON.parse(readFileSync(process.argv[2], 'utf8')),
    Number(process.argv[3] ?? 20),
  );
  console.log(`profile: ${totalMs.toFixed(0)} ms sampled`);
  for (const r of rows) {
    console.log(
      `${r.selfMs.toFixed(0).padStart(7)} ms ${r.selfPct.toFixed(1).padStart(5)}%  total ${r.totalMs.toFixed(0).padStart(6)} ms  ${r.name}`,
    );
  }
}
