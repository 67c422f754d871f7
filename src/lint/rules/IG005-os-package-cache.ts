import { apkCommand, aptCommand, cacheMountAt, hasOption, removesPath, rpmCommand } from '../commands.js';
import { graphOf, quote, type Rule, type RuleReport } from '../rule.js';

export const IG005: Rule = {
  id: 'IG005',
  name: 'os-package-cache',
  severity: 'warning',
  summary:
    'In the final lineage, `apt-get install` without removing /var/lib/apt/lists in the same RUN, `apk add` without `--no-cache`, or `dnf`/`yum install` without `clean all` in the same RUN.',
  rationale:
    'Package indexes and downloaded packages stay in the layer when they are not removed in the RUN that made them.',
  fix: 'End the RUN with `&& rm -rf /var/lib/apt/lists/*` (apt), use `apk add --no-cache` (apk), or `&& dnf clean all` (dnf/yum).',
  check(ctx) {
    const g = graphOf(ctx);
    const out: RuleReport[] = [];
    for (const stage of g.lineage) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'RUN') continue;
        const { commands, mounts } = ctx.run(instr);
        let report: RuleReport | null = null;
        for (const cmd of commands) {
          const apt = aptCommand(cmd);
          if (
            apt?.sub === 'install' &&
            !removesPath(commands, '/var/lib/apt/lists') &&
            !cacheMountAt(mounts, '/var/lib/apt', '/var/cache/apt')
          ) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`${cmd.argv[0]} install\` but does not remove /var/lib/apt/lists in the same RUN: the package index (tens of MB) stays in the layer. End the RUN with \`&& rm -rf /var/lib/apt/lists/*\`.`,
              fix: 'Append `&& rm -rf /var/lib/apt/lists/*` to the same RUN (or mount caches at /var/lib/apt and /var/cache/apt).',
            };
            break;
          }
          const apk = apkCommand(cmd);
          if (
            apk?.sub === 'add' &&
            !hasOption(apk.options, '--no-cache') &&
            !cacheMountAt(mounts, '/var/cache/apk', '/etc/apk/cache')
          ) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`apk add\` without \`--no-cache\`: the package index stays in /var/cache/apk. Write \`apk add --no-cache …\`.`,
              fix: 'Write `apk add --no-cache …`.',
            };
            break;
          }
          const rpm = rpmCommand(cmd);
          if (rpm && (rpm.sub === 'install' || rpm.sub === 'groupinstall')) {
            const cleaned = commands.some((c) => {
              const r = rpmCommand(c);
              return r?.sub === 'clean' && r.packages.includes('all');
            });
            const removed =
              removesPath(commands, '/var/cache/dnf') || removesPath(commands, '/var/cache/yum');
            const mounted = cacheMountAt(mounts, '/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5');
            if (!cleaned && !removed && !mounted) {
              report = {
                line: instr.line,
                message: `${quote(instr)} runs \`${rpm.tool} ${rpm.sub}\` without \`${rpm.tool} clean all\` in the same RUN: metadata and packages stay in /var/cache/${rpm.tool === 'yum' ? 'yum' : 'dnf'}. End the RUN with \`&& ${rpm.tool} clean all\`.`,
                fix: `Append \`&& ${rpm.tool} clean all\` to the same RUN.`,
              };
              break;
            }
          }
        }
        if (report) out.push(report);
      }
    }
    return out;
  },
};
