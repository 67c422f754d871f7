// What the engine adapter (docker-engine.ts) and its transport through dockerode's modem (engine-modem.ts) share: the
// shape of a request, how a path is encoded, an error status, and how an engine's words become one line.
// Small on purpose: docker-engine.ts imports it at once, while the modem is loaded at the first request.

import type { Readable } from 'node:stream';
import type { AuthConfig } from './docker-config.js';

/** How long the engine may send nothing before a request is given up: the `engine-timeout` setting's default. */
export const DEFAULT_STALL_SECONDS = 120;

/** What an error about a silent engine tells the user to do. */
export const RAISE_TIMEOUT = `check the engine (docker info), or raise engine-timeout (the input, --engine-timeout or the config key; seconds, default ${DEFAULT_STALL_SECONDS})`;

export interface EngineRequest {
  method: 'GET' | 'POST';
  /** Already encoded (apiPath), without the query. */
  path: string;
  query?: Record<string, string>;
  /** Sent as X-Registry-Auth. */
  auth?: AuthConfig;
}

/** What the adapter asks of its transport. */
export interface EngineApi {
  /** A request whose 2xx answer is JSON; throws EngineStatusError for other statuses, UserError for the rest. */
  json(request: EngineRequest): Promise<unknown>;
  /** A request whose 2xx answer streams; the stream fails with a UserError when the engine stalls. */
  stream(request: EngineRequest, doing: string): Promise<Readable>;
}

/** An answer outside 2xx: the status and what the engine said (its JSON `message`, or the start of the body). */
export class EngineStatusError extends Error {
  constructor(
    readonly status: number,
    readonly said: string,
  ) {
    super(`HTTP ${status}: ${said}`);
  }
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

/** One line of at most `max` characters, printable ASCII only: an engine's words are untrusted. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[^\x20-\x7e]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function describe(request: EngineRequest): string {
  return `${request.method} ${oneLine(request.path, 120)}`;
}
