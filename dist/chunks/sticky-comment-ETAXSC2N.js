import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  CommentTooLongError,
  GITHUB_ACTIONS_BOT,
  MAX_COMMENT_LENGTH,
  commentLength,
  githubMessage,
  isHttpError,
  isPermissionDenied,
  normalizeKey,
  octokitCommentsApi,
  stickyMarker,
  upsertStickyComment,
  withMarker
} from "./chunk-YCOTHUAA.js";
import "./chunk-6S3NRT4R.js";
export {
  CommentTooLongError,
  GITHUB_ACTIONS_BOT,
  MAX_COMMENT_LENGTH,
  commentLength,
  githubMessage,
  isHttpError,
  isPermissionDenied,
  normalizeKey,
  octokitCommentsApi,
  stickyMarker,
  upsertStickyComment,
  withMarker
};
