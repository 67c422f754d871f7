import { graphOf, type Rule } from '../rule.js';
import { baseOf } from '../stages.js';

const FULL_SIZE = new Set([
  'python',
  'node',
  'ruby',
  'golang',
  'rust',
  'php',
  'perl',
  'openjdk',
  'eclipse-temurin',
  'buildpack-deps',
]);
const SMALL_TAG = ['slim', 'alpine', 'distroless', 'minimal', 'jre'];

export const IG002: Rule = {
  id: 'IG002',
  name: 'slim-base',
  severity: 'warning',
  summary:
    'The final stage’s base is a full-size official language image (python, node, ruby, golang, rust, php, perl, openjdk, eclipse-temurin, buildpack-deps) without a slim, alpine, distroless, minimal or jre tag.',
  rationale:
    'The full images carry a whole Debian build toolchain: hundreds of MB the running service never uses.',
  fix: 'Use the slim variant for the final stage (e.g. `python:3.13-slim`); keep the full image for a builder stage if it needs compilers.',
  check(ctx) {
    const g = graphOf(ctx);
    const base = baseOf(g.final);
    const ref = base.ref;
    if (!ref?.official || !FULL_SIZE.has(ref.official)) return [];
    if (ref.digest && !ref.tag) return [];
    const tag = (ref.tag ?? '').toLowerCase();
    if (SMALL_TAG.some((t) => tag.includes(t))) return [];
    const suggestion =
      ref.official === 'eclipse-temurin' || ref.official === 'openjdk'
        ? `${ref.official}:${tag || '21'}-jre`
        : `${ref.official}:${tag ? `${tag}-slim` : 'VERSION-slim'}`;
    return [
      {
        line: base.from.line,
        message: `\`${base.from.text}\` (line ${base.from.line}) bases the final image on \`${ref.text}\`, the full-size ${ref.official} image with a build toolchain. Use \`${suggestion}\` (or alpine/distroless) for the stage that ships.`,
        fix: `Write \`FROM ${suggestion}\` for the final stage; keep \`${ref.text}\` in a builder stage if compilers are needed.`,
      },
    ];
  },
};
