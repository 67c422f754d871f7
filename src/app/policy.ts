// What the config (and the `ignore` input or flag) says about findings that do not come from the Dockerfile
// linter: the image-content rules. The lint engine applies the same policy to Dockerfile findings itself, with
// inline ignores, because it knows the lines; this is the one place for the others.
import { readFile, stat } from 'node:fs/promises';
import type { SeverityOverride } from '../config/config.js';
import type { AddedIgnore, Finding } from '../core/report.js';
import type { InlineIgnore } from '../lint/engine.js';
import { type BaseCommit, gitPath } from './base-commit.js';

export interface FindingPolicy {
  ignore: readonly string[];
  severity: Readonly<Record<string, SeverityOverride>>;
}

export function applyPolicy(findings: readonly Finding[], policy: FindingPolicy): Finding[] {
  const ignored = new Set(policy.ignore);
  const out: Finding[] = [];
  for (const f of findings) {
    const override = policy.severity[f.rule];
    if (ignored.has(f.rule) || override === 'off') continue;
    out.push(override ? { ...f, severity: override } : f);
  }
  return out;
}

/** Dockerfiles larger than this are not compared for inline ignores (the linter reads up to the same). */
const MAX_DOCKERFILE_BYTES = 1024 * 1024;

/**
 * The inline ignores of the PR's Dockerfile (`dockerfile`, on disk) that the same file at the base commit
 * lacks: an ignore above an instruction counts by rule and instruction text (lines move), `ignore-file=` by
 * rule. Every one when the base has no such file.
 */
export async function addedInlineIgnores(
  base: BaseCommit,
  dockerfile: string,
  dir: string,
): Promise<AddedIgnore[]> {
  const path = gitPath(dockerfile, dir);
  let headText: string;
  try {
    if ((await stat(dockerfile)).size > MAX_DOCKERFILE_BYTES) return [];
    headText = await readFile(dockerfile, 'utf8');
  } catch {
    return [];
  }
  const baseFile = await base.read(path, MAX_DOCKERFILE_BYTES);
  // The linter's parser, loaded here only when the base is read (the Action loads it to lint anyway).
  const { inlineIgnoreList } = await import('../lint/engine.js');
  const baseList = baseFile.kind === 'file' ? inlineIgnoreList(baseFile.text) : [];
  const key = (i: InlineIgnore) => `${i.scope}\u0000${i.rule}\u0000${i.instruction}`;
  const left = new Map<string, number>();
  for (const i of baseList) left.set(key(i), (left.get(key(i)) ?? 0) + 1);
  const added: AddedIgnore[] = [];
  for (const i of inlineIgnoreList(headText)) {
    const n = left.get(key(i)) ?? 0;
    if (n > 0) left.set(key(i), n - 1);
    else added.push({ rule: i.rule, scope: i.scope, file: path, line: i.line });
  }
  return added;
}
