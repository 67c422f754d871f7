// The Docker engine behind one small interface, talked to through dockerode (DOCKER_HOST honoured, as the
// docker CLI does). Everything the engine says that the user can act on becomes a UserError naming the
// address tried or the image asked for.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import { UserError } from '../core/errors.js';
import { registryAuth, registryOf, withTag } from './docker-config.js';

/** The parts of `docker image inspect` used here. */
export interface EngineImage {
  Id: string;
  Size: number;
  RepoTags?: string[];
  RootFS?: { Layers?: string[] };
}

/** One row of the engine's history API (`docker history`), newest first as the engine returns them. */
export interface EngineHistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment: string;
  Tags?: string[] | null;
}

export interface DockerEngine {
  /** Where the engine was looked for: `unix:///var/run/docker.sock`, `tcp://…`. */
  readonly address: string;
  /** null when the engine does not know the image. */
  inspect(ref: string): Promise<EngineImage | null>;
  history(ref: string): Promise<EngineHistoryItem[]>;
  /** Pulls with the docker CLI's stored credentials when they are plain (`auths`); else anonymously. */
  pull(ref: string): Promise<void>;
  /** `docker save` of one image, as a stream. */
  exportImage(ref: string): Promise<Readable>;
  /** True when the engine keeps images in the containerd image store (history sizes are then disk usage). */
  isContainerdStore(): Promise<boolean>;
}

export function engineAddress(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_HOST) return env.DOCKER_HOST;
  const userSocket = join(homedir(), '.docker', 'run', 'docker.sock');
  return `unix://${existsSync(userSocket) ? userSocket : '/var/run/docker.sock'}`;
}

export function connectEngine(): DockerEngine {
  const address = engineAddress();
  let docker: Docker;
  try {
    docker = new Docker();
  } catch (error) {
    throw new UserError(
      `cannot use DOCKER_HOST=${address} (${(error as Error).message}): set it like unix:///var/run/docker.sock or tcp://HOST:2375`,
    );
  }
  return new DockerodeEngine(docker, address);
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'EPERM',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ECONNRESET',
  'EAI_AGAIN',
]);

interface ModemError extends Error {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
}

export class DockerodeEngine implements DockerEngine {
  #containerd: Promise<boolean> | undefined;

  constructor(
    private readonly docker: Docker,
    readonly address: string,
  ) {}

  async inspect(ref: string): Promise<EngineImage | null> {
    try {
      return (await this.docker.getImage(ref).inspect()) as EngineImage;
    } catch (error) {
      if ((error as ModemError).statusCode === 404) return null;
      throw this.#explain(error, `inspect ${ref}`);
    }
  }

  async history(ref: string): Promise<EngineHistoryItem[]> {
    try {
      return (await this.docker.getImage(ref).history()) as EngineHistoryItem[];
    } catch (error) {
      if ((error as ModemError).statusCode === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `read the history of ${ref}`);
    }
  }

  async pull(ref: string): Promise<void> {
    const tagged = withTag(ref);
    const auth = registryAuth(registryOf(tagged));
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.docker.pull(tagged, auth ? { authconfig: auth } : {});
    } catch (error) {
      throw this.#explain(error, `pull ${tagged}`);
    }
    await new Promise<void>((resolve, reject) => {
      this.docker.modem.followProgress(
        stream,
        (error: Error | null, events: { error?: string; errorDetail?: { message?: string } }[]) => {
          const failed = events?.find((e) => e.error || e.errorDetail);
          if (error || failed) {
            const why = error?.message ?? failed?.errorDetail?.message ?? failed?.error ?? 'unknown error';
            reject(
              new UserError(
                `cannot pull ${tagged}: ${why.split('\n')[0]}; check the name and your registry login`,
              ),
            );
          } else resolve();
        },
      );
    });
  }

  async exportImage(ref: string): Promise<Readable> {
    try {
      return (await this.docker.getImage(ref).get()) as Readable;
    } catch (error) {
      if ((error as ModemError).statusCode === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `export ${ref}`);
    }
  }

  isContainerdStore(): Promise<boolean> {
    this.#containerd ??= this.docker.info().then(
      (info: { DriverStatus?: [string, string][] | null }) =>
        (info.DriverStatus ?? []).some(
          ([key, value]) => key === 'driver-type' && value === 'io.containerd.snapshotter.v1',
        ),
      (error: unknown) => {
        throw this.#explain(error, 'read the engine info');
      },
    );
    return this.#containerd;
  }

  #explain(error: unknown, doing: string): Error {
    const e = error as ModemError;
    if (e?.code && CONNECTION_ERRORS.has(e.code)) {
      return new UserError(
        `no Docker engine answers at ${this.address} (${e.code}): start it, or set DOCKER_HOST to an engine that runs`,
      );
    }
    const message = e?.json?.message ?? e?.message ?? String(error);
    return new UserError(
      `the Docker engine at ${this.address} could not ${doing}: ${message.split('\n')[0]}`,
    );
  }
}

export function notFound(ref: string, address: string): UserError {
  return new UserError(`image ${ref} not found in the Docker engine at ${address}: build or pull it first`);
}

export { type AuthConfig, registryAuth, registryOf, withTag } from './docker-config.js';
