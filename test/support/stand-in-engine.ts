import { Readable } from 'node:stream';
import type { DockerEngine, EngineHistoryItem, EngineImage } from '../../src/engine/docker-engine.js';

/**
 * A Docker engine that serves one image from a `docker save` archive in memory and records every call, for
 * tests of which path reads what. The export comes in two chunks, as a socket would hand it over.
 */
export class StandInEngine implements DockerEngine {
  readonly address = 'unix:///fake.sock';
  calls: string[] = [];
  constructor(
    private readonly archive: Buffer,
    public image: EngineImage,
    private readonly rows: EngineHistoryItem[],
    private readonly containerd = false,
    public present = true,
  ) {}
  async inspect(ref: string) {
    this.calls.push(`inspect ${ref}`);
    return this.present ? this.image : null;
  }
  async history(ref: string) {
    this.calls.push(`history ${ref}`);
    return this.rows;
  }
  async pull(ref: string) {
    this.calls.push(`pull ${ref}`);
    this.present = true;
  }
  async exportImage(ref: string) {
    this.calls.push(`export ${ref}`);
    return Readable.from([this.archive.subarray(0, 3000), this.archive.subarray(3000)]);
  }
  async isContainerdStore() {
    return this.containerd;
  }
}
