// The HTML report's upload through GitHub's own client (@actions/artifact) against a local stand-in of the
// artifact service that checks each request the client makes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { artifactName, artifactService, artifactUrl } from '../../src/github/artifact.js';
import { type ArtifactServiceStandIn, startArtifactService, unzip } from '../support/artifact-service.js';

let service: ArtifactServiceStandIn;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  service = await startArtifactService();
  dir = mkdtempSync(join(tmpdir(), 'ig-artifact-'));
});
afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

/** The environment a job step gets from the runner, pointing at the stand-in. */
function runnerEnv(): NodeJS.ProcessEnv {
  return {
    ...service.env,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_RUN_ID: '4242',
  };
}

describe('artifactService', () => {
  it('uploads the file as a zip through CreateArtifact, the signed blob URL and FinalizeArtifact', async () => {
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
    // The client reads the runner's variables from the process environment.
    Object.assign(process.env, runnerEnv());
    const file = join(dir, 'report.html');
    const page = `<!DOCTYPE html><title>r</title>${'<p>x</p>'.repeat(20_000)}`;
    writeFileSync(file, page);
    const found = artifactService(process.env);
    if (!('uploader' in found)) throw new Error(found.unavailable);
    const uploaded = await found.uploader.upload('image-guard-report-Dockerfile', file);

    expect(service.violations).toEqual([]);
    const stored = service.artifacts.get('image-guard-report-Dockerfile')!;
    expect(stored).toMatchObject({ finalized: true, mimeType: 'application/zip' });
    expect(uploaded).toEqual({
      id: stored.id,
      url: `https://github.com/octo-org/app/actions/runs/4242/artifacts/${stored.id}`,
    });
    // The zip holds the page as written.
    expect(unzip(stored.bytes!).get('report.html')?.toString('utf8')).toBe(page);
    const calls = service.requests.map(
      (r) => `${r.method} ${r.path.replace(/\/devstoreaccount1\/.*/, '/blob')}`,
    );
    expect(calls[0]).toBe('POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact');
    expect(calls.at(-1)).toBe('POST /twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact');
    expect(calls.slice(1, -1).every((c) => c === 'PUT /blob')).toBe(true);
    // The runtime token never reaches the log; the blob signature only after the runner was told to mask it.
    const log = stdout.join('');
    expect(log).not.toContain(service.env.ACTIONS_RUNTIME_TOKEN);
    expect(log.indexOf(service.signature)).toBe(log.indexOf(`::add-mask::${service.signature}`) + 12);
  }, 30_000);

  it('a refused request fails the upload with the service’s reason', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    Object.assign(process.env, runnerEnv());
    const file = join(dir, 'again.html');
    writeFileSync(file, '<p>again</p>');
    const found = artifactService(process.env);
    if (!('uploader' in found)) throw new Error(found.unavailable);
    // The stand-in refuses a second artifact of the same name (409 is not retried).
    await found.uploader.upload('image-guard-report-twice', file);
    await expect(found.uploader.upload('image-guard-report-twice', file)).rejects.toThrow(/exists already/);
    service.violations.length = 0;
  }, 30_000);

  it('the stand-in refuses what the client would not send: another token, an unknown field, another method', async () => {
    const call = (method: string, body: object, token = service.env.ACTIONS_RUNTIME_TOKEN) =>
      fetch(`${service.url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    const before = service.violations.length;
    expect(await call('CreateArtifact', { name: 'x', version: 7 }, 'other')).toBe(401);
    expect(await call('CreateArtifact', { name: 'x', version: 7, public: true })).toBe(400);
    expect(await call('ListArtifacts', {})).toBe(404);
    expect(service.violations.length - before).toBe(3);
    service.violations.length = before;
  });

  it('says why there is no service: a local run, GitHub Enterprise Server', () => {
    expect(artifactService({})).toEqual({ unavailable: expect.stringMatching(/ACTIONS_RUNTIME_TOKEN/) });
    expect(artifactService({ ACTIONS_RUNTIME_TOKEN: 't' })).toHaveProperty('unavailable');
    expect(artifactService({ ...service.env, GITHUB_SERVER_URL: 'https://ghes.example.com' })).toEqual({
      unavailable: expect.stringMatching(/Enterprise Server/),
    });
    expect(artifactService({ ...service.env, GITHUB_SERVER_URL: 'https://octo.ghe.com' })).toHaveProperty(
      'uploader',
    );
  });
});

describe('artifact names and links', () => {
  it.each([
    ['Dockerfile', 'image-guard-report-Dockerfile'],
    ['docker/Dockerfile:prod', 'image-guard-report-docker-Dockerfile-prod'],
    ['"<x>"|*?\\', 'image-guard-report-x'],
    ['///', 'image-guard-report'],
  ])('%s → %s', (key, name) => expect(artifactName('image-guard-report', key)).toBe(name));

  it('links to the artifact only with a well-formed repository and run id', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com/', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '12' };
    expect(artifactUrl(env, 5)).toBe('https://github.com/o/r/actions/runs/12/artifacts/5');
    expect(artifactUrl({ ...env, GITHUB_RUN_ID: '12)x' }, 5)).toBe('');
    expect(artifactUrl({ ...env, GITHUB_REPOSITORY: undefined }, 5)).toBe('');
  });
});
