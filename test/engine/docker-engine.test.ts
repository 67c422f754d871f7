import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { registryOf, withTag } from '../../src/core/image-ref.js';
import { registryAuth } from '../../src/engine/docker-config.js';
import { connectEngine, type EngineHistoryItem } from '../../src/engine/docker-engine.js';
import { engineAddress } from '../../src/engine/engine-endpoint.js';
import { classifyInstruction, historyFromEngine, readEngineImage } from '../../src/engine/engine-image.js';
import { mapHistory } from '../../src/image/image-config.js';

const tmp = mkdtempSync(join(tmpdir(), 'ig-engine-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function item(CreatedBy: string, Size = 0, Comment = ''): EngineHistoryItem {
  return { Id: '<missing>', Created: 0, CreatedBy, Size, Comment };
}

describe('engine history without empty_layer', () => {
  it('classifies both builders shapes', () => {
    expect(classifyInstruction('/bin/sh -c #(nop) ADD file:abc in / ')).toBe('layer');
    expect(classifyInstruction('/bin/sh -c #(nop) COPY file:abc in /app ')).toBe('layer');
    expect(classifyInstruction('/bin/sh -c #(nop) WORKDIR /app')).toBe('layer');
    expect(classifyInstruction('/bin/sh -c #(nop)  CMD ["/bin/sh"]')).toBe('empty');
    expect(classifyInstruction('/bin/sh -c #(nop)  ENV A=1')).toBe('empty');
    expect(classifyInstruction('/bin/sh -c mkdir /x')).toBe('layer');
    expect(classifyInstruction('|1 V=2 /bin/sh -c make')).toBe('layer');
    expect(classifyInstruction('RUN /bin/sh -c make # buildkit')).toBe('layer');
    expect(classifyInstruction('COPY data /d # buildkit')).toBe('layer');
    expect(classifyInstruction('WORKDIR /app')).toBe('layer');
    expect(classifyInstruction('ENV A=1')).toBe('empty');
    expect(classifyInstruction('CMD ["/bin/sh"]')).toBe('empty');
    expect(classifyInstruction('')).toBe('maybe');
  });

  it('marks zero-size layer-making steps as layers until RootFS.Layers is matched', () => {
    // newest first, as the engine returns it
    const items = [
      item('CMD ["x"]', 0, 'buildkit.dockerfile.v0'),
      item('RUN /bin/sh -c mkdir /empty # buildkit', 0, 'buildkit.dockerfile.v0'),
      item('ENV A=1', 0, 'buildkit.dockerfile.v0'),
      item('COPY big /big # buildkit', 5000, 'buildkit.dockerfile.v0'),
      item('/bin/sh -c #(nop)  CMD ["/bin/sh"]'),
      item('', 2000, 'Imported from -'),
    ];
    const { history, layerSizes } = historyFromEngine(items, 3);
    expect(history.map((h) => h.emptyLayer)).toEqual([false, true, false, true, false, true]);
    expect(layerSizes).toEqual([2000, 5000, 0]);
    expect(history[0]!.comment).toBe('Imported from -');
    const mapped = mapHistory({ diffIds: ['sha256:a', 'sha256:b', 'sha256:c'], history });
    expect(mapped.filter((m) => !m.empty).map((m) => m.createdBy)).toEqual([
      '',
      'COPY big /big # buildkit',
      'RUN /bin/sh -c mkdir /empty # buildkit',
    ]);
  });
});

describe('engine adapter', () => {
  it('names the address tried when no engine answers', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = `unix://${tmp}/no-such.sock`;
    try {
      const engine = connectEngine();
      expect(engine.address).toBe(`unix://${tmp}/no-such.sock`);
      const error = await readEngineImage('app:pr', { files: false, pull: false, engine }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toBe(
        `no Docker engine answers at unix://${tmp}/no-such.sock (ENOENT): start it, or set DOCKER_HOST to an engine that runs`,
      );
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it('finds the address like the docker CLI', () => {
    expect(engineAddress({ DOCKER_HOST: 'tcp://10.0.0.1:2375' })).toBe('tcp://10.0.0.1:2375');
    expect(engineAddress({})).toMatch(/^unix:\/\/.*docker\.sock$/);
  });

  it('tags and locates references', () => {
    expect(withTag('busybox')).toBe('busybox:latest');
    expect(withTag('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(withTag('localhost:5000/app:1')).toBe('localhost:5000/app:1');
    expect(withTag('app@sha256:abc')).toBe('app@sha256:abc');
    expect(registryOf('busybox:1')).toBe('docker.io');
    expect(registryOf('org/app:1')).toBe('docker.io');
    expect(registryOf('ghcr.io/org/app:1')).toBe('ghcr.io');
    expect(registryOf('localhost:5000/app')).toBe('localhost:5000');
  });

  it('reads plain credentials from the docker config and leaves helpers alone', () => {
    writeFileSync(
      join(tmp, 'config.json'),
      JSON.stringify({
        auths: {
          'ghcr.io': { auth: Buffer.from('me:s3cret').toString('base64') },
          'https://index.docker.io/v1/': { identitytoken: 'tok' },
          'quay.io': {},
        },
        credsStore: 'desktop',
      }),
    );
    const env = { DOCKER_CONFIG: tmp };
    expect(registryAuth('ghcr.io', env)).toEqual({
      username: 'me',
      password: 's3cret',
      serveraddress: 'ghcr.io',
    });
    expect(registryAuth('docker.io', env)).toEqual({
      identitytoken: 'tok',
      serveraddress: 'https://index.docker.io/v1/',
    });
    expect(registryAuth('quay.io', env)).toBeUndefined();
    expect(registryAuth('ghcr.io', { DOCKER_CONFIG: join(tmp, 'none') })).toBeUndefined();
  });
});
