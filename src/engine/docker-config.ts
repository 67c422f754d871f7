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
