import { builtStages, type Rule, type RuleReport } from '../rule.js';

export const IG014: Rule = {
  id: 'IG014',
  name: 'unpinned-base',
  severity: 'warning',
  summary: 'A FROM image (after resolving ARG defaults) has neither tag nor digest, or its tag is `latest`.',
  rationale:
    'The base changes under the Dockerfile: builds are not reproducible and a new major version can arrive unnoticed.',
  fix: 'Pin a version tag (`python:3.13-slim`), or a digest (`python:3.13-slim@sha256:…`).',
  check(ctx) {
    const out: RuleReport[] = [];
    for (const stage of builtStages(ctx)) {
      const ref = stage.ref;
      if (!ref || ref.digest) continue;
      const tag = ref.tag?.toLowerCase() ?? null;
      if (tag !== null && tag !== 'latest') continue;
      out.push({
        line: stage.from.line,
        message: `\`${stage.from.text}\` (line ${stage.from.line}) uses \`${ref.text}\`, ${tag === null ? 'with no tag (that means latest)' : 'tagged latest'}: the base changes under you. Pin a version, e.g. \`${ref.text.replace(/:latest$/i, '')}:<version>\`.`,
      });
    }
    return out;
  },
};
