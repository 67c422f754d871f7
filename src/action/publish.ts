import * as core from '@actions/core';
import { createClient } from '../github/client.js';
import {
  octokitCommentsApi,
  type StickyCommentResult,
  upsertStickyComment,
} from '../github/sticky-comment.js';

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
      const api = octokitCommentsApi(
        createClient({ token, log: { debug: core.debug, warning: core.warning, mask: core.setSecret } }),
      );
      return upsertStickyComment({ api, ...comment });
    },
  };
}
