import { apkCommand } from '../commands/apk.js';
import { aptCommand } from '../commands/apt.js';
import { hasOption } from '../commands/arguments.js';
import { mountCovers, removesPath } from '../commands/cleanup.js';
import { RPM_CACHE_DIRS, RPM_INSTALL_SUBS, rpmCommand } from '../commands/rpm.js';
import { graphOf, quote, type Rule, type RuleReport } from '../rule.js';
import type { ShellCommand } from '../shell.js';
import { usesPowerShell } from '../windows.js';

/** `apt-get dist-clean` / `apt dist-clean` (apt 2.7.8+): removes the package lists. */
function isDistClean(c: ShellCommand): boolean {
  return aptCommand(c)?.sub === 'dist-clean';
}

function isRpmCleanAll(c: ShellCommand): boolean {
  const r = rpmCommand(c);
  return r?.sub === 'clean' && r.packages.includes('all');
}

export const IG005: Rule = {
  id: 'IG005',
  name: 'os-package-cache',
  severity: 'warning',
  summary:
    'In the final lineage, `apt-get install` without removing /var/lib/apt/lists after it in the same RUN, `apk add` without `--no-cache` (or removing /var/cache/apk after it), or `dnf`/`yum install` without `clean all` after it in the same RUN.',
  rationale:
    'Package indexes and downloaded packages stay in the layer when they are not removed, after the install, in the RUN that made them.',
  fix: 'End the RUN with `&& rm -rf /var/lib/apt/lists/*` or `&& apt-get dist-clean` (apt), use `apk add --no-cache` (apk), or `&& dnf clean all` (dnf/yum).',
  check(ctx) {
    const g = graphOf(ctx);
    const out: RuleReport[] = [];
    for (const stage of g.lineage) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'RUN' || usesPowerShell(ctx, instr)) continue;
        const { commands, mounts } = ctx.run(instr);
        let report: RuleReport | null = null;
        for (let k = 0; k < commands.length && !report; k++) {
          const cmd = commands[k]!;
          // a clean counts only after the install: `rm -rf lists/* && apt-get update && apt-get install` leaves them
          const after = commands.slice(k + 1);
          const apt = aptCommand(cmd);
          if (
            apt?.sub === 'install' &&
            !removesPath(after, '/var/lib/apt/lists') &&
            !after.some(isDistClean) &&
            !mountCovers(mounts, '/var/lib/apt/lists')
          ) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`${cmd.argv[0]} install\` but does not remove /var/lib/apt/lists after it in the same RUN: the package index (tens of MB) stays in the layer. End the RUN with \`&& rm -rf /var/lib/apt/lists/*\`.`,
              fix: 'Append `&& rm -rf /var/lib/apt/lists/*` (or `&& apt-get dist-clean` with apt 2.7.8+) to the same RUN, or mount a cache at /var/lib/apt.',
            };
            continue;
          }
          const apk = apkCommand(cmd);
          if (
            apk?.sub === 'add' &&
            !hasOption(apk.options, '--no-cache') &&
            !removesPath(after, '/var/cache/apk') &&
            !mountCovers(mounts, '/var/cache/apk', '/etc/apk/cache')
          ) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`apk add\` without \`--no-cache\`: the package index stays in /var/cache/apk. Write \`apk add --no-cache …\`.`,
              fix: 'Write `apk add --no-cache …`.',
            };
            continue;
          }
          const rpm = rpmCommand(cmd);
          if (
            rpm &&
            RPM_INSTALL_SUBS.has(rpm.sub) &&
            !after.some(isRpmCleanAll) &&
            !RPM_CACHE_DIRS.some((dir) => removesPath(after, dir)) &&
            !mountCovers(mounts, ...RPM_CACHE_DIRS)
          ) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`${rpm.tool} ${rpm.sub}\` without \`${rpm.tool} clean all\` after it in the same RUN: metadata and packages stay in /var/cache/${rpm.tool === 'yum' ? 'yum' : rpm.tool === 'dnf5' ? 'libdnf5' : 'dnf'}. End the RUN with \`&& ${rpm.tool} clean all\`.`,
              fix: `Append \`&& ${rpm.tool} clean all\` to the same RUN.`,
            };
          }
        }
        if (report) out.push(report);
      }
    }
    return out;
  },
};
