import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/engine/docker-config.ts
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function registryAuth(registry, env = process.env) {
  const dir = env.DOCKER_CONFIG ?? join(homedir(), ".docker");
  let config;
  try {
    config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  } catch {
    return void 0;
  }
  const keys = registry === "docker.io" ? ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"] : [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`
  ];
  for (const key of keys) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    const serveraddress = key;
    if (entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0)
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress };
    }
  }
  return void 0;
}
async function registryCredentials(registry, env = process.env) {
  const config = readConfig(env);
  const server = registry === "docker.io" ? "https://index.docker.io/v1/" : registry;
  const helper = config?.credHelpers?.[registry] ?? config?.credHelpers?.[server] ?? config?.credsStore;
  if (typeof helper === "string" && helper !== "") {
    const found = await fromHelper(helper, server, env);
    if (found) return found;
  }
  const plain = registryAuth(registry, env);
  if (plain) return plain;
  if (registry === "ghcr.io" && env.GITHUB_TOKEN) {
    return { username: "x-access-token", password: env.GITHUB_TOKEN, serveraddress: "ghcr.io" };
  }
  return void 0;
}
function readConfig(env) {
  const dir = env.DOCKER_CONFIG ?? join(homedir(), ".docker");
  try {
    return JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  } catch {
    return void 0;
  }
}
async function fromHelper(helper, server, env) {
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) return void 0;
  const { execFile } = await import("node:child_process");
  const out = await new Promise((resolve) => {
    const child = execFile(
      `docker-credential-${helper}`,
      ["get"],
      { env, timeout: 1e4, maxBuffer: 1024 * 1024 },
      (error, stdout) => resolve(error ? null : stdout)
    );
    child.stdin?.on("error", () => void 0);
    child.stdin?.end(server);
  });
  if (!out) return void 0;
  try {
    const json = JSON.parse(out);
    if (!json.Secret) return void 0;
    if (json.Username === "<token>") return { identitytoken: json.Secret, serveraddress: server };
    return { username: json.Username ?? "", password: json.Secret, serveraddress: server };
  } catch {
    return void 0;
  }
}

export {
  registryAuth,
  registryCredentials
};
