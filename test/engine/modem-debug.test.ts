// docker-modem prints each request's options, X-Registry-Auth among them, when DEBUG names `modem` (DEBUG=* in
// a workflow does): the adapter switches that namespace off, so a pull's credentials never reach a log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';
import { afterAll, expect, it } from 'vitest';
import { FakeEngine } from '../support/fake-engine.js';

const tmp = mkdtempSync(join(tmpdir(), 'ig-modem-debug-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('prints no registry credentials with DEBUG=*, and leaves the other namespaces on', async () => {
  createDebug.enable('*'); // as DEBUG=* does when the debug module loads, before the modem is imported
  const { ModemApi } = await import('../../src/engine/engine-modem.js');
  let sent = '';
  const fake = await new FakeEngine(join(tmp, 'engine.sock'), (req, res) => {
    sent = String(req.headers['x-registry-auth'] ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"done"}\n');
  }).start();
  const printed: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const api = new ModemApi({ address: fake.host, target: { kind: 'socket', socketPath: fake.socket! } });
    const stream = await api.stream(
      {
        method: 'POST',
        path: '/images/create',
        query: { fromImage: 'app', tag: '1' },
        auth: { username: 'me', password: 's3cret', serveraddress: 'registry.example' },
      },
      'the progress of pulling app:1',
    );
    for await (const _ of stream);
  } finally {
    process.stderr.write = write;
    await fake.stop();
  }
  expect(JSON.parse(Buffer.from(sent, 'base64url').toString('utf8'))).toMatchObject({ password: 's3cret' });
  expect(printed.join('')).not.toContain(sent);
  expect(createDebug.enabled('modem')).toBe(false);
  expect(createDebug.enabled('something-else')).toBe(true);
  createDebug.disable();
});
