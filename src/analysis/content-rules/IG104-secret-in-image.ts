import { pathOf, walk } from '../filesystem.js';
import type { ContentRule } from './rule.js';

const KEY_NAMES = new Set(['id_rsa', 'id_ecdsa', 'id_ed25519', 'id_dsa']);
const ENV_TEMPLATES = new Set(['example', 'sample', 'template', 'dist']);

/** What kind of secret a final-filesystem file is, or null. Never reads or returns the value. */
function secretKind(path: string, name: string, hint: string | undefined): string | null {
  if (name === '.env') return 'an environment file';
  if (name.startsWith('.env.') && !ENV_TEMPLATES.has(name.slice(5))) return 'an environment file';
  if (KEY_NAMES.has(name)) return 'an SSH private key';
  if (hint === 'private-key') return 'a private key';
  if (name === '.npmrc' && hint === 'npm-token') return 'an npm auth token';
  if (path.endsWith('/.aws/credentials')) return 'AWS credentials';
  if (path.endsWith('/.docker/config.json') && hint === 'docker-auths') return 'registry credentials';
  return null;
}

export const IG104: ContentRule = {
  id: 'IG104',
  name: 'secret-in-image',
  severity: 'error',
  summary:
    'The final filesystem holds `.env`, an SSH private key, a PEM private key, `.npmrc` with `_authToken`, `.aws/credentials` or `.docker/config.json` with credentials. The value is never printed.',
  rationale:
    'Anyone who can pull the image can read every file in every layer: a credential shipped in an image is a credential leaked, even when a later layer deletes it.',
  fix: 'Keep it out of the build context (.dockerignore) and pass secrets at build time with `RUN --mount=type=secret,id=…`, or at run time; rotate it, since anyone who pulls the image has it.',
  check(ctx) {
    const hits = [];
    for (const node of walk(ctx.root)) {
      if (node.kind !== 'file' && node.kind !== 'hardlink') continue;
      const path = pathOf(node);
      const kind = secretKind(path, node.name, node.secret);
      if (!kind) continue;
      hits.push({
        message: `\`${path}\` is ${kind}, shipped in ${ctx.describeLayer(node.layer)}; its content is not shown.`,
        bytes: node.size,
      });
    }
    return hits;
  },
};
