import { describe, expect, it } from 'vitest';
import { layer } from '../helpers.js';
import { findings, ids } from './run.js';

describe('IG104 secret-in-image', () => {
  it.each([
    ['app/.env', undefined],
    ['app/.env.production', undefined],
    ['root/.ssh/id_rsa', undefined],
    ['root/.ssh/id_ed25519', undefined],
    ['etc/ssl/private/server.key', 'private-key'],
    ['root/.npmrc', 'npm-token'],
    ['root/.aws/credentials', undefined],
    ['root/.docker/config.json', 'docker-auths'],
  ] as const)('fires for %s, naming it without its value', (path, secret) => {
    const f = findings(layer({ path, size: 64, secret: secret as never }));
    expect(ids(f)).toEqual(['IG104']);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message).toContain(`/${path}`);
  });
  it.each([
    ['app/.env.example', undefined],
    ['app/.env.sample', undefined],
    ['root/.ssh/id_rsa.pub', undefined],
    ['root/.npmrc', undefined],
    ['root/.docker/config.json', undefined],
    ['app/config.json', undefined],
  ] as const)('stays quiet for %s', (path, secret) => {
    expect(ids(findings(layer({ path, size: 64, secret: secret as never })))).toEqual([]);
  });
  it('stays quiet when a later layer deleted the secret', () => {
    expect(ids(findings(layer('app/.env:10'), layer('-app/.env')))).toEqual([]);
  });
});
