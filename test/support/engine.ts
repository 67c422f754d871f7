import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The docker.io 20.10 client when present (it has the BuildKit that the engine here speaks), else PATH's. */
export const DOCKER = (() => {
  try {
    execFileSync('/usr/bin/docker', ['--version'], { stdio: 'ignore' });
    return '/usr/bin/docker';
  } catch {
    return 'docker';
  }
})();

/**
 * The engine this test project talks to. vitest.config.ts runs the engine tier twice: `engine` on the engine
 * that answers by default (DOCKER_HOST or the default socket: the classic 20.10 engine here, the runner's own
 * Docker in GitHub's CI) and `engine-modern` with DOCKER_HOST set to Docker 26 with the containerd image store.
 * `name` says which project this is; `containerdStore` is what the engine itself reports (`docker info`), and
 * is what the tests branch on.
 */
export interface EngineUnderTest {
  name: 'classic' | 'modern';
  /** DOCKER_HOST, or '' for the default socket. */
  host: string;
  available: boolean;
  /** The engine says `driver-type: io.containerd.snapshotter.v1`: the containerd image store. */
  containerdStore: boolean;
  /** `docker buildx version` answers: BuildKit builds go through `docker buildx build --load`, as on runners. */
  buildx: boolean;
}

export const ENGINE: EngineUnderTest = (() => {
  const name = process.env.IG_ENGINE === 'modern' ? 'modern' : 'classic';
  const host = process.env.DOCKER_HOST ?? '';
  let driverStatus: string | null = null;
  try {
    driverStatus = execFileSync(DOCKER, ['info', '--format', '{{json .DriverStatus}}'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20_000,
    });
  } catch {
    driverStatus = null;
  }
  let buildx = false;
  try {
    execFileSync(DOCKER, ['buildx', 'version'], { stdio: 'ignore', timeout: 20_000 });
    buildx = true;
  } catch {
    buildx = false;
  }
  const available = driverStatus !== null;
  // Under CI=true a missing engine is an error, never a silent skip: scripts/test-env.sh fails first, and a
  // tier started without it fails here.
  if (!available && process.env.CI === 'true') {
    throw new Error(
      `CI=true: no Docker engine answers for the ${name} engine tier (DOCKER_HOST=${host || 'unset'})`,
    );
  }
  const containerdStore = available && /io\.containerd\.snapshotter/.test(driverStatus ?? '');
  return { name, host, available, containerdStore, buildx };
})();

/** True when a Docker engine answers; the engine tier is skipped (and reported skipped) otherwise. */
export const engineAvailable: boolean = ENGINE.available;

/**
 * The legacy builder is tested on the classic store only: runners build with BuildKit (buildx), the legacy
 * builder is deprecated, and on the containerd store it is not what anyone's CI runs.
 */
export const legacyBuilderTested: boolean = ENGINE.available && !ENGINE.containerdStore;

export const BUSYBOX = process.env.IG_BUSYBOX_IMAGE ?? 'image-guard-fixture/busybox:1';
export const REGISTRY = `127.0.0.1:${process.env.IG_REGISTRY_PORT ?? '5000'}`;

/** Where the modern engine answers (vitest.config.ts gives it to the engine-modern project as DOCKER_HOST). */
export const MODERN_DOCKER_HOST =
  process.env.IG_MODERN_DOCKER_HOST ??
  `unix://${process.env.IG_MODERN_SOCKET ?? '/run/image-guard-modern/docker.sock'}`;

export async function docker(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(DOCKER, args, {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

export type Builder = 'buildkit' | 'legacy';

/**
 * The arguments and environment of a build with `builder`: BuildKit through `docker buildx build --load`, as
 * runners build (DOCKER_BUILDKIT=1 `docker build` where buildx is missing), the legacy builder through
 * DOCKER_BUILDKIT=0 `docker build`.
 */
export function buildCommand(
  builder: Builder,
  args: string[],
): { args: string[]; env: Record<string, string> } {
  if (builder === 'buildkit' && ENGINE.buildx)
    return { args: ['buildx', 'build', '--load', ...args], env: {} };
  return { args: ['build', ...args], env: { DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0' } };
}

/** Builds a Dockerfile (text) with the given builder into `tag`, in a scratch context with `files`. */
export async function build(
  tag: string,
  dockerfile: string,
  builder: Builder,
  files: Record<string, string> = {},
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ig-build-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const cmd = buildCommand(builder, ['-q', '-t', tag, dir]);
    await docker(cmd.args, cmd.env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function inspectSize(ref: string): Promise<number> {
  return Number(await docker(['image', 'inspect', '--format', '{{.Size}}', ref]));
}

/** A layer's content as GNU tar lists it: regular files' bytes, and the lengths of its symlinks' targets. */
export interface LayerContent {
  fileBytes: number;
  linkBytes: number;
}

/**
 * Each layer's content, counted by GNU tar on the layer tars of a `docker save`, independently of image-guard's
 * reader: regular files' bytes (a hard link adds none) and the length of each symlink's target. Their sum is
 * what the classic store counts for a layer (`contentSizes`); on the containerd store `docker image inspect`
 * and `docker history` count something else (the compressed blobs and the unpacked snapshots), so tests
 * compare with this instead. `env` reaches another engine (DOCKER_HOST).
 */
export async function layerContents(ref: string, env: Record<string, string> = {}): Promise<LayerContent[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ig-content-'));
  try {
    await docker(['save', '-o', join(dir, 'image.tar'), ref], env);
    await run('tar', ['-C', dir, '-xf', join(dir, 'image.tar')]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
    const layers: LayerContent[] = [];
    for (const layer of manifest[0]!.Layers) {
      // GNU tar detects gzip and zstd blobs by itself when it reads a file.
      const { stdout } = await run('tar', ['--numeric-owner', '-tvf', join(dir, layer)], {
        maxBuffer: 256 * 1024 * 1024,
      });
      layers.push(countListing(stdout));
    }
    return layers;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function contentSizes(ref: string): Promise<number[]> {
  return (await layerContents(ref)).map((l) => l.fileBytes + l.linkBytes);
}

/** `tar -tv` lines: `-rw-r--r-- 0/0 100 2026-12-02 01:44 name`, `lrwxrwxrwx 0/0 0 … name -> target`. */
function countListing(listing: string): LayerContent {
  const counted = { fileBytes: 0, linkBytes: 0 };
  for (const line of listing.split('\n')) {
    const m = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '-') counted.fileBytes += Number(m[2]);
    else if (m[1] === 'l') counted.linkBytes += Buffer.byteLength(m[3]!.slice(m[3]!.lastIndexOf(' -> ') + 4));
  }
  return counted;
}

export async function removeImages(...refs: string[]): Promise<void> {
  await run(DOCKER, ['image', 'rm', '-f', ...refs]).catch(() => undefined);
}

/** A tag no other run, and not the other engine's project, uses (the registry is shared by both). */
export function uniqueTag(name: string): string {
  return `image-guard-test/${name}:${ENGINE.name}-${process.pid}-${Date.now().toString(36)}`;
}
