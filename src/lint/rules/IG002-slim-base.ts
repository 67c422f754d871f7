import { officialImageOf } from '../../core/image-ref.js';
import { graphOf, type Rule } from '../rule.js';
import { baseOf } from '../stages.js';
import { isWindowsImage } from '../windows.js';

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
const CODENAME = /-(trixie|bookworm|bullseye|buster|noble|jammy|focal)$/;

/**
 * A smaller tag family the image really publishes for `tag`: golang and rust publish no `-slim` for the
 * runtime (build with them and ship the binary), php none at all, the JDK images ship a JRE instead.
 */
function smallerBase(official: string, tag: string): { image: string; advice: string } {
  const codename = CODENAME.exec(tag)?.[1] ?? null;
  const version = (codename ? tag.slice(0, -codename.length - 1) : tag) || 'VERSION';
  switch (official) {
    case 'node': {
      const image = `node:${codename ? `${version}-${codename}-slim` : `${version}-slim`}`;
      return { image, advice: `Use \`${image}\` (or alpine) for the stage that ships.` };
    }
    case 'golang':
    case 'rust': {
      const image = `${official}:${version.replace(/-?(bookworm|bullseye)$/, '')}-alpine`;
      return {
        image,
        advice: `Build in a \`FROM ${official}:… AS build\` stage and copy the binary into a small runtime base (\`gcr.io/distroless/static-debian12\`, \`gcr.io/distroless/cc-debian12\` or \`debian:12-slim\`), or use \`${image}\`.`,
      };
    }
    case 'php': {
      const v = version.replace(/-(cli|apache|fpm|zts)$/, '');
      const image = `php:${v}-${/fpm|apache/.test(version) ? 'fpm-alpine' : 'alpine'}`;
      return { image, advice: `Use \`${image}\` (the official php image publishes no -slim tag).` };
    }
    case 'openjdk':
    case 'eclipse-temurin': {
      const image = `${official}:${/jdk/.test(version) ? version.replace('jdk', 'jre') : `${version === 'VERSION' ? '21' : version}-jre`}`;
      return { image, advice: `Use \`${image}\` (a JRE, no compiler) for the stage that ships.` };
    }
    case 'buildpack-deps': {
      const image = `debian:${codename ?? (/^[a-z]+$/.test(version) ? version : 'bookworm')}-slim`;
      return { image, advice: `Use \`${image}\` and install only the runtime libraries the service needs.` };
    }
    default: {
      // python, ruby, perl: `3.13-slim`, `3.13-slim-bookworm`
      const image = `${official}:${codename ? `${version}-slim-${codename}` : `${version}-slim`}`;
      return { image, advice: `Use \`${image}\` (or alpine) for the stage that ships.` };
    }
  }
}

export const IG002: Rule = {
  id: 'IG002',
  name: 'slim-base',
  severity: 'warning',
  summary:
    'The final stage’s base is a full-size official language image (python, node, ruby, golang, rust, php, perl, openjdk, eclipse-temurin, buildpack-deps) without a slim, alpine, distroless, minimal or jre tag (Windows tags are not judged).',
  rationale:
    'The full images carry a whole Debian build toolchain: hundreds of MB the running service never uses.',
  fix: 'Use a small variant the image publishes for the final stage (python/node/ruby: `-slim`; golang/rust: build, then copy the binary into distroless or a slim base; php: `-alpine`; JDK images: `-jre`); keep the full image for a builder stage.',
  check(ctx) {
    const g = graphOf(ctx);
    const base = baseOf(g.final);
    const ref = base.ref;
    const official = ref ? officialImageOf(ref) : null;
    if (!ref || !official || !FULL_SIZE.has(official)) return [];
    if (ref.digest && !ref.tag) return [];
    const tag = (ref.tag ?? '').toLowerCase();
    if (SMALL_TAG.some((t) => tag.includes(t)) || isWindowsImage(ref)) return [];
    const { image, advice } = smallerBase(official, tag);
    return [
      {
        line: base.from.line,
        message: `\`${base.from.text}\` (line ${base.from.line}) bases the final image on \`${ref.text}\`, the full-size ${official} image with a build toolchain. ${advice}`,
        fix: `Write \`FROM ${image}\` for the final stage; keep \`${ref.text}\` in a builder stage if compilers are needed.`,
      },
    ];
  },
};
