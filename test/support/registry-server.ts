// Registries of the tests' own, beside the shared one on 127.0.0.1:5000: Debian's distribution server
// (`docker-registry`) on a free port with basic auth (htpasswd) or the token flow against a stand-in token
// server, and a proxy in front of a registry that drops or alters a blob on its way. Each is stopped by the
// test that started it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_USER = 'ig-user';
export const TEST_PASSWORD = 's3cret-pass';
/** bcrypt of TEST_PASSWORD (cost 5): the only hash distribution's htpasswd auth takes. */
const TEST_PASSWORD_BCRYPT = '$2a$05$Tt4p939flFB3tEVWSFYS7uMbPbjYhp69/PDMg3v3YPcsHwx0H8Ofm';

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

export interface TestRegistry {
  /** host:port */
  host: string;
  /** What the token server saw (`GET /token?…`, with or without credentials). */
  tokenRequests: string[];
  stop(): Promise<void>;
}

/** A distribution server of the test's own: `auth` basic (htpasswd) or token (a stand-in token server). */
export async function startRegistry(auth: 'basic' | 'token'): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'ig-registry-'));
  const port = await freePort();
  const tokenRequests: string[] = [];
  let tokenServer: Server | null = null;
  let authYaml: string;
  if (auth === 'basic') {
    writeFileSync(join(dir, 'htpasswd'), `${TEST_USER}:${TEST_PASSWORD_BCRYPT}\n`);
    authYaml = `auth:\n  htpasswd:\n    realm: ig-test\n    path: ${join(dir, 'htpasswd')}\n`;
  } else {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=ig-test-token',
      ],
      { stdio: 'ignore' },
    );
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const certDer = readFileSync(join(dir, 'cert.pem'), 'utf8')
      .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
      .replace(/\s+/g, '');
    const tokenPort = await freePort();
    tokenServer = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      const basic = req.headers.authorization ?? '';
      tokenRequests.push(
        `${req.method} ${url.pathname}${url.search} ${basic ? 'with credentials' : 'anonymous'}`,
      );
      const expected = `Basic ${Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`).toString('base64')}`;
      if (basic !== expected) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"details":"wrong or no credentials"}');
      }
      const access = url.searchParams.getAll('scope').flatMap((scope) => {
        const [type, name, actions] = scope.split(':');
        return type && name && actions ? [{ type, name, actions: actions.split(',') }] : [];
      });
      const now = Math.floor(Date.now() / 1000);
      const token = jwt(
        { typ: 'JWT', alg: 'RS256', x5c: [certDer] },
        {
          iss: 'ig-test-issuer',
          sub: TEST_USER,
          aud: url.searchParams.get('service'),
          exp: now + 300,
          nbf: now - 10,
          iat: now,
          jti: randomUUID(),
          access,
        },
        key,
      );
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token, expires_in: 300 }));
    });
    await new Promise<void>((r) => tokenServer!.listen(tokenPort, '127.0.0.1', r));
    authYaml = `auth:\n  token:\n    realm: http://127.0.0.1:${tokenPort}/token\n    service: ig-test\n    issuer: ig-test-issuer\n    rootcertbundle: ${join(dir, 'cert.pem')}\n`;
  }
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: 127.0.0.1:${port}\n${authYaml}`,
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: 'ignore',
  });
  const host = `127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`http://${host}/v2/`).then(
      (r) => r.status === 401 || r.ok,
      () => false,
    );
    if (up) break;
    if (i > 100) throw new Error(`docker-registry did not start on ${host}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    tokenRequests,
    async stop() {
      child.kill();
      if (tokenServer) await new Promise((r) => tokenServer!.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function jwt(header: object, claims: object, key: string): string {
  const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(body).sign(key);
  return `${body}.${b64url(signature)}`;
}

export interface BlobProxy {
  host: string;
  /** Every request it forwarded: `GET /v2/…/blobs/sha256:… range=bytes=N-`. */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * A proxy to `upstream` that, for the blob `digest`: `drop` closes the connection half way through the first
 * answer (later ones pass); `corrupt` flips one byte in its middle, every time.
 */
export async function startBlobProxy(
  upstream: string,
  digest: string,
  mode: 'drop' | 'corrupt',
): Promise<BlobProxy> {
  const requests: string[] = [];
  let dropped = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const range = req.headers.range;
    requests.push(`${req.method} ${req.url}${range ? ` range=${range}` : ''}`);
    const [host, port] = upstream.split(':');
    const up = httpRequest(
      {
        host,
        port: Number(port),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream },
      },
      (answer) => {
        const target = req.url?.endsWith(`/blobs/${digest}`) && req.method === 'GET';
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!target) return answer.pipe(res);
        const length = Number(answer.headers['content-length']);
        const half = Math.floor(length / 2);
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (mode === 'drop' && !dropped && sent + chunk.length >= half) {
            dropped = true;
            res.write(chunk.subarray(0, half - sent));
            answer.destroy();
            res.socket?.destroy();
            return;
          }
          if (mode === 'corrupt' && sent <= half && half < sent + chunk.length) {
            chunk = Buffer.from(chunk);
            chunk[half - sent] = chunk[half - sent]! ^ 0xff;
          }
          sent += chunk.length;
          res.write(chunk);
        });
        answer.on('end', () => res.end());
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    host: `127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
