/**
 * An error the user can act on: the CLI prints it as one `image-guard: error: …` line and exits 2, the
 * Action fails the step with it. Its message says what went wrong and what to do; never a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** The message of anything thrown, for a one-line report. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}
