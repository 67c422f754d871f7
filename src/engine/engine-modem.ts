// The Engine API through dockerode: a `Docker` object and its modem (docker-modem, dockerode's transport; every
// dockerode call is a `docker.modem.dial` with a path and the statuses it accepts). The modem connects (unix
// socket or named pipe, TCP with TLS, ssh through `docker system dial-stdio` with ssh2), builds the query and
// X-Registry-Auth, and hands each answer over as it comes. The adapter dials `docker.modem` as dockerode's own
// calls do, with what those calls lack, for the five requests image-guard makes (dockerode's image calls pass
// no abort signal on and hand back no answer's head):
// - no redirect followed: the modem's transport is its own copy of follow-redirects, which sends a second GET
//   to whatever host a 3xx names (over plain TCP, even when the engine is a unix socket or ssh), leaves that
//   request's errors unhandled (the process dies) and, on a Location of another scheme, throws inside the
//   answer's handler, so that the call never returns. Here the modem sends through Node's own http and https,
//   which follow nothing, and a 3xx is refused as an answer;
// - a silence timer per request: dockerode's image calls take no abort signal, and the modem's `timeout` is a
//   socket idle timer that a slow reader's backpressure trips, which leaves a call whose answer stalls half way
//   waiting forever. Here every dial has an AbortController whose timer runs until the answer's head, a JSON
//   body's timer restarts with each chunk, and a stream's runs only while the reader waits for the engine;
// - the API's JSON or one line: the modem hands back whatever is not JSON as a buffer; here anything but the
//   API's JSON (an HTML page, garbage) becomes one line quoting its start, and a JSON answer is read to 32 MiB;
// - no credentials in a log: with DEBUG naming `modem` (DEBUG=* among others), the modem prints each request's
//   options, X-Registry-Auth with them; its namespace is switched off.

import type { IncomingMessage } from 'node:http';
import * as http from 'node:http';
import * as https from 'node:https';
import { Readable } from 'node:stream';
import createDebug from 'debug';
import type Modem from 'docker-modem';
import modemTransport from 'docker-modem/lib/http.js';
import Docker from 'dockerode';
import { UserError } from '../core/errors.js';
import type { EngineEndpoint } from './engine-endpoint.js';
import {
  DEFAULT_STALL_SECONDS,
  describe,
  type EngineApi,
  type EngineRequest,
  EngineStatusError,
  oneLine,
  RAISE_TIMEOUT,
} from './engine-request.js';

// Node's own clients, which follow no redirect (see above). The modem looks them up by protocol at each request.
modemTransport.http = http;
modemTransport.https = https;
// The modem's debug lines carry the registry credentials of a pull (see above); other namespaces stay as set.
if (createDebug.enabled('modem')) createDebug.enable(`${createDebug.disable()},-modem`);

/** Largest JSON answer read (an image's history or inspect is a few KiB to a few MiB). */
export const MAX_JSON_ANSWER = 32 * 1024 * 1024;

/** Every status is handed over (none is an error of the modem's): the adapter judges them all. */
const EVERY_STATUS: Record<number, true> = {};
for (let status = 100; status <= 999; status++) EVERY_STATUS[status] = true;

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

/** The modem's options for an endpoint: all of them, so that none comes from the modem's own reading of env. */
export function modemOptions(endpoint: EngineEndpoint, env: NodeJS.ProcessEnv): Modem.ConstructorOptions {
  const target = endpoint.target;
  const none = { socketPath: undefined, host: undefined, port: undefined, timeout: undefined };
  if (target.kind === 'socket') return { ...none, socketPath: target.socketPath, protocol: 'http' };
  if (target.kind === 'ssh') {
    return {
      ...none,
      protocol: 'ssh',
      host: target.host,
      port: target.port,
      username: target.username,
      sshOptions: { agent: env.SSH_AUTH_SOCK },
    };
  }
  const { tls } = target;
  if (tls === null) return { ...none, protocol: 'http', host: target.host, port: target.port };
  return {
    ...none,
    protocol: 'https',
    host: target.host,
    port: target.port,
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    // The modem passes no TLS option but these three; a context's SkipTLSVerify goes through an agent.
    agent: tls.skipVerify ? new https.Agent({ rejectUnauthorized: false }) : undefined,
  };
}

export class ModemApi implements EngineApi {
  readonly #modem: Modem;

  constructor(
    private readonly endpoint: EngineEndpoint,
    /** No byte for this long (while waiting for one) ends a request. */
    readonly stallMs: number = DEFAULT_STALL_SECONDS * 1000,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    const docker = new Docker({ ...modemOptions(endpoint, env), pathPrefix: '/' } as Docker.DockerOptions);
    this.#modem = docker.modem as Modem;
  }

  get address(): string {
    return this.endpoint.address;
  }

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
        `the Docker engine at ${this.address} stalled while it sent ${doing}: no data for ${seconds(this.stallMs)} after ${megabytes(bytes)}; ${RAISE}`,
      );
    return new WatchedStream(res, this.stallMs, stalled, (error) => this.#failed(error, `send ${doing}`));
  }

  /** Dials the modem; resolves with the answer once its head is in, whatever its status but a redirect. */
  #send(request: EngineRequest): Promise<IncomingMessage> {
    const controller = new AbortController();
    return new Promise<IncomingMessage>((resolve, reject) => {
      let silent = false;
      const timer = setTimeout(() => {
        silent = true;
        controller.abort();
      }, this.stallMs);
      const done = (error: unknown, answer: unknown) => {
        clearTimeout(timer);
        if (silent) {
          (answer as IncomingMessage | null)?.destroy();
          reject(
            new UserError(
              `the Docker engine at ${this.address} did not answer ${describe(request)} within ${seconds(this.stallMs)}; ${RAISE}`,
            ),
          );
          return;
        }
        if (error) {
          reject(this.#failed(error, describe(request)));
          return;
        }
        const res = answer as IncomingMessage;
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
      };
      try {
        this.#modem.dial(
          {
            // The modem appends the query to a path that ends in `?`, as dockerode's own calls do.
            path: request.query ? `${request.path}?` : request.path,
            method: request.method,
            options: request.query ? { ...request.query } : {},
            authconfig: request.auth,
            isStream: true,
            statusCodes: EVERY_STATUS,
            abortSignal: controller.signal,
          },
          done,
        );
      } catch (error) {
        done(error, null);
      }
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
            `the Docker engine at ${this.address} stopped sending its answer to ${describe(request)}: no data for ${seconds(this.stallMs)}; ${RAISE}`,
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
}

const RAISE = RAISE_TIMEOUT;

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

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
