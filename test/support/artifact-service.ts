// A local stand-in of GitHub's artifact service (v2), strict about what @actions/artifact sends: the Twirp
// JSON calls at ACTIONS_RESULTS_URL (CreateArtifact, then FinalizeArtifact) with the runtime token, and
// between them the zip's bytes to the signed blob URL CreateArtifact handed out (Azure block blob: blocks,
// then the block list). Anything else, a field it does not know, a wrong token, signature, size or hash, is
// refused (400/401/404) and recorded in `violations`.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService';
const CREATE_FIELDS = new Set([
  'workflow_run_backend_id',
  'workflow_job_run_backend_id',
  'name',
  'mime_type',
  'expires_at',
  'version',
]);
const FINALIZE_FIELDS = new Set([
  'workflow_run_backend_id',
  'workflow_job_run_backend_id',
  'name',
  'size',
  'hash',
]);
// What the service refuses in a name (as @actions/artifact's own validation lists them).
const BAD_NAME = /["<>|*?\r\n\\/:]/;

export interface StoredArtifact {
  id: number;
  name: string;
  mimeType: string;
  /** The committed blob (a zip). */
  bytes: Buffer | null;
  finalized: boolean;
}

export interface ArtifactServiceStandIn {
  url: string;
  /** ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL for a client of this stand-in. */
  env: { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string };
  artifacts: Map<string, StoredArtifact>;
  requests: { method: string; path: string }[];
  violations: string[];
  /** The blob signature (a secret the client must not print). */
  signature: string;
  close(): Promise<void>;
}

export async function startArtifactService(): Promise<ArtifactServiceStandIn> {
  const runId = 'c0ffee00-0000-4000-8000-000000000001';
  const jobId = 'c0ffee00-0000-4000-8000-000000000002';
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead Actions.Results:${runId}:${jobId}` })}.x`;
  const signature = randomBytes(12).toString('hex');
  const artifacts = new Map<string, StoredArtifact>();
  const blocks = new Map<string, Map<string, Buffer>>();
  const requests: { method: string; path: string }[] = [];
  const violations: string[] = [];
  let nextId = 1000;
  let base = '';

  const refuse = (res: ServerResponse, status: number, why: string) => {
    violations.push(why);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'malformed', msg: why }));
  };
  const answer = (res: ServerResponse, body: object) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  async function twirp(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    body: Buffer,
  ): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 404, `${req.method} ${method}: Twirp calls are POSTs`);
    if (req.headers.authorization !== `Bearer ${token}`)
      return refuse(res, 401, `${method}: not the runtime token`);
    if (!String(req.headers['content-type']).startsWith('application/json'))
      return refuse(res, 400, `${method}: content-type ${req.headers['content-type']}`);
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(res, 400, `${method}: the body is not JSON`);
    }
    const fields = method === 'CreateArtifact' ? CREATE_FIELDS : FINALIZE_FIELDS;
    const unknown = Object.keys(data).filter((k) => !fields.has(k));
    if (unknown.length) return refuse(res, 400, `${method}: unknown fields ${unknown.join(', ')}`);
    if (data.workflow_run_backend_id !== runId || data.workflow_job_run_backend_id !== jobId)
      return refuse(res, 400, `${method}: backend ids are not the token's`);
    const name = data.name;
    if (typeof name !== 'string' || name === '' || BAD_NAME.test(name))
      return refuse(res, 400, `${method}: bad artifact name ${JSON.stringify(name)}`);

    if (method === 'CreateArtifact') {
      if (data.version !== 7) return refuse(res, 400, `CreateArtifact: version ${data.version}`);
      if (artifacts.has(name)) return refuse(res, 409, `CreateArtifact: ${name} exists already`);
      const id = nextId++;
      artifacts.set(name, {
        id,
        name,
        mimeType: String(data.mime_type ?? ''),
        bytes: null,
        finalized: false,
      });
      blocks.set(name, new Map());
      return answer(res, {
        ok: true,
        signed_upload_url: `${base}/devstoreaccount1/artifacts/${id}/${encodeURIComponent(name)}.zip?sv=2023-11-03&sr=b&sp=cw&sig=${signature}`,
      });
    }
    const artifact = artifacts.get(name);
    if (!artifact) return refuse(res, 404, `FinalizeArtifact: ${name} was not created`);
    if (!artifact.bytes) return refuse(res, 400, `FinalizeArtifact: ${name} has no committed blob`);
    if (data.size !== String(artifact.bytes.length))
      return refuse(res, 400, `FinalizeArtifact: size ${data.size}, blob ${artifact.bytes.length}`);
    const hash = `sha256:${createHash('sha256').update(artifact.bytes).digest('hex')}`;
    if (data.hash !== undefined && data.hash !== hash)
      return refuse(res, 400, `FinalizeArtifact: hash ${data.hash}`);
    artifact.finalized = true;
    return answer(res, { ok: true, artifact_id: String(artifact.id) });
  }

  function blob(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) {
    const match = /^\/devstoreaccount1\/artifacts\/(\d+)\/([^/]+)\.zip$/.exec(url.pathname);
    const artifact = match ? [...artifacts.values()].find((a) => a.id === Number(match[1])) : undefined;
    if (!artifact || decodeURIComponent(match![2]!) !== artifact.name)
      return refuse(res, 404, `blob ${url.pathname}: no such upload`);
    if (url.searchParams.get('sig') !== signature) return refuse(res, 403, 'blob: wrong signature');
    if (req.headers.authorization)
      return refuse(res, 400, 'blob: a signed URL takes no Authorization header');
    if (req.method !== 'PUT') return refuse(res, 405, `blob: ${req.method}`);
    const staged = blocks.get(artifact.name)!;
    const comp = url.searchParams.get('comp');
    const done = (status: number) => {
      res.writeHead(status, {
        'x-ms-request-id': randomBytes(4).toString('hex'),
        etag: '"0x1"',
        'content-length': '0',
      });
      res.end();
    };
    if (comp === 'block') {
      const id = url.searchParams.get('blockid');
      if (!id) return refuse(res, 400, 'blob: block without blockid');
      staged.set(id, body);
      return done(201);
    }
    if (comp === 'blocklist') {
      const ids = [
        ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted)>([^<]+)<\/(?:Latest|Uncommitted)>/g),
      ].map((m) => m[1]!);
      if (ids.length === 0 || ids.some((id) => !staged.has(id)))
        return refuse(res, 400, 'blob: block list names unknown blocks');
      artifact.bytes = Buffer.concat(ids.map((id) => staged.get(id)!));
      return done(201);
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      artifact.bytes = body;
      return done(201);
    }
    return refuse(res, 400, `blob: PUT with comp=${comp}`);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      requests.push({ method: req.method ?? '', path: url.pathname });
      const body = Buffer.concat(chunks);
      if (url.pathname.startsWith(`${SERVICE}/`)) {
        const method = url.pathname.slice(SERVICE.length + 1);
        if (method !== 'CreateArtifact' && method !== 'FinalizeArtifact')
          return refuse(res, 404, `Twirp method ${method} is not served here`);
        twirp(req, res, method, body).catch((e) => refuse(res, 500, String(e)));
        return;
      }
      if (url.pathname.startsWith('/devstoreaccount1/')) return blob(req, res, url, body);
      refuse(res, 404, `${req.method} ${url.pathname}`);
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    env: { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `${base}/` },
    artifacts,
    requests,
    violations,
    signature,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The files of a zip (its central directory, stored or deflated entries): enough to read an artifact back. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + compressed);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}
