// The Engine API over DOCKER_HOST, by hand on node:http: what dockerode did for image-guard (inspect, history,
// pull, `docker save`, info), without what made a hostile or broken engine dangerous. Each path part is
// percent-encoded; a redirect is an error, never followed (dockerode followed up to five, to any host the
// engine named); every request has a stall timer (no byte for `stallMs` ends it with one line saying what was
// asked and how long it waited), and a stream's timer runs only while the reader waits for the engine, so a
// slow reader or a big image never trips it; an answer that is not the API's JSON (an HTML page, garbage) is
// one line quoting its start.

import { readFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import * as http from 'node:http';
import * as https from 'node:https';
import { join } from 'node:path';
import { type Duplex, Readable } from 'node:stream';
import { UserError } from '../core/errors.js';

/** How long the engine may send nothing before a request is given up: IMAGE_GUARD_ENGINE_TIMEOUT seconds. */
export const DEFAULT_STALL_SECONDS = 120;
/** Largest JSON answer read (an image's history or inspect is a few KiB to a few MiB). */
export const MAX_JSON_ANSWER = 32 * 1024 * 1024;

/** Where requests go: a unix socket or named pipe, or a host over TCP (TLS with DOCKER_TLS_VERIFY), or ssh. */
export type EngineTarget =
  | { kind: 'socket'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number; tls: { ca?: Buffer; cert?: Buffer; key?: Buffer } | null }
  | { kind: 'ssh'; host: string; port: number; username: string };

/** DOCKER_HOST (or the default socket, already resolved by the caller) → where to connect; throws UserError. */
export function engineTarget(address: string, env: NodeJS.ProcessEnv = process.env): EngineTarget {
  const bad = (why: string) =>
    new UserError(
      `cannot use DOCKER_HOST=${JSON.stringify(address)} (${why}): set it like unix:///var/run/docker.sock or tcp://HOST:2375`,
    );
  if (address.startsWith('unix://')) {
    const socketPath = address.slice('unix://'.length);
    if (!socketPath) throw bad('no socket path');
    return { kind: 'socket', socketPath };
  }
  if (address.startsWith('npipe://')) {
    return { kind: 'socket', socketPath: address.slice('npipe://'.length) || '//./pipe/docker_engine' };
  }
  let url: URL;
  try {
    url = new URL(address.includes('//') ? address : `tcp://${address}`);
  } catch {
    throw bad('not a URL');
  }
  if (!url.hostname) throw bad('no host');
  if (url.protocol === 'ssh:') {
    return {
      kind: 'ssh',
      host: url.hostname,
      port: Number(url.port || 22),
      username: decodeURIComponent(url.username),
    };
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw bad(`the scheme ${url.protocol} is not unix, npipe, tcp, http, https or ssh`);
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 2376 : 2375));
  const tls = url.protocol === 'https:' || (env.DOCKER_TLS_VERIFY ?? '') !== '' || port === 2376;
  let certs: { ca?: Buffer; cert?: Buffer; key?: Buffer } | null = null;
  if (tls) {
    certs = {};
    if (env.DOCKER_CERT_PATH) {
      try {
        certs = {
          ca: readFileSync(join(env.DOCKER_CERT_PATH, 'ca.pem')),
          cert: readFileSync(join(env.DOCKER_CERT_PATH, 'cert.pem')),
          key: readFileSync(join(env.DOCKER_CERT_PATH, 'key.pem')),
        };
      } catch (error) {
        throw new UserError(
          `cannot read the TLS certificates in DOCKER_CERT_PATH=${env.DOCKER_CERT_PATH} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): it must hold ca.pem, cert.pem and key.pem`,
        );
      }
    }
  }
  return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port, tls: certs };
}

/** `/images/{name}/json` with `name` encoded part by part: `/` separates parts, nothing else passes raw. */
export function apiPath(template: string, ...parts: string[]): string {
  let i = 0;
  return template.replace(/\{\}/g, () =>
    parts[i++]!.split('/')
      .map((part) => encodeURIComponent(part).replace(/%3A/g, ':').replace(/%40/g, '@'))
      .join('/'),
  );
}

/** Errors of the connection itself: no engine there. */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'EPERM',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'ECONNRESET',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTSOCK',
]);

/** An answer outside 2xx: the status and what the engine said (its JSON `message`, or the start of the body). */
export class EngineStatusError extends Error {
  constructor(
    readonly status: number,
    readonly said: string,
  ) {
    super(`HTTP ${status}: ${said}`);
  }
}

