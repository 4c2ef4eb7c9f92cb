// The three ways a command ends badly. Only the entry point (cli.ts) turns them into exit codes.

/** Something the person can fix: printed without a stack trace, exit 1. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

/** The command was called wrongly (a missing flag, a bad value): exit 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** The person pressed Ctrl+C at a question: exit 130, nothing written. */
export class CancelledError extends UserError {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled: nothing was written.', 130);
  }
}

/** A bug in create-coop: printed with a stack and a request for a report. */
export class InternalError extends Error {
  override name = 'InternalError';
}
