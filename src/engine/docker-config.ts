// What the docker CLI's own configuration says about registries: read without the engine client, so that
// modules needing only this (the registry client) do not load the Engine API client.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AuthConfig {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress: string;
}

/**
 * Credentials for a registry from the docker CLI's config.json when they sit there in plain `auths`
 * (base64 `auth`, or an identity token). Credential helpers and stores are left alone: anonymous pull.
 */
export function registryAuth(registry: string, env: NodeJS.ProcessEnv = process.env): AuthConfig | undefined {
  const dir = env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  let config: { auths?: Record<string, { auth?: string; identitytoken?: string }> };
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const keys =
    registry === 'docker.io'
      ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
      : [
          registry,
          `https://${registry}`,
          `http://${registry}`,
          `https://${registry}/v1/`,
          `https://${registry}/v2/`,
        ];
  for (const key of keys) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    const serveraddress = key;
    if (entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0)
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress };
    }
  }
  return undefined;
}

/**
 * Credentials for a registry as the docker CLI finds them: the registry's credential helper (`credHelpers`),
 * else the config's `credsStore`, else plain `auths`; then, for ghcr.io only, `GITHUB_TOKEN` when none of
 * those gives any. A helper is run as the CLI runs it (`docker-credential-NAME get`, the server on stdin); one
 * that is missing, fails or takes over 10 s counts as having nothing. Never logged, never in an error.
 */
export async function registryCredentials(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AuthConfig | undefined> {
  const config = readConfig(env);
  const server = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
  const helper = config?.credHelpers?.[registry] ?? config?.credHelpers?.[server] ?? config?.credsStore;
  if (typeof helper === 'string' && helper !== '') {
    const found = await fromHelper(helper, server, env);
    if (found) return found;
  }
  const plain = registryAuth(registry, env);
  if (plain) return plain;
  if (registry === 'ghcr.io' && env.GITHUB_TOKEN) {
    // GitHub's package registry takes any user name with a token; the workflow's own token reads the
    // repository's packages.
    return { username: 'x-access-token', password: env.GITHUB_TOKEN, serveraddress: 'ghcr.io' };
  }
  return undefined;
}

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

function readConfig(env: NodeJS.ProcessEnv): DockerConfigFile | undefined {
  const dir = env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  try {
    return JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as DockerConfigFile;
  } catch {
    return undefined;
  }
}

async function fromHelper(
  helper: string,
  server: string,
  env: NodeJS.ProcessEnv,
): Promise<AuthConfig | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) return undefined;
  const { execFile } = await import('node:child_process');
  const out = await new Promise<string | null>((resolve) => {
    const child = execFile(
      `docker-credential-${helper}`,
      ['get'],
      { env, timeout: 10_000, maxBuffer: 1024 * 1024 },
      (error, stdout) => resolve(error ? null : stdout),
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(server);
  });
  if (!out) return undefined;
  try {
    const json = JSON.parse(out) as { Username?: string; Secret?: string };
    if (!json.Secret) return undefined;
    if (json.Username === '<token>') return { identitytoken: json.Secret, serveraddress: server };
    return { username: json.Username ?? '', password: json.Secret, serveraddress: server };
  } catch {
    return undefined;
  }
}
