import { describe, expect, it } from 'vitest';
import { readNpm } from '../../../src/analysis/packages/npm.js';

const files = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));

describe('readNpm', () => {
  it('reads each node_modules package, scoped and nested ones, owning its directory but its own node_modules', () => {
    const { records, skipped } = readNpm(
      files({
        'app/node_modules/express/package.json': JSON.stringify({
          name: 'express',
          version: '4.19.2',
          main: 'index.js',
        }),
        'app/node_modules/@types/node/package.json':
          '{\n  "name": "@types/node",\n  "version": "20.11.5"\n}\n',
        'app/node_modules/express/node_modules/debug/package.json': '{"name":"debug","version":"2.6.9"}',
      }),
    );
    expect(skipped).toBe(0);
    expect(records).toEqual([
      {
        ecosystem: 'npm',
        name: 'express',
        version: '4.19.2',
        location: '/app/node_modules/express/package.json',
        dirs: [{ path: 'app/node_modules/express', except: 'app/node_modules/express/node_modules' }],
      },
      {
        ecosystem: 'npm',
        name: '@types/node',
        version: '20.11.5',
        location: '/app/node_modules/@types/node/package.json',
        dirs: [{ path: 'app/node_modules/@types/node', except: 'app/node_modules/@types/node/node_modules' }],
      },
      {
        ecosystem: 'npm',
        name: 'debug',
        version: '2.6.9',
        location: '/app/node_modules/express/node_modules/debug/package.json',
        dirs: [
          {
            path: 'app/node_modules/express/node_modules/debug',
            except: 'app/node_modules/express/node_modules/debug/node_modules',
          },
        ],
      },
    ]);
  });

  it('skips a manifest that is not JSON or lacks a name or version', () => {
    const { records, skipped } = readNpm(
      files({
        'node_modules/a/package.json': '{"name": "a", "version": ',
        'node_modules/b/package.json': '{"name": "b"}',
        'node_modules/c/package.json': '[1, 2]',
        'node_modules/d/package.json': 'null',
        'node_modules/e/package.json': '{"name": "e", "version": "1.0.0"}',
      }),
    );
    expect(records.map((r) => r.name)).toEqual(['e']);
    expect(skipped).toBe(4);
  });
});
