import { builtStages, type Rule, type RuleReport } from '../rule.js';

export const IG014: Rule = {
  id: 'IG014',
  name: 'unpinned-base',
  severity: 'warning',
  summary: 'A FROM image (after resolving ARG defaults) has neither tag nor digest, or its tag is `latest`.',
  rationale:
    'The base changes under the Dockerfile: builds are not reproducible and a new major version can arrive unnoticed.',
  fix: 'Pin the image to a version tag (`IMAGE:<version>`) or a digest (`IMAGE@sha256:…`).',
  check(ctx) {
    const out: RuleReport[] = [];
    for (const stage of builtStages(ctx)) {
      const ref = stage.ref;
      if (!ref || ref.digest) continue;
      const tag = ref.tag?.toLowerCase() ?? null;
      if (tag !== null && tag !== 'latest') continue;
      // the image it found, never another: `fedora` is pinned as `fedora:<version>`, not as some python tag
      const name = ref.registry ? `${ref.registry}/${ref.path}` : ref.path;
      out.push({
        line: stage.from.line,
        message: `\`${stage.from.text}\` (line ${stage.from.line}) uses \`${ref.text}\`, ${tag === null ? 'with no tag (that means latest)' : 'tagged latest'}: the base changes under you. Pin a version, e.g. \`${name}:<version>\`.`,
        fix: `Pin \`${name}\` to a version tag (\`${name}:<version>\`) or a digest (\`${name}@sha256:…\`).`,
      });
    }
    return out;
  },
};
