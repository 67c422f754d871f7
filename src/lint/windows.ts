// Windows containers: the Linux advice (useradd, `&&` under PowerShell, apt lists) is wrong there. A file is
// judged as Windows when its final base is a Windows image or it uses the backtick escape; a RUN is a
// PowerShell one when the SHELL in force for it names powershell or pwsh.
import type { ImageRef } from '../core/image-ref.js';
import type { Instruction } from './parse.js';
import type { RuleContext } from './rule.js';
import { baseOf, type Stage } from './stages.js';

/** mcr.microsoft.com/windows…, a powershell image on nanoserver, or any servercore / nanoserver tag. */
export function isWindowsImage(ref: ImageRef | null): boolean {
  if (!ref) return false;
  const tag = (ref.tag ?? '').toLowerCase();
  if (/servercore|nanoserver/.test(tag)) return true;
  if (ref.registry === 'mcr.microsoft.com' && /^windows(\/|$)/.test(ref.path)) return true;
  return /(^|\/)(windows\/)?(servercore|nanoserver)$/.test(ref.path);
}

/** The file builds a Windows image: its final base is one, or it sets `# escape=\``. */
export function isWindowsBuild(ctx: RuleContext): boolean {
  if (ctx.parsed.escape === '`') return true;
  return ctx.graph !== null && isWindowsImage(baseOf(ctx.graph.final).ref);
}

const POWERSHELL = /(^|[\\/])(powershell|pwsh)(\.exe)?$/i;
const underPowerShell = new WeakMap<RuleContext, Set<Instruction>>();

/** True when the SHELL in force for `instr` (set earlier in its stage's lineage) runs PowerShell. */
export function usesPowerShell(ctx: RuleContext, instr: Instruction): boolean {
  let set = underPowerShell.get(ctx);
  if (!set) {
    // one pass in file order: a parent stage always comes before the stages built FROM it
    set = new Set();
    const atEnd = new Map<Stage, boolean>();
    for (const stage of ctx.graph?.stages ?? []) {
      let ps = stage.parent ? (atEnd.get(stage.parent) ?? false) : false;
      for (const i of stage.body) {
        if (i.keyword === 'SHELL') ps = POWERSHELL.test(i.json?.[0] ?? '');
        else if (ps) set.add(i);
      }
      atEnd.set(stage, ps);
    }
    underPowerShell.set(ctx, set);
  }
  return set.has(instr);
}
