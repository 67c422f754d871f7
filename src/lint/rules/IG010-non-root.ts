import { createdUsers, userAdvice } from '../non-root-user.js';
import { type Instruction, splitWords } from '../parse.js';
import { graphOf, type Rule } from '../rule.js';
import { baseOf, type StageGraph, substitute } from '../stages.js';
import { isWindowsBuild } from '../windows.js';

/** `ARG NAME=…` with a default, the last one before `user` in the lineage or, for a global ARG, the preamble. */
function argDefault(g: StageGraph, name: string, user: Instruction): Instruction | null {
  const declares = (i: Instruction) =>
    i.keyword === 'ARG' && splitWords(i.args).some((w) => w.startsWith(`${name}=`));
  const before = g.lineage.flatMap((s) => s.body).filter((i) => i.line < user.line);
  return before.filter(declares).pop() ?? g.preamble.filter(declares).pop() ?? null;
}

const WINDOWS_FIX =
  'Run as the built-in unprivileged account: `USER ContainerUser` before CMD (useradd does not exist on Windows).';

export const IG010: Rule = {
  id: 'IG010',
  name: 'non-root',
  severity: 'warning',
  summary:
    'The final stage (with its lineage) has no USER, or its last USER is root, 0, root:root or 0:0 (on a Windows image: ContainerAdministrator).',
  rationale:
    'A process running as root in the container turns any escape or file-write bug into root on the image filesystem.',
  fix: 'Create a user and switch to it before CMD: `RUN useradd --create-home app` then `USER app`.',
  check(ctx) {
    const g = graphOf(ctx);
    const base = baseOf(g.final);
    if ((base.ref?.tag ?? '').toLowerCase().includes('nonroot')) return [];
    const windows = isWindowsBuild(ctx);
    const users = g.lineage.flatMap((s) => s.body).filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    const advice = () => {
      const created = new Set<string>();
      for (const stage of g.lineage)
        for (const instr of stage.body)
          if (instr.keyword === 'RUN')
            for (const cmd of ctx.run(instr).commands) for (const u of createdUsers(cmd.argv)) created.add(u);
      return userAdvice([...created], base);
    };
    if (!last && windows) {
      return [
        {
          line: g.final.from.line,
          message: `the final stage \`${g.final.from.text}\` (line ${g.final.from.line}) is a Windows image that never sets USER: servercore images run as ContainerAdministrator. Add \`USER ContainerUser\` before CMD.`,
          fix: WINDOWS_FIX,
        },
      ];
    }
    if (!last) {
      const { short, fix } = advice();
      return [
        {
          line: g.final.from.line,
          message: `the final stage \`${g.final.from.text}\` (line ${g.final.from.line}) never sets USER: the container runs as root. ${short}`,
          fix,
        },
      ];
    }
    const raw = splitWords(last.args)[0] ?? '';
    const vars = ctx.vars(g.final, last);
    const value = substitute(
      raw,
      { has: (k) => vars.get(k) !== undefined, get: (k) => vars.get(k) },
      ctx.parsed.escape,
    );
    if (value === null) return [];
    const user = value.split(':')[0]!.toLowerCase();
    if (windows) {
      if (user !== 'containeradministrator' && user !== 'administrator') return [];
      return [
        {
          line: last.line,
          message: `\`${last.text}\` (line ${last.line}) is the final stage's last USER: the Windows container runs as an administrator. Switch to \`USER ContainerUser\` after the steps that need it.`,
          fix: WINDOWS_FIX,
        },
      ];
    }
    if (user !== 'root' && user !== '0') return [];
    const { fix } = advice();
    // root that comes from an ARG default (`ARG UID=0` … `USER $UID`) is easy to miss: say where it comes from
    const variable = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(raw)?.[1];
    const arg = variable ? argDefault(g, variable, last) : null;
    const from = arg ? `, which is \`${value}\` from the default of \`${arg.text}\` (line ${arg.line})` : '';
    return [
      {
        line: last.line,
        message: `\`${last.text}\` (line ${last.line}) is the final stage's last USER${from}: the container runs as root. Switch to an unprivileged user (\`USER app\`, \`USER 10001\`) after the steps that need root.`,
        fix: arg
          ? `Give \`${arg.text.replace(/=.*$/, '')}\` an unprivileged default (\`${arg.text.replace(/=.*$/, '=10001')}\`), or pass one with --build-arg; else ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`
          : fix,
      },
    ];
  },
};
