import * as core from '@actions/core';
import { messageOf } from '../core/errors.js';

/** What a run made along the way and must remove (images, a worktree), last made first, even after a throw. */
export class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  /** Runs every step; one that fails is a warning and the others still run. */
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        core.warning(`image-guard: clean-up: ${messageOf(error)}`);
      }
    }
  }
}
