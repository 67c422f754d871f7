// What ENV and ARG values an instruction sees (RuleContext.vars), which IG004, IG013 and IG015 read.
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/lint/parse.js';
import { createContext } from '../../src/lint/rule.js';
import { buildStageGraph } from '../../src/lint/stages.js';

function contextOf(text: string) {
  const parsed = parseDockerfile(text);
  const { graph } = buildStageGraph(parsed);
  const ctx = createContext(parsed, graph, [], null, 'Dockerfile');
  const stages = graph!.stages;
  /** The variables `key` at the instruction on `line`, seen from the stage that holds it. */
  const at = (line: number, key: string) => {
    const stage = stages.find((s) => s.body.some((i) => i.line === line))!;
    const instr = stage.body.find((i) => i.line === line)!;
    return ctx.vars(stage, instr).get(key);
  };
  return { at, ctx, stages };
}

describe('RuleContext.vars', () => {
  it('an instruction sees what was set before it in its lineage, not after, and the latest value', () => {
    const { at } = contextOf(
      [
        'ARG PY=3.13', // 1
        'FROM python:${PY}-slim AS base', // 2
        'ENV A=1', // 3
        'RUN a', // 4
        'ENV A=2 B=$A', // 5
        'RUN b', // 6
        'ARG PY', // 7
        'ENV C=${PY}-x', // 8
        'FROM base AS next', // 9
        'RUN c', // 10
        'ENV A=3', // 11
        'RUN d', // 12
        'FROM python:3.13-slim', // 13
        'RUN e', // 14
      ].join('\n'),
    );
    expect(at(3, 'A')).toBeUndefined();
    expect(at(4, 'A')).toBe('1');
    expect(at(5, 'A')).toBe('1');
    expect(at(6, 'A')).toBe('2');
    expect(at(6, 'B')).toBe('2'); // substituted as the line is read, as before
    expect(at(6, 'C')).toBeUndefined();
    expect(at(8, 'PY')).toBe('3.13'); // the global ARG's default, declared in the stage
    expect(at(10, 'C')).toBe('3.13-x'); // through the parent stage
    expect(at(10, 'A')).toBe('2');
    expect(at(12, 'A')).toBe('3');
    expect(at(14, 'A')).toBeUndefined(); // another lineage
    expect(at(14, 'PY')).toBeUndefined();
  });

  it('on a long Dockerfile, each instruction sees its own latest values', () => {
    const lines = ['FROM busybox:1.36'];
    for (let i = 0; i < 3000; i++) lines.push(`ENV V${i % 50}=${i}`, `RUN step ${i}`);
    const { ctx, stages } = contextOf(lines.join('\n'));
    const stage = stages[0]!;
    const runs = stage.body.filter((i) => i.keyword === 'RUN');
    expect(runs).toHaveLength(3000);
    runs.forEach((run, i) => {
      const vars = ctx.vars(stage, run);
      expect(vars.get(`V${i % 50}`)).toBe(String(i));
      expect(vars.get(`V${(i + 1) % 50}`)).toBe(i < 49 ? undefined : String(i - 49));
    });
  });
});

describe('automatic platform ARGs', () => {
  it('take the linted platform: linux/amd64 by default, or the one given', () => {
    const text = 'FROM alpine:3.20\nARG TARGETARCH\nARG TARGETOS\nRUN x\n';
    expect(contextOf(text).at(4, 'TARGETARCH')).toBe('amd64');
    const parsed = parseDockerfile(text);
    const { graph } = buildStageGraph(parsed, undefined, 'linux/arm64/v8');
    const ctx = createContext(parsed, graph, [], null, 'Dockerfile');
    const run = graph!.stages[0]!.body[2]!;
    expect(ctx.vars(graph!.stages[0]!, run).get('TARGETARCH')).toBe('arm64');
    expect(ctx.vars(graph!.stages[0]!, run).get('TARGETOS')).toBe('linux');
  });
  it('a stage that does not declare them does not see them (as in BuildKit)', () => {
    expect(contextOf('FROM alpine:3.20\nRUN x\n').at(2, 'TARGETARCH')).toBeUndefined();
  });
  it('resolve FROM base-${TARGETOS}-${TARGETARCH} to the stage of that name', () => {
    const parsed = parseDockerfile(
      'FROM alpine:3.20 AS base-linux-amd64\nFROM alpine:3.20 AS base-linux-arm64\nFROM base-${TARGETOS}-${TARGETARCH}\n',
    );
    expect(buildStageGraph(parsed).graph!.final.parent!.name).toBe('base-linux-amd64');
    expect(buildStageGraph(parsed, undefined, 'linux/arm64').graph!.final.parent!.name).toBe(
      'base-linux-arm64',
    );
  });
  it('a default written for them in the Dockerfile does not replace the platform', () => {
    const parsed = parseDockerfile('ARG TARGETARCH=arm64\nFROM alpine-${TARGETARCH}:1\n');
    expect(buildStageGraph(parsed).graph!.final.image).toBe('alpine-amd64:1');
  });
});
