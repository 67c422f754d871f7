// IG104 needs to know that a file holds a secret, never the secret. While a layer streams past, a bounded
// prefix of each regular file is looked at, then dropped; nothing of the value is stored.

import type { SecretHint } from './model.js';

export const DEFAULT_SECRET_PEEK_BYTES = 64 * 1024;

const BEGIN = Buffer.from('-----BEGIN');
const PRIVATE_KEY_LINE = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
// A PEM header line is shorter than this.
const LINE = 96;

/** True when `buf` holds a PEM private-key header line. */
function holdsPrivateKey(buf: Buffer): boolean {
  for (let i = buf.indexOf(BEGIN); i !== -1; i = buf.indexOf(BEGIN, i + 1)) {
    if (PRIVATE_KEY_LINE.test(buf.toString('latin1', i, i + LINE))) return true;
  }
  return false;
}

/** Which config-file check a path calls for, beyond the private-key scan every regular file gets. */
function configKind(path: string): 'npmrc' | 'docker-config' | null {
  if (path === '.npmrc' || path.endsWith('/.npmrc')) return 'npmrc';
  if (path === '.docker/config.json' || path.endsWith('/.docker/config.json')) return 'docker-config';
  return null;
}

/** Whether a docker CLI config's `auths` carries a credential (`auth`, `identitytoken` or `password`). */
function dockerConfigHasAuths(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { auths?: Record<string, Record<string, unknown>> };
    const auths = parsed?.auths;
    if (!auths || typeof auths !== 'object') return false;
    return Object.values(auths).some(
      (cred) =>
        !!cred &&
        typeof cred === 'object' &&
        ['auth', 'identitytoken', 'password'].some((k) => typeof cred[k] === 'string' && cred[k] !== ''),
    );
  } catch {
    // Cut at the peek limit or not JSON: fall back to the shape of a filled-in credential.
    return /"auths"\s*:/.test(text) && /"(auth|identitytoken|password)"\s*:\s*"[^"]/.test(text);
  }
}

/** What the first bytes of a regular file (at most the peek limit of them) say about a secret in it. */
export function secretIn(path: string, head: Buffer): SecretHint | undefined {
  if (holdsPrivateKey(head)) return 'private-key';
  const kind = configKind(path);
  if (!kind) return undefined;
  const text = head.toString('utf8');
  if (kind === 'npmrc' && text.includes('_authToken')) return 'npm-token';
  if (kind === 'docker-config' && dockerConfigHasAuths(text)) return 'docker-auths';
  return undefined;
}
