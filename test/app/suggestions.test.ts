import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerfileSuggestions, planSuggestions } from '../../src/app/suggestions.js';
import { emptyConfig } from '../../src/config/config.js';
import { lint } from '../../src/lint/engine.js';

const plan = (text: string) => {
  const options = { file: 'Dockerfile' };
  return planSuggestions({ text, findings: lint(text, null, options), context: null, options }).map(
    ({ findings, ...s }) => ({ ...s, rules: findings.map((f) => f.rule) }),
  );
};

describe('planSuggestions', () => {
  it('gives the lines each kept fix touches and those lines fixed', () => {
    const text = [
      'FROM python:3.13-slim',
      'RUN apt-get update && \\',
      '    apt-get install -y --no-install-recommends curl',
      'RUN pip install flask',
      'CMD ["python", "app.py"]',
      '',
    ].join('\n');
    expect(plan(text)).toEqual([
      {
        id: 'IG016@1-1',
        startLine: 1,
        line: 1,
        original: ['FROM python:3.13-slim'],
        replacement: ['FROM python:3.13-slim', 'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1'],
        rules: ['IG016'],
      },
      {
        id: 'IG005@3-3',
        startLine: 3,
        line: 3,
        original: ['    apt-get install -y --no-install-recommends curl'],
        replacement: [
          '    apt-get install -y --no-install-recommends curl && \\',
          '    rm -rf /var/lib/apt/lists/*',
        ],
        rules: ['IG005'],
      },
      {
        id: 'IG004@4-4',
        startLine: 4,
        line: 4,
        original: ['RUN pip install flask'],
        replacement: ['RUN pip install --no-cache-dir flask'],
        rules: ['IG004'],
      },
    ]);
  });

  it('merges fixes of the same line into one suggestion, and keeps fixes of other lines apart', () => {
    const text = [
      'FROM python:3.13-slim',
      'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
      'RUN pip install flask && apt-get update && apt-get install -y --no-install-recommends curl',
      'RUN pip install gunicorn && \\',
      '    apk add curl',
      'CMD ["python", "app.py"]',
      '',
    ].join('\n');
    expect(plan(text).map((s) => [s.id, s.replacement])).toEqual([
      [
        'IG004+IG005@3-3',
        [
          'RUN pip install --no-cache-dir flask && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
        ],
      ],
      ['IG004@4-4', ['RUN pip install --no-cache-dir gunicorn && \\']],
      ['IG005@5-5', ['    apk add --no-cache curl']],
    ]);
  });

  it('keeps CRLF files to their lines, without the carriage returns, and gives nothing for findings left to a person', () => {
    const text = 'FROM alpine:3.20\r\nRUN apk add curl\r\nCMD ["sh"]\r\n';
    expect(plan(text).map((s) => [s.id, s.original, s.replacement])).toEqual([
      ['IG005@2-2', ['RUN apk add curl'], ['RUN apk add --no-cache curl']],
    ]);
    expect(
      plan('FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y curl\n').map((s) => s.id),
    ).not.toContain('IG006@2-2');
  });

  it('a fix appended after the last line is suggested on that line', () => {
    const text = 'FROM python:3.13-slim\n';
    expect(plan(text)).toEqual([
      {
        id: 'IG016@1-1',
        startLine: 1,
        line: 1,
        original: ['FROM python:3.13-slim'],
        replacement: ['FROM python:3.13-slim', 'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1'],
        rules: ['IG016'],
      },
    ]);
  });
});

describe('dockerfileSuggestions', () => {
  const write = (text: string | Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-suggest-'));
    writeFileSync(join(dir, 'Dockerfile'), text);
    return dir;
  };
  const request = (dir: string) => ({
    dockerfile: join(dir, 'Dockerfile'),
    context: dir,
    target: null,
    platform: null,
    buildContexts: [],
    config: emptyConfig(),
  });
  const file = 'FROM debian:12\r\nRUN pip install -r requirements.txt\r\nUSER app\r\n';

  it('lints the file itself when no findings are given, and keeps the BOM and CRLF of the file', async () => {
    const dir = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file)]));
    try {
      const { suggestions, eol } = await dockerfileSuggestions(request(dir));
      expect(eol).toBe('\r\n');
      expect(suggestions.map((s) => s.id)).toEqual(['IG004@2-2']);
      expect(suggestions[0]!.replacement).toEqual(['RUN pip install --no-cache-dir -r requirements.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plans from the findings it is given (the comparison’s own lint) instead of linting again', async () => {
    const dir = write(file);
    try {
      const { suggestions } = await dockerfileSuggestions({ ...request(dir), findings: [] });
      expect(suggestions).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
