import { apkCommand } from '../commands/apk.js';
import { aptCommand } from '../commands/apt.js';
import { isOsPackageInstall } from '../commands/os-package-install.js';
import { builtStages, quote, type Rule, type RuleReport } from '../rule.js';
import { commandName, type ShellCommand } from '../shell.js';
import { usesPowerShell } from '../windows.js';

/**
 * A command that reads the fresh index without installing (`apt-get download|source|build-dep`, `apt-cache …`):
 * the update is there for it, so it is not alone.
 */
function readsIndex(c: ShellCommand): boolean {
  const sub = aptCommand(c)?.sub;
  return (
    sub === 'download' || sub === 'source' || sub === 'build-dep' || commandName(c.argv[0]!) === 'apt-cache'
  );
}

export const IG006: Rule = {
  id: 'IG006',
  name: 'update-alone',
  severity: 'warning',
  summary:
    'A RUN runs `apt-get update` / `apt update` / `apk update` with no package install, nor a command that reads the index (`apt-get download`, `apt-cache …`), in the same RUN (not under a PowerShell SHELL).',
  rationale:
    'The cached layer keeps an old index: a later install RUN can fail or install stale versions, and the index is a wasted layer.',
  fix: 'Update and install in one RUN: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
  check(ctx) {
    const out: RuleReport[] = [];
    for (const stage of builtStages(ctx)) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'RUN' || usesPowerShell(ctx, instr)) continue;
        const { commands } = ctx.run(instr);
        const update = commands.find(
          (c) => aptCommand(c)?.sub === 'update' || apkCommand(c)?.sub === 'update',
        );
        if (!update || commands.some((c) => isOsPackageInstall(c) || readsIndex(c))) continue;
        out.push({
          line: instr.line,
          message: `${quote(instr)} runs \`${update.argv[0]} update\` without installing anything in the same RUN: this layer is cached, so a later install may use a stale index. Run the update and the install in one RUN.`,
        });
      }
    }
    return out;
  },
};
