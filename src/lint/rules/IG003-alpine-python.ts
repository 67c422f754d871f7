import { type ImageRef, officialImageOf } from '../../core/image-ref.js';
import { apkCommand } from '../commands/apk.js';
import { pipInstallArgs, uvCommand } from '../commands/python.js';
import { graphOf, quote, type Rule, type RuleReport } from '../rule.js';
import type { ShellCommand } from '../shell.js';
import type { Stage } from '../stages.js';

export const IG003: Rule = {
  id: 'IG003',
  name: 'alpine-python',
  severity: 'warning',
  summary: 'A stage based on python:*alpine* (or alpine with `apk add python3`) runs pip or uv installs.',
  rationale:
    'Alpine uses musl: most wheels on PyPI are built for glibc, so pip compiles packages from source (slow builds, compilers needed, larger images).',
  fix: 'Use `python:3.x-slim` (Debian, glibc wheels) for stages that install Python packages.',
  check(ctx) {
    const g = graphOf(ctx);
    const out: RuleReport[] = [];
    // per stage, in file order (a parent stage always comes first): its base image and whether python is
    // installed by its end, so a long chain of stages is read once
    const baseRef = new Map<Stage, ImageRef | null>();
    const pythonAtEnd = new Map<Stage, boolean>();
    const installsPython = (c: ShellCommand) => {
      const apk = apkCommand(c);
      return apk?.sub === 'add' && apk.packages.some((p) => /^(python3?|py3-pip)([=~<>].*)?$/i.test(p));
    };
    for (const stage of g.stages) {
      const ref = stage.parent ? (baseRef.get(stage.parent) ?? null) : stage.ref;
      baseRef.set(stage, ref);
      const official = ref ? officialImageOf(ref) : null;
      const pyAlpine = official === 'python' && (ref?.tag ?? '').toLowerCase().includes('alpine');
      const alpine = official === 'alpine';
      let hasPython = pyAlpine || (stage.parent ? pythonAtEnd.get(stage.parent)! : false);
      let reported = !g.built.has(stage);
      for (const instr of stage.body) {
        if (instr.keyword !== 'RUN' || (!pyAlpine && !alpine)) continue;
        const cmds = ctx.run(instr).commands;
        if (!hasPython && cmds.some(installsPython)) hasPython = true;
        if (reported || !hasPython) continue;
        if (cmds.some((c) => pipInstallArgs(c) !== null || uvCommand(c) !== null)) {
          out.push({
            line: instr.line,
            message: `${quote(instr)} installs Python packages on Alpine (\`${ref!.text}\`): musl has no prebuilt wheels for most packages, so they compile from source. Base this stage on \`python:3.x-slim\` instead.`,
          });
          reported = true;
        }
      }
      pythonAtEnd.set(stage, hasPython);
    }
    return out;
  },
};
