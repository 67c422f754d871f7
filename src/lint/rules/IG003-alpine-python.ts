import { apkCommand, pipInstallArgs, uvCommand } from '../commands.js';
import { builtStages, quote, type Rule } from '../rule.js';
import { baseOf, lineageOf } from '../stages.js';

export const IG003: Rule = {
  id: 'IG003',
  name: 'alpine-python',
  severity: 'warning',
  summary: 'A stage based on python:*alpine* (or alpine with `apk add python3`) runs pip or uv installs.',
  rationale:
    'Alpine uses musl: most wheels on PyPI are built for glibc, so pip compiles packages from source (slow builds, compilers needed, larger images).',
  fix: 'Use `python:3.x-slim` (Debian, glibc wheels) for stages that install Python packages.',
  check(ctx) {
    const out = [];
    for (const stage of builtStages(ctx)) {
      const ref = baseOf(stage).ref;
      const pyAlpine = ref?.official === 'python' && (ref.tag ?? '').toLowerCase().includes('alpine');
      const alpine = ref?.official === 'alpine';
      if (!pyAlpine && !alpine) continue;
      let hasPython = pyAlpine;
      for (const s of lineageOf(stage)) {
        for (const instr of s.body) {
          if (instr.keyword !== 'RUN') continue;
          const cmds = ctx.run(instr).commands;
          if (
            !hasPython &&
            cmds.some((c) => {
              const apk = apkCommand(c);
              return (
                apk?.sub === 'add' && apk.packages.some((p) => /^(python3?|py3-pip)([=~<>].*)?$/i.test(p))
              );
            })
          )
            hasPython = true;
          if (s !== stage || !hasPython) continue;
          if (cmds.some((c) => pipInstallArgs(c) !== null || uvCommand(c) !== null)) {
            out.push({
              line: instr.line,
              message: `${quote(instr)} installs Python packages on Alpine (\`${ref!.text}\`): musl has no prebuilt wheels for most packages, so they compile from source. Base this stage on \`python:3.x-slim\` instead.`,
            });
            break;
          }
        }
        if (out.length && out[out.length - 1]!.line >= stage.from.line && s === stage) break;
      }
    }
    return out;
  },
};
