// Workflow artifacts: the HTML report uploaded with GitHub's own client (@actions/artifact, the v2 artifact
// service: Twirp JSON at ACTIONS_RESULTS_URL, then the bytes to the signed blob URL it hands out). The runner
// gives a job the service through ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL; a local run has neither, and
// GitHub Enterprise Server does not offer this service to the client: then there is no uploader, and why.
import { basename, dirname } from 'node:path';

export interface UploadedArtifact {
  id: number;
  /** The artifact's page on GitHub (it downloads the zip); '' when the run's address is not known. */
  url: string;
}

export interface ArtifactUploader {
  /** Uploads one file as the artifact `name` (a zip holding the file). */
  upload(name: string, file: string): Promise<UploadedArtifact>;
}

export type ArtifactService = { uploader: ArtifactUploader } | { unavailable: string };

/** The runner's artifact service, or why there is none. Reads nothing but the environment. */
export function artifactService(env: NodeJS.ProcessEnv = process.env): ArtifactService {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      unavailable:
        'the artifact service is not available here (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL: a local run, or GitHub Enterprise Server without it)',
    };
  }
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    return {
      unavailable: 'GitHub Enterprise Server does not offer the artifact service (v2) to @actions/artifact',
    };
  }
  return {
    uploader: {
      async upload(name, file) {
        // The client and its Azure blob stack load only when there is something to upload.
        const { DefaultArtifactClient } = await import('@actions/artifact');
        const client = new DefaultArtifactClient();
        const { id } = await client.uploadArtifact(name, [file], dirname(file), { compressionLevel: 9 });
        if (id === undefined) throw new Error(`the artifact service gave no id for ${basename(file)}`);
        return { id, url: artifactUrl(env, id) };
      },
    },
  };
}

/** `https://github.com/OWNER/REPO/actions/runs/RUN/artifacts/ID`, or '' without the run's address. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string {
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY;
  const run = env.GITHUB_RUN_ID;
  if (!repo || !run || !/^\d+$/.test(run) || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return '';
  return `${server}/${repo}/actions/runs/${run}/artifacts/${id}`;
}

/** As @actions/artifact decides it: a server other than github.com, *.ghe.com (GHE.com) or *.localhost. */
function isEnterpriseServer(serverUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toUpperCase();
  } catch {
    return false;
  }
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
}

/** An artifact name from free text (a comment key): the characters the service refuses become `-`. */
export function artifactName(prefix: string, key: string): string {
  const safe = key.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe ? `${prefix}-${safe}`.slice(0, 200) : prefix;
}
