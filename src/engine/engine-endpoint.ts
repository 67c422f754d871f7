// Where the Docker engine is, found as the docker CLI finds it: DOCKER_HOST; else the context named by
// DOCKER_CONTEXT or by `currentContext` in the CLI's config.json (its endpoint and TLS material in the CLI's
// context store); else the user's or the system's socket. docker-modem reads DOCKER_HOST itself but knows no
// contexts, and reads only `process.env`: the adapter resolves the endpoint here and hands the modem all of it.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';

export interface EngineTls {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** A context's SkipTLSVerify: TLS without checking the engine's certificate. */
  skipVerify?: boolean;
}

/** Where requests go: a unix socket or named pipe, or a host over TCP (TLS with DOCKER_TLS_VERIFY), or ssh. */
export type EngineTarget =
  | { kind: 'socket'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number; tls: EngineTls | null }
  | { kind: 'ssh'; host: string; port: number; username: string };

export interface EngineEndpoint {
  /** As the user would recognise it: `unix:///var/run/docker.sock`, `tcp://…`. */
  address: string;
  target: EngineTarget;
  /** The docker context it came from, when one did. */
  context?: string;
}

function configDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(homedir(), '.docker');
}

/** DOCKER_HOST, else the current context's host, else the default socket; throws UserError. */
export function engineEndpoint(env: NodeJS.ProcessEnv = process.env): EngineEndpoint {
  if (env.DOCKER_HOST) return { address: env.DOCKER_HOST, target: engineTarget(env.DOCKER_HOST, env) };
  const context = currentContext(env);
  if (context !== null) return contextEndpoint(context, env);
  const address = defaultAddress();
  return { address, target: engineTarget(address, env) };
}

/** The address alone: where the engine is looked for. */
export function engineAddress(env: NodeJS.ProcessEnv = process.env): string {
  return engineEndpoint(env).address;
}

function defaultAddress(): string {
  const userSocket = join(homedir(), '.docker', 'run', 'docker.sock');
  return `unix://${existsSync(userSocket) ? userSocket : '/var/run/docker.sock'}`;
}

/** The context the docker CLI would use (DOCKER_HOST already ruled out), or null for its default one. */
function currentContext(env: NodeJS.ProcessEnv): { name: string; from: string } | null {
  if (env.DOCKER_CONTEXT) {
    return env.DOCKER_CONTEXT === 'default' ? null : { name: env.DOCKER_CONTEXT, from: 'DOCKER_CONTEXT' };
  }
  let config: { currentContext?: unknown };
  try {
    config = JSON.parse(readFileSync(join(configDir(env), 'config.json'), 'utf8'));
  } catch {
    return null; // no config (or one the CLI would refuse too): the default context
  }
  const name = config?.currentContext;
  return typeof name === 'string' && name !== '' && name !== 'default'
    ? { name, from: `currentContext in ${join(configDir(env), 'config.json')}` }
    : null;
}

/** A context's docker endpoint from the CLI's context store: meta/<sha256>/meta.json and tls/<sha256>/docker/. */
function contextEndpoint(context: { name: string; from: string }, env: NodeJS.ProcessEnv): EngineEndpoint {
  const store = join(configDir(env), 'contexts');
  const id = createHash('sha256').update(context.name).digest('hex');
  const label = `the docker context ${JSON.stringify(context.name)} (${context.from})`;
  let meta: { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
  try {
    meta = JSON.parse(readFileSync(join(store, 'meta', id, 'meta.json'), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot use ${label}: ${code === 'ENOENT' ? `it is not in ${store}` : `its meta.json is unreadable (${code ?? 'not JSON'})`}; docker context ls lists the contexts`,
    );
  }
  const docker = meta?.Endpoints?.docker;
  const host = typeof docker?.Host === 'string' && docker.Host !== '' ? docker.Host : defaultAddress();
  // The CLI applies DOCKER_TLS_VERIFY and DOCKER_CERT_PATH to the default context only; a context carries its own.
  const target = engineTarget(host, {}, label);
  if (target.kind === 'tcp') {
    const tlsDir = join(store, 'tls', id, 'docker');
    const read = (file: string) =>
      existsSync(join(tlsDir, file)) ? readFileSync(join(tlsDir, file)) : undefined;
    const tls: EngineTls = { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
    for (const part of ['ca', 'cert', 'key'] as const) if (tls[part] === undefined) delete tls[part];
    if (docker?.SkipTLSVerify === true) tls.skipVerify = true;
    if (Object.keys(tls).length > 0) target.tls = { ...target.tls, ...tls };
  }
  return { address: host, target, context: context.name };
}

/**
 * DOCKER_HOST (or a context's host, or the default socket) → where to connect; throws UserError. `source`
 * names where the address came from in the message.
 */
export function engineTarget(
  address: string,
  env: NodeJS.ProcessEnv = process.env,
  source = 'DOCKER_HOST',
): EngineTarget {
  const bad = (why: string) =>
    new UserError(
      source === 'DOCKER_HOST'
        ? `cannot use DOCKER_HOST=${JSON.stringify(address)} (${why}): set it like unix:///var/run/docker.sock or tcp://HOST:2375`
        : `cannot use ${source}: its host ${JSON.stringify(address)} is not usable (${why}); docker context inspect shows it`,
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
  let certs: EngineTls | null = null;
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
