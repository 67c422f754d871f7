// Fixes that add or change whole instructions: ENV for Python (IG016), ADD → COPY (IG017), USER (IG010).
import { analyzeRun } from '../commands/run.js';
import { contextPath, globToRegExp, isGlob } from '../context.js';
import { baseKind, createdUsers, providedUser } from '../non-root-user.js';
import { copySources, isUrl } from '../rule.js';
import { baseOf } from '../stages.js';
import { isWindowsImage } from '../windows.js';
import type { TextEdit } from './edits.js';
import { type FixEnv, type Fixer, left } from './model.js';
import { keywordRange, lineEnding } from './source.js';

/** A new instruction on its own line right after the one at `line` (0-based index of its last line). */
function lineAfter(env: FixEnv, lastLine: number, instruction: string, indentOf: number): TextEdit {
  const { file } = env;
  const line = file.lines[lastLine]!;
  const indent = /^[ \t]*/.exec(file.lines[indentOf]!.text)![0];
  const eol = line.eol || lineEnding(file);
  const at = line.start + line.text.length;
  return line.eol
    ? { start: at + line.eol.length, end: at + line.eol.length, text: `${indent}${instruction}${eol}` }
    : { start: at, end: at, text: `${eol}${indent}${instruction}` };
}

/** A new instruction on its own line right before the instruction starting at 0-based line `k`. */
function lineBefore(env: FixEnv, k: number, instruction: string): TextEdit {
  const line = env.file.lines[k]!;
  const indent = /^[ \t]*/.exec(line.text)![0];
  return {
    start: line.start,
    end: line.start,
    text: `${indent}${instruction}${line.eol || lineEnding(env.file)}`,
  };
}

// ---- IG016 --------------------------------------------------------------------------------------------------

export const fixPythonEnv: Fixer = (finding, env) => {
  const from = env.graph.final.from;
  const loc = env.at(from.line);
  if (!loc || finding.line !== from.line)
    return left(finding, 'not mechanical: the finding is not at the final FROM');
  const edit = lineAfter(env, loc.seg.end, 'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1', loc.seg.start);
  return {
    finding,
    edits: [edit],
    summary: 'added `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` after the final FROM',
  };
};

// ---- IG017 --------------------------------------------------------------------------------------------------

const TAR = /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2|tbz|tar\.zst|tzst)$/i;
/** ADD's flags that COPY does not take. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export const fixAddToCopy: Fixer = (finding, env) => {
  const loc = env.at(finding.line ?? 0);
  if (loc?.instr.keyword !== 'ADD') return left(finding, 'not mechanical: no ADD at this line');
  const { instr } = loc;
  const flag = instr.flags.find((f) => ADD_ONLY_FLAGS.has(f.name) || f.name === 'from');
  if (flag) return left(finding, `unsafe here: \`--${flag.name}\` is ADD's own`);
  const sources = copySources(instr);
  const remote = sources.find((s) => isUrl(s) || /^git@|\.git(#.*)?$/.test(s) || TAR.test(s));
  if (remote)
    return left(finding, `unsafe here: \`${remote}\` needs ADD (a remote source or an archive it unpacks)`);
  const variable = sources.find((s) => s.includes('$'));
  if (variable) return left(finding, `unsafe here: \`${variable}\` could name an archive ADD unpacks`);
  const kindOf = env.context?.kindOf;
  if (kindOf) {
    for (const s of sources) {
      const p = contextPath(s);
      const paths = isGlob(p) ? env.context!.info.files.filter((f) => globToRegExp(p).test(f)) : [p];
      for (const path of paths) {
        const kind = kindOf(path);
        if (kind === 'archive')
          return left(
            finding,
            `unsafe here: \`${path}\` is an archive, which ADD unpacks and COPY would not`,
          );
        if (kind === 'missing')
          return left(finding, `unsafe here: \`${path}\` is not in the build context to look at`);
      }
    }
  }
  const kw = keywordRange(env.file, loc.seg);
  const written = env.file.source.slice(kw.start, kw.end);
  const copy = written === written.toLowerCase() ? 'copy' : written === 'Add' ? 'Copy' : 'COPY';
  return {
    finding,
    edits: [{ ...kw, text: copy }],
    summary: `\`${written}\` → \`${copy}\` (a local path, no archive)`,
  };
};

// ---- IG010 --------------------------------------------------------------------------------------------------

const AFTER_USER_OK = new Set([
  'CMD',
  'ENTRYPOINT',
  'EXPOSE',
  'LABEL',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'MAINTAINER',
  'ENV',
  'ARG',
]);

export const fixUser: Fixer = (finding, env) => {
  const g = env.graph;
  if (env.parsed.escape === '`' || isWindowsImage(baseOf(g.final).ref))
    return left(finding, 'not mechanical: a Windows image');
  const users = new Set<string>();
  for (const stage of g.lineage) {
    for (const instr of stage.body) {
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of analyzeRun(instr).commands) {
        for (const u of createdUsers(cmd.argv)) users.add(u);
      }
    }
  }
  // as IG010 advises: the user the image creates, else the one a shell-less or .NET base provides
  const provided = users.size === 0 ? providedUser(baseKind(baseOf(g.final))) : null;
  if (users.size !== 1 && !provided)
    return left(
      finding,
      users.size === 0
        ? 'not mechanical: the image creates no user to switch to'
        : `not mechanical: the image creates ${users.size} users (${[...users].join(', ')}): which one runs it is a choice`,
    );
  const user = provided ?? [...users][0]!;
  if (!provided && !/^[a-z_][a-z0-9_.-]*\$?$/i.test(user))
    return left(finding, `unsafe here: the user's name \`${user}\` is not a plain name`);
  const body = g.final.body;
  // before the first CMD/ENTRYPOINT, when nothing after it runs or writes as that user; else at the end
  let k = body.findIndex((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (k < 0) k = body.length;
  const after = body.slice(k).find((i) => !AFTER_USER_OK.has(i.keyword));
  if (after)
    return left(
      finding,
      `unsafe here: \`${after.text}\` (line ${after.line}) comes after CMD/ENTRYPOINT and would run as the user`,
    );
  const instruction = `USER ${user}`;
  if (k < body.length) {
    const loc = env.at(body[k]!.line)!;
    return {
      finding,
      edits: [lineBefore(env, loc.seg.start, instruction)],
      summary: `added \`${instruction}\` before \`${body[k]!.text}\``,
    };
  }
  const last = body[body.length - 1] ?? g.final.from;
  const loc = env.at(last.line)!;
  return {
    finding,
    edits: [lineAfter(env, loc.seg.end, instruction, loc.seg.start)],
    summary: `added \`${instruction}\` at the end of the final stage`,
  };
};
