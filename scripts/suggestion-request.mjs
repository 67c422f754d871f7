// The review request image-guard sends for the bundled example, recorded, for the README's picture of a suggestion
// (`npm run screenshot -- --review`). A pull request that adds examples/python-api/Dockerfile.single is made as a
// git repository of its own (base: the example without that file; head: with it; fixed names and dates, so the
// head commit's id is the same run after run), git's diff of the two is what GET /pulls/{n}/files answers, and
// the Action's own code plans the suggestions (dockerfileSuggestions, as src/action/main.ts calls it) and posts
// them (syncReviewSuggestions over the Octokit client) to the local stand-in for GitHub's API
// (test/support/github-api-server.ts), which holds every request to GitHub's OpenAPI description. What it
// recorded of POST /repos/{owner}/{repo}/pulls/{n}/reviews is written out, with the diff the comments sit on.
//
//   node scripts/suggestion-request.mjs [--out FILE]
//     --out FILE  default demo-output/review.json (`npm run demo` writes it there too)
//
// The sources are bundled with esbuild on the fly (as scripts/gen-docs.mjs does): the file is what the code
// checked out now sends, built or not.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = 'examples/python-api';
const DOCKERFILE = 'Dockerfile.single';
const OWNER = 'example';
const REPO = 'python-api';
const PULL = 1;
const TOKEN = 'ghs_stand-in-token';
const BOT = 'github-actions[bot]';

function fail(message) {
  process.stderr.write(`suggestion-request: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { out: join(root, 'demo-output/review.json') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = resolve(argv[++i] ?? fail('--out needs a path'));
    else fail(`unknown argument ${argv[i]} (expected --out FILE)`);
  }
  return options;
}

/**
 * What the picture is checked against: the SHA-256 of the request body's JSON without `commit_id` (which names
 * the stand-in repository's head commit, and so changes with any file of the example; the picture does not
 * show it). test/repo/readme-picture.test.ts computes the same.
 */
export function requestFingerprint(body) {
  const { commit_id: _commit, ...shown } = body;
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex');
}

function git(dir, ...args) {
  const result = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'example',
      GIT_AUTHOR_EMAIL: 'example@example.com',
      GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
      GIT_COMMITTER_NAME: 'example',
      GIT_COMMITTER_EMAIL: 'example@example.com',
      GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
    },
  });
  if (result.error) fail(`git: ${result.error.message}`);
  if (result.status !== 0 && !(args[0] === 'diff' && result.status === 1))
    fail(`git ${args[0]} failed: ${result.stderr.trim().split('\n').pop()}`);
  return result.stdout;
}

/** The example's files as the repository holds them (tracked files only: no caches, no virtualenvs). */
function exampleFiles() {
  const listed = git(root, 'ls-files', '-z', '--', EXAMPLE).split('\0').filter(Boolean);
  if (!listed.includes(`${EXAMPLE}/${DOCKERFILE}`)) fail(`${EXAMPLE}/${DOCKERFILE} is not tracked by git`);
  return listed.map((file) => relative(EXAMPLE, file).split('\\').join('/'));
}

/** The pull request as a repository: base without the Dockerfile, head with it. */
function pullRequestRepo(dir) {
  git(dir, 'init', '-q', '-b', 'main');
  const files = exampleFiles();
  for (const file of files) {
    if (file === DOCKERFILE) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), readFileSync(join(root, EXAMPLE, file)));
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'the API');
  const baseSha = git(dir, 'rev-parse', 'HEAD').trim();
  writeFileSync(join(dir, DOCKERFILE), readFileSync(join(root, EXAMPLE, DOCKERFILE)));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', `add ${DOCKERFILE}`);
  const headSha = git(dir, 'rev-parse', 'HEAD').trim();
  const diff = git(dir, 'diff', '--unified=3', baseSha, headSha, '--', DOCKERFILE);
  return { headSha, patch: diff.slice(diff.indexOf('@@')).replace(/\n$/, '') };
}

async function loadSources() {
  const result = await build({
    stdin: {
      contents: [
        "export { dockerfileSuggestions } from './src/app/suggestions.ts';",
        "export { octokitReviewApi, syncReviewSuggestions } from './src/github/review-suggestions.ts';",
        "export { createClient } from './src/github/client.ts';",
        "export { loadConfig } from './src/config/config.ts';",
        "export { startGitHubApiServer } from './test/support/github-api-server.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  // Inside node_modules, so that the packages it imports resolve as they do for the sources.
  const tmp = join(root, 'node_modules', '.cache', `suggestion-request-${process.pid}.mjs`);
  mkdirSync(dirname(tmp), { recursive: true });
  writeFileSync(tmp, result.outputFiles[0].text);
  return import(pathToFileURL(tmp).href).finally(() => rmSync(tmp, { force: true }));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const src = await loadSources();
  const work = mkdtempSync(join(tmpdir(), 'image-guard-review-'));
  const server = await src.startGitHubApiServer();
  try {
    const { headSha, patch } = pullRequestRepo(work);
    server.addToken(TOKEN, { login: BOT, kind: 'app', canWrite: true });
    server.setPullFiles(OWNER, REPO, PULL, [{ filename: DOCKERFILE, patch, status: 'added' }]);
    // As src/action/main.ts plans them: the workspace's Dockerfile, its directory the context, the config file
    // (none here) read from the workspace; the key is the `dockerfile` input, as the sticky comment's.
    const { suggestions } = await src.dockerfileSuggestions({
      dockerfile: join(work, DOCKERFILE),
      context: work,
      target: null,
      platform: null,
      buildContexts: [],
      config: await src.loadConfig(null, work),
    });
    const quiet = { debug() {}, warning: (m) => process.stderr.write(`suggestion-request: ${m}\n`) };
    const client = src.createClient({ token: TOKEN, baseUrl: server.url, spaceWrites: false, log: quiet });
    const result = await src.syncReviewSuggestions({
      api: src.octokitReviewApi(client),
      owner: OWNER,
      repo: REPO,
      pullNumber: PULL,
      headSha,
      path: DOCKERFILE,
      key: DOCKERFILE,
      suggestions,
    });
    if (server.violations.length > 0)
      fail(`the request strayed from GitHub's API description: ${server.violations[0]}`);
    const posted = server.requests.filter((r) => r.operationId === 'pulls/create-review');
    if (result.action !== 'done' || posted.length !== 1)
      fail(`expected one review, got ${posted.length} (${result.reason ?? result.action})`);
    const [request] = posted;
    const review = {
      imageGuardVersion: version,
      about: `POST ${request.path}: the review image-guard ${version} posts on a pull request that adds ${EXAMPLE}/${DOCKERFILE} (written by scripts/suggestion-request.mjs)`,
      request: { method: request.method, path: request.path, body: request.body },
      files: [{ filename: DOCKERFILE, status: 'added', patch }],
      fingerprint: requestFingerprint(request.body),
    };
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(review, null, 2)}\n`);
    process.stderr.write(
      `suggestion-request: ${relative(process.cwd(), options.out) || options.out}: POST ${request.path} with ${request.body.comments.length} comments (${result.offDiff} not on the diff)\n`,
    );
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
}
