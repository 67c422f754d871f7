import * as core from '@actions/core';
import type { StickyCommentResult } from '../github/sticky-comment.js';

export interface Publisher {
  upsert(comment: {
    owner: string;
    repo: string;
    issueNumber: number;
    key: string;
    body: string;
  }): Promise<StickyCommentResult>;
}

export function githubPublisher(token: string): Publisher {
  return {
    async upsert(comment) {
      if (!token) return { url: '', action: 'skipped', reason: 'no github-token' };
      // Octokit and its HTTP stack load only when there is a comment to post: the step starts faster.
      const { createClient } = await import('../github/client.js');
      const { octokitCommentsApi, upsertStickyComment } = await import('../github/sticky-comment.js');
      const api = octokitCommentsApi(
        createClient({ token, log: { debug: core.debug, warning: core.warning, mask: core.setSecret } }),
      );
      return upsertStickyComment({ api, ...comment });
    },
  };
}