export interface EngineRequest {
  method: 'GET' | 'POST';
  /** Already encoded (apiPath). */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export class EngineApi {
  #sshAgent: Promise<http.Agent> | undefined;

  constructor(
    /** As the user would recognise it: `unix:///var/run/docker.sock`, `tcp://…`. */
    readonly address: string,
    private readonly target: EngineTarget,
    /** No byte for this long (while waiting for one) ends a request. */
    readonly stallMs: number = DEFAULT_STALL_SECONDS * 1000,
  ) {}

  /** A request whose 2xx answer is JSON; throws EngineStatusError for other statuses, UserError for the rest. */
  async json(request: EngineRequest): Promise<unknown> {
    const res = await this.#send(request);
    const body = await this.#readBody(res, request);
    this.#check(res, request, body);
    const type = String(res.headers['content-type'] ?? '');
    const text = body.toString('utf8');
    if (/^\s*(text\/html|application\/xhtml)/i.test(type) || !/^\s*[[{]/.test(text)) {
      throw this.#notApi(request, type, text);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw this.#notApi(request, type, text);
    }
  }

  /**
   * A request whose 2xx answer streams; the stream fails with a UserError when the engine sends nothing for
   * `stallMs` while it is being waited on (time the reader spends elsewhere does not count).
   */
  async stream(request: EngineRequest, doing: string): Promise<Readable> {
    const res = await this.#send(request);
    if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) {
      this.#check(res, request, await this.#readBody(res, request));
    }
    const type = String(res.headers['content-type'] ?? '');
    if (/^\s*(text\/html|application\/xhtml)/i.test(type)) {
      throw this.#notApi(request, type, (await this.#readBody(res, request)).toString('utf8'));
    }
    const stalled = (bytes: number) =>
      new UserError(
        `the Docker engine at ${this.address} stalled while it sent ${doing}: no data for ${seconds(this.stallMs)} after ${megabytes(bytes)}; check the engine (docker info), or raise IMAGE_GUARD_ENGINE_TIMEOUT (seconds, default ${DEFAULT_STALL_SECONDS})`,
      );
    return new WatchedStream(res, this.stallMs, stalled, (error) => this.#failed(error, `send ${doing}`));
  }

  async #send(request: EngineRequest): Promise<IncomingMessage> {
    const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
    const options: RequestOptions = {
      method: request.method,
      path: `${request.path}${query}`,
      // Over a socket there is no host to name; over TCP Node names the engine's.
      headers: this.target.kind === 'tcp' ? { ...request.headers } : { Host: 'docker', ...request.headers },
    };
    let send: typeof http.request = http.request;
    const target = this.target;
    if (target.kind === 'socket') options.socketPath = target.socketPath;
    else if (target.kind === 'tcp') {
      options.host = target.host;
      options.port = target.port;
      if (target.tls) {
        send = https.request;
        Object.assign(options, target.tls);
      }
    } else {
      options.agent = await this.#ssh(target);
    }
    return new Promise<IncomingMessage>((resolve, reject) => {
      let req: ClientRequest;
      try {
        req = send(options);
      } catch (error) {
        reject(this.#failed(error, describe(request)));
        return;
      }
      // Until the answer's headers: a socket idle time. A stream's body is timed by WatchedStream instead.
      req.setTimeout(this.stallMs, () => {
        req.destroy(
          new UserError(
            `the Docker engine at ${this.address} did not answer ${describe(request)} within ${seconds(this.stallMs)}; check the engine (docker info), or raise IMAGE_GUARD_ENGINE_TIMEOUT (seconds, default ${DEFAULT_STALL_SECONDS})`,
          ),
        );
      });
      req.on('error', (error) =>
        reject(error instanceof UserError ? error : this.#failed(error, describe(request))),
      );
      req.on('response', (res) => {
        req.setTimeout(0);
        res.on('error', () => {}); // reported through whoever reads it
        const status = res.statusCode ?? 0;
        if (status >= 300 && status <= 399) {
          res.destroy();
          reject(
            new UserError(
              `the Docker engine at ${this.address} answered ${describe(request)} with a redirect (HTTP ${status}), which image-guard does not follow: does DOCKER_HOST point at a Docker engine?`,
            ),
          );
          return;
        }
        resolve(res);
      });
      req.end();
    });
  }

  async #readBody(res: IncomingMessage, request: EngineRequest): Promise<Buffer> {
    const parts: Buffer[] = [];
    let size = 0;
    return new Promise<Buffer>((resolve, reject) => {
      const idle = () => {
        res.destroy();
        reject(
          new UserError(
            `the Docker engine at ${this.address} stopped sending its answer to ${describe(request)}: no data for ${seconds(this.stallMs)}; check the engine (docker info), or raise IMAGE_GUARD_ENGINE_TIMEOUT (seconds, default ${DEFAULT_STALL_SECONDS})`,
          ),
        );
      };
      let timer = setTimeout(idle, this.stallMs);
      res.on('data', (chunk: Buffer) => {
        clearTimeout(timer);
        timer = setTimeout(idle, this.stallMs);
        size += chunk.length;
        if (size > MAX_JSON_ANSWER) {
          clearTimeout(timer);
          res.destroy();
          reject(
            new UserError(
              `the Docker engine at ${this.address} answered ${describe(request)} with more than ${MAX_JSON_ANSWER / 1024 / 1024} MiB: does DOCKER_HOST point at a Docker engine?`,
            ),
          );
          return;
        }
        parts.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve(Buffer.concat(parts));
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(this.#failed(error, describe(request)));
      });
    });
  }

  /** Throws EngineStatusError for an answer outside 2xx. */
  #check(res: IncomingMessage, request: EngineRequest, body: Buffer): void {
    const status = res.statusCode ?? 0;
    if (status >= 200 && status <= 299) return;
    const text = body.toString('utf8');
    let said: string | undefined;
    try {
      const message = (JSON.parse(text) as { message?: unknown }).message;
      if (typeof message === 'string') said = message;
    } catch {}
    if (said === undefined) {
      const type = String(res.headers['content-type'] ?? '');
      if (/html/i.test(type) || /^\s*</.test(text)) throw this.#notApi(request, type, text, status);
      said = text;
    }
    throw new EngineStatusError(status, oneLine(said, 300));
  }

  #notApi(request: EngineRequest, type: string, text: string, status?: number): UserError {
    const what = type ? oneLine(type.split(';')[0]!, 40) : 'no content type';
    const start = oneLine(text, 60);
    return new UserError(
      `the Docker engine at ${this.address} answered ${describe(request)}${status ? ` with HTTP ${status}` : ''} with ${what} (${JSON.stringify(start)}), not the Engine API's JSON: does DOCKER_HOST point at a Docker engine?`,
    );
  }

  #failed(error: unknown, doing: string): UserError {
    const e = error as NodeJS.ErrnoException;
    if (e?.code && CONNECTION_ERRORS.has(e.code)) {
      return new UserError(
        `no Docker engine answers at ${this.address} (${e.code}): start it, or set DOCKER_HOST to an engine that runs`,
      );
    }
    return new UserError(
      `the Docker engine at ${this.address} failed during ${doing}: ${oneLine(e?.message ?? String(error), 200)}`,
    );
  }

  #ssh(target: Extract<EngineTarget, { kind: 'ssh' }>): Promise<http.Agent> {
    // As the docker CLI does for ssh://: `docker system dial-stdio` on the remote host carries the HTTP.
    // ssh2 is loaded only for an ssh:// DOCKER_HOST.
    this.#sshAgent ??= import('ssh2').then((ssh2) => {
      // A CommonJS module: bundled, its exports arrive as `default`.
      const Client = ssh2.Client ?? (ssh2 as unknown as { default: typeof ssh2 }).default.Client;
      const agent = new http.Agent();
      agent.createConnection = ((_options: unknown, done: (error: Error | null, socket?: Duplex) => void) => {
        const conn = new Client();
        const fail = (error: Error) => {
          conn.end();
          done(error);
        };
        conn
          .once('ready', () => {
            conn.exec('docker system dial-stdio', (error, channel) => {
              if (error) return fail(error);
              channel.once('close', () => conn.end());
              done(null, channel);
            });
          })
          .once('error', fail)
          .connect({
            host: target.host,
            port: target.port,
            username: target.username,
            agent: process.env.SSH_AUTH_SOCK,
          });
        return undefined;
      }) as unknown as http.Agent['createConnection'];
      return agent;
    });
    return this.#sshAgent;
  }
}

