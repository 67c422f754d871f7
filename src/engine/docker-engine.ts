// The Docker engine behind one small interface. Requests go through dockerode's modem
// (engine-modem.ts, loaded at the first request, not before), to the engine the docker CLI would use
// (engine-endpoint.ts: DOCKER_HOST, the current docker context, the default socket). Every reference is checked
// with the one reference parser before it becomes part of a request path, and every id the engine hands back
// before it is used in one. Everything the engine says that the user can act on becomes a UserError naming the
// address tried or the image asked for.

import type { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { referenceProblem, registryOf, withTag } from '../core/image-ref.js';
import { registryAuth } from './docker-config.js';
import { engineEndpoint } from './engine-endpoint.js';
import {
  apiPath,
  DEFAULT_STALL_SECONDS,
  type EngineApi,
  type EngineRequest,
  EngineStatusError,
  oneLine,
} from './engine-request.js';

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

/**
 * Seconds the engine may stay silent: the `engine-timeout` setting (`timeout`, as the entry point resolved it from
 * the input, flag or config key; null: not set), else IMAGE_GUARD_ENGINE_TIMEOUT, else 120.
 */
export function engineStallSeconds(
  env: NodeJS.ProcessEnv = process.env,
  timeout: number | null = null,
): number {
  if (timeout !== null) return timeout;
  const text = env.IMAGE_GUARD_ENGINE_TIMEOUT;
  if (text === undefined || text === '') return DEFAULT_STALL_SECONDS;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(
      `IMAGE_GUARD_ENGINE_TIMEOUT=${JSON.stringify(oneLine(text, 40))} is not a number of seconds above 0: fix or unset it (or set engine-timeout)`,
    );
  }
  return value;
}

/** The engine the docker CLI would use; `timeout`: the `engine-timeout` setting (null: not set). */
export function connectEngine(
  env: NodeJS.ProcessEnv = process.env,
  timeout: number | null = null,
): DockerEngine {
  const endpoint = engineEndpoint(env);
  const stallMs = engineStallSeconds(env, timeout) * 1000;
  // dockerode and its modem are parsed only when the engine is first asked something.
  return new ApiEngine(endpoint.address, () =>
    import('./engine-modem.js').then(({ ModemApi }) => new ModemApi(endpoint, stallMs, env)),
  );
}

/** An image id as the engine gives it: `sha256:` and hex. Anything else is not used in a request. */
const IMAGE_ID = /^[a-z0-9]+:[0-9a-f]{32,128}$/;

export class ApiEngine implements DockerEngine {
  #containerd: Promise<boolean> | undefined;
  #api: Promise<EngineApi> | undefined;

  constructor(
    /** Where the engine is: `unix:///var/run/docker.sock`, `tcp://…`. */
    readonly address: string,
    private readonly load: () => Promise<EngineApi>,
  ) {}

