import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { planImage } from '../../src/image/image-layout.js';

const hex = (c: string) => c.repeat(64);
const manifest = (
  config: string,
  layers: string[],
  layerType = 'application/vnd.oci.image.layer.v1.tar+gzip',
) =>
  Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${config}` },
      layers: layers.map((l) => ({ mediaType: layerType, digest: `sha256:${l}` })),
    }),
  );

function lookup(files: Record<string, Buffer | object>) {
  return (path: string) => {
    const v = files[path];
    if (v === undefined) return undefined;
    return Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v));
  };
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('planImage', () => {
  const amd = { os: 'linux', architecture: 'amd64' };
  const arm = { os: 'linux', architecture: 'arm64' };
  const files = {
    [`blobs/sha256/${hex('a')}`]: manifest(hex('c'), [hex('1'), hex('2')]),
    [`blobs/sha256/${hex('b')}`]: manifest(hex('d'), [hex('3')]),
    [`blobs/sha256/${hex('e')}`]: {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${hex('a')}`,
          platform: amd,
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${hex('b')}`,
          platform: arm,
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${hex('f')}`,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    },
  };

  it.runIf(process.arch === 'x64')(
    'follows a nested multi-platform index to this platform, skipping attestations',
    () => {
      const index = {
        schemaVersion: 2,
        manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${hex('e')}` }],
      };
      expect(planImage(lookup({ ...files, 'index.json': index }), 'oci-archive:x.tar')).toEqual({
        config: `blobs/sha256/${hex('c')}`,
        layers: [`blobs/sha256/${hex('1')}`, `blobs/sha256/${hex('2')}`],
      });
    },
  );

  it('picks by ref name, and says when it cannot choose', () => {
    const index = {
      schemaVersion: 2,
      manifests: [
        { digest: `sha256:${hex('a')}`, annotations: { 'org.opencontainers.image.ref.name': 'v1' } },
        { digest: `sha256:${hex('b')}`, annotations: { 'org.opencontainers.image.ref.name': 'v2' } },
      ],
    };
    const json = lookup({ ...files, 'index.json': index });
    expect(planImage(json, 'oci:dir', 'v2').layers).toEqual([`blobs/sha256/${hex('3')}`]);
    expect(planImage(json, 'oci:dir', 'example.org/app:v1').layers).toHaveLength(2);
    expect(failure(() => planImage(json, 'oci:dir'))).toBe(
      'oci:dir holds 2 images (v1; v2) and image-guard reads one: copy only the image to analyze',
    );
  });

  it('prefers manifest.json and picks a tag from it', () => {
    const json = lookup({
      'manifest.json': [
        { Config: 'a.json', RepoTags: ['app:1'], Layers: ['x/layer.tar'] },
        { Config: 'b.json', RepoTags: ['app:2'], Layers: ['./y/layer.tar'] },
      ],
      'index.json': { manifests: [] },
    });
    expect(planImage(json, 'docker-archive:f', 'app:2')).toEqual({
      config: 'b.json',
      layers: ['y/layer.tar'],
    });
    expect(failure(() => planImage(json, 'docker-archive:f'))).toMatch(/holds 2 images \(app:1; app:2\)/);
  });

  it('refuses unknown media types and artifacts', () => {
    const weird = lookup({
      'index.json': { manifests: [{ digest: `sha256:${hex('a')}` }] },
      [`blobs/sha256/${hex('a')}`]: manifest(hex('c'), [hex('1')], 'application/vnd.example+squashfs'),
    });
    expect(failure(() => planImage(weird, 'oci:d'))).toMatch(
      /unknown media type application\/vnd.example\+squashfs/,
    );
    const helm = lookup({
      'index.json': { manifests: [{ digest: `sha256:${hex('a')}` }] },
      [`blobs/sha256/${hex('a')}`]: {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: `sha256:${hex('c')}` },
        layers: [],
      },
    });
    expect(failure(() => planImage(helm, 'oci:d'))).toMatch(
      /artifact with config media type .*helm.*not a container image/,
    );
    expect(
      failure(() =>
        planImage(lookup({ 'index.json': { manifests: [{ digest: 'sha256:../../etc' }] } }), 'oci:d'),
      ),
    ).toMatch(/invalid digest/);
  });
});
