// IG104 needs to know that a file holds a secret, never the secret. While a layer streams past, a bounded
// prefix of each regular file is looked at (and kept only for the two config files that must be parsed);
// nothing of the value is stored.

import type { ReadEntry } from 'tar';
import type { SecretHint } from './model.js';

export const DEFAULT_SECRET_PEEK_BYTES = 64 * 1024;

const BEGIN = Buffer.from('-----BEGIN');
const PRIVATE_KEY_LINE = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const CARRY = 96;

/** True when `buf` holds a PEM private-key header line. */
export function holdsPrivateKey(buf: Buffer): boolean {
  for (let i = buf.indexOf(BEGIN); i !== -1; i = buf.indexOf(BEGIN, i + 1)) {
    if (PRIVATE_KEY_LINE.test(buf.toString('latin1', i, i + CARRY))) return true;
  }
  return false;
}

/** Which config-file check a path calls for, beyond the private-key scan every regular file gets. */
export function configKind(path: string): 'npmrc' | 'docker-config' | null {
  if (path === '.npmrc' || path.endsWith('/.npmrc')) return 'npmrc';
  if (path === '.docker/config.json' || path.endsWith('/.docker/config.json')) return 'docker-config';
  return null;
}

/** Whether a docker CLI config's `auths` carries a credential (`auth`, `identitytoken` or `password`). */
export function dockerConfigHasAuths(text: string): boolean {
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

/**
 * Reads the first `limit` bytes of a member as they stream by, then lets node-tar drop the rest without
 * delivering it. Calls `found` with the hint when there is one.
 */
export function peekForSecret(
  entry: ReadEntry,
  path: string,
  limit: number,
  found: (hint: SecretHint) => void,
): void {
  const kind = configKind(path);
  const kept: Buffer[] = [];
  let seen = 0;
  let carry: Buffer | undefined;
  let privateKey = false;
  entry.on('data', (chunk: Buffer) => {
    if (seen >= limit) return;
    const part = seen + chunk.length > limit ? chunk.subarray(0, limit - seen) : chunk;
    seen += part.length;
    if (!privateKey) {
      privateKey =
        holdsPrivateKey(part) ||
        (carry !== undefined && holdsPrivateKey(Buffer.concat([carry, part.subarray(0, CARRY)])));
      carry =
        part.length >= CARRY
          ? part.subarray(part.length - CARRY)
          : Buffer.concat(carry ? [carry, part] : [part]);
      if (carry.length > CARRY) carry = carry.subarray(carry.length - CARRY);
    }
    if (kind) kept.push(part);
    if (seen >= limit || (privateKey && !kind)) entry.ignore = true;
  });
  entry.on('end', () => {
    if (privateKey) return found('private-key');
    if (!kind) return;
    const text = Buffer.concat(kept).toString('utf8');
    if (kind === 'npmrc' && text.includes('_authToken')) found('npm-token');
    if (kind === 'docker-config' && dockerConfigHasAuths(text)) found('docker-auths');
  });
}