  /** The transport, loaded once. */
  get #engine(): Promise<EngineApi> {
    this.#api ??= this.load();
    return this.#api;
  }

  async inspect(ref: string): Promise<EngineImage | null> {
    const request = this.#get('/images/{}/json', ref);
    let answer: unknown;
    try {
      answer = await (await this.#engine).json(request);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) return null;
      throw this.#explain(error, `inspect ${ref}`);
    }
    const image = answer as EngineImage;
    if (
      typeof image !== 'object' ||
      image === null ||
      typeof image.Id !== 'string' ||
      !IMAGE_ID.test(image.Id) ||
      (image.RootFS?.Layers !== undefined && !isStringArray(image.RootFS.Layers))
    ) {
      throw this.#unexpected(request, 'an image without an id of the form sha256:HEX and its layers');
    }
    if (typeof image.Size !== 'number') image.Size = 0;
    return image;
  }

  async history(ref: string): Promise<EngineHistoryItem[]> {
    const request = this.#get('/images/{}/history', ref);
    let answer: unknown;
    try {
      answer = await (await this.#engine).json(request);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `read the history of ${ref}`);
    }
    if (
      !Array.isArray(answer) ||
      !answer.every(
        (row) =>
          typeof row === 'object' &&
          row !== null &&
          typeof row.CreatedBy === 'string' &&
          typeof row.Size === 'number',
      )
    ) {
      throw this.#unexpected(request, 'a history that is not a list of rows with CreatedBy and Size');
    }
    return (answer as EngineHistoryItem[]).map((row) => ({ ...row, Comment: String(row.Comment ?? '') }));
  }

  async pull(ref: string): Promise<void> {
    checkRef(ref);
    const tagged = withTag(ref);
    const auth = registryAuth(registryOf(tagged));
    const { name, tag } = nameAndTag(tagged);
    const request: EngineRequest = {
      method: 'POST',
      path: '/images/create',
      query: { fromImage: name, tag },
      auth,
    };
    let stream: Readable;
    try {
      stream = await (await this.#engine).stream(request, `the progress of pulling ${tagged}`);
    } catch (error) {
      throw this.#explain(error, `pull ${tagged}`);
    }
    // The progress is JSON lines; the first one with an error says why the pull failed.
    let rest = '';
    let why: string | null = null;
    const consider = (line: string) => {
      if (why !== null || line.trim() === '') return;
      try {
        const event = JSON.parse(line) as { error?: unknown; errorDetail?: { message?: unknown } };
        const said = event.errorDetail?.message ?? event.error;
        if (said) why = String(said);
      } catch {
        why = `its progress is not JSON (${JSON.stringify(oneLine(line, 60))})`;
      }
    };
    try {
      for await (const chunk of stream) {
        rest += (chunk as Buffer).toString('utf8');
        const lines = rest.split('\n');
        rest = lines.pop()!;
        for (const line of lines) consider(line);
        if (rest.length > 1024 * 1024) {
          why = 'its progress has a line longer than 1 MiB';
          break;
        }
      }
      consider(rest);
    } catch (error) {
      throw this.#explain(error, `pull ${tagged}`);
    } finally {
      stream.destroy();
    }
    if (why !== null) {
      throw new UserError(
        `cannot pull ${tagged}: ${oneLine(why, 300)}; check the name and your registry login`,
      );
    }
  }

  async exportImage(ref: string): Promise<Readable> {
    try {
      const request = this.#get('/images/{}/get', ref);
      return await (await this.#engine).stream(request, `the export of ${ref} (docker save)`);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `export ${ref}`);
    }
  }

  isContainerdStore(): Promise<boolean> {
    const request: EngineRequest = { method: 'GET', path: '/info' };
    this.#containerd ??= this.#engine
      .then((api) => api.json(request))
      .then(
        (info) => {
          const status = (info as { DriverStatus?: unknown } | null)?.DriverStatus ?? [];
          if (typeof info !== 'object' || info === null || !Array.isArray(status)) {
            throw this.#unexpected(request, 'an info without a DriverStatus list');
          }
          return status.some(
            (pair) =>
              Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === 'io.containerd.snapshotter.v1',
          );
        },
        (error: unknown) => {
          throw this.#explain(error, 'read the engine info');
        },
      );
    return this.#containerd;
  }

  /** A GET of one image's resource; the reference is checked first (ids from inspect are references too). */
  #get(template: string, ref: string): EngineRequest {
    checkRef(ref);
    return { method: 'GET', path: apiPath(template, ref) };
  }

  #unexpected(request: EngineRequest, what: string): UserError {
    return new UserError(
      `the Docker engine at ${this.address} answered ${request.method} ${request.path} with ${what}: does DOCKER_HOST point at a Docker engine?`,
    );
  }

  #explain(error: unknown, doing: string): Error {
    if (error instanceof UserError) return error;
    const message =
      error instanceof EngineStatusError
        ? error.said
        : oneLine(String((error as Error)?.message ?? error), 300);
    return new UserError(`the Docker engine at ${this.address} could not ${doing}: ${message}`);
  }
}

/** Refuses, before any request, what the engine's reference grammar does not accept. */
function checkRef(ref: string): void {
  if (IMAGE_ID.test(ref)) return;
  const problem = referenceProblem(ref);
  if (problem !== null) {
    throw new UserError(
      `${JSON.stringify(oneLine(ref, 200))} is not an image reference: it ${problem}; nothing was sent to the Docker engine`,
    );
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** `ghcr.io/org/app:1` → name `ghcr.io/org/app`, tag `1`; a digest is the tag the Engine API pulls by. */
function nameAndTag(ref: string): { name: string; tag: string } {
  const at = ref.indexOf('@');
  if (at >= 0) return { name: ref.slice(0, at).replace(/:[^/:]*$/, ''), tag: ref.slice(at + 1) };
  const colon = ref.lastIndexOf(':');
  return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}

export function notFound(ref: string, address: string): UserError {
  return new UserError(`image ${ref} not found in the Docker engine at ${address}: build or pull it first`);
}
