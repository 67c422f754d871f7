import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** True when a Docker engine answers; the engine tier is skipped (and reported skipped) otherwise. */
export const engineAvailable: boolean = (() => {
  try {
    execFileSync(DOCKER, ['info'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
})();

export const BUSYBOX = process.env.IG_BUSYBOX_IMAGE ?? 'image-guard-fixture/busybox:1';
export const REGISTRY = `127.0.0.1:${process.env.IG_REGISTRY_PORT ?? '5000'}`;

export async function docker(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(DOCKER, args, {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

export type Builder = 'buildkit' | 'legacy';

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
    await docker(['build', '-q', '-t', tag, dir], { DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function inspectSize(ref: string): Promise<number> {
  return Number(await docker(['image', 'inspect', '--format', '{{.Size}}', ref]));
}

export async function removeImages(...refs: string[]): Promise<void> {
  await run(DOCKER, ['image', 'rm', '-f', ...refs]).catch(() => undefined);
}

export function uniqueTag(name: string): string {
  return `image-guard-test/${name}:${process.pid}-${Date.now().toString(36)}`;
}
