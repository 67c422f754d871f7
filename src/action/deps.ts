// What the Action's run takes from outside, in one type that both of its modes (build and compare, or put
// reports together) read; a module of its own so that neither mode imports the other's entry.
import type { ComparePorts } from '../app/compare.js';
import type { DockerCli } from '../engine/docker-cli.js';
import type { ArtifactService } from '../github/artifact.js';
import type { ActionEvent } from '../github/event.js';
import type { RegistryClient } from '../registry/registry-client.js';
import type { Git } from './git.js';
import type { Publisher } from './publish.js';

/** The Action's ports; each defaults to the real thing. Tests hand in fakes. */
export interface RunDeps {
  docker?: DockerCli;
  git?: Git;
  analyze?: ComparePorts['analyze'];
  lint?: ComparePorts['lint'];
  registry?: RegistryClient;
  publisher?: Publisher;
  /** Where the HTML report is uploaded; the runner's artifact service by default. */
  artifacts?: ArtifactService;
  env?: NodeJS.ProcessEnv;
  event?: (env: NodeJS.ProcessEnv) => ActionEvent;
}