/**
 * An answer's body with a stall timer that runs only while the reader waits for the engine: armed when the
 * reader asks for more, cleared by every chunk, not armed while the reader holds enough. Destroying it
 * closes the connection at once.
 */
class WatchedStream extends Readable {
  #timer: NodeJS.Timeout | undefined;
  #bytes = 0;

  constructor(
    private readonly res: IncomingMessage,
    private readonly stallMs: number,
    private readonly stalled: (bytes: number) => Error,
    failed: (error: unknown) => Error,
  ) {
    super({ highWaterMark: 1 << 20 });
    res.pause();
    res.on('data', (chunk: Buffer) => {
      this.#disarm();
      this.#bytes += chunk.length;
      if (this.push(chunk)) this.#arm();
      else res.pause();
    });
    res.on('end', () => {
      this.#disarm();
      this.push(null);
    });
    res.on('error', (error) => this.destroy(failed(error)));
    res.on('aborted', () => this.destroy(failed(new Error('the connection closed mid-answer'))));
  }

  override _read(): void {
    this.#arm();
    this.res.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#disarm();
    this.res.destroy();
    callback(error);
  }

  #arm(): void {
    this.#disarm();
    this.#timer = setTimeout(() => this.destroy(this.stalled(this.#bytes)), this.stallMs);
  }

  #disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

function describe(request: EngineRequest): string {
  return `${request.method} ${oneLine(request.path, 120)}`;
}

/** One line of at most `max` characters, printable ASCII only: an engine's words are untrusted. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[^\x20-\x7e]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
