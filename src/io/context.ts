// What a command may use of the world outside it, passed in from the entry point as
// create-astro passes its context: where it runs, the environment it reads, and where it
// prints. Commands never reach for process.cwd(), process.env or process.stdout themselves,
// so a test can run the whole CLI in its own process with its own folder and capture what it
// prints (test/support/cli.ts), and only the end-to-end tier has to start Node.

/** Somewhere text is printed: process.stdout, or a test's capture. */
export interface Output {
  /** Text, or the bytes of UTF-8 text (a kept output printed again without decoding it). */
  write(text: string | Uint8Array): unknown;
  /** A terminal: questions can be asked, colour and the terminal's width used. */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Context {
  /** The folder the command was run in; relative paths in arguments are taken from here. */
  readonly cwd: string;
  /** The environment the command reads (colour). Child processes such as git inherit the process's own. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Output;
  readonly stderr: Output;
  /** Only ever asked whether it is a terminal: nothing waits for input without one. */
  readonly stdin: { readonly isTTY?: boolean };
}

/** The context of the running process, for the bins. */
export function processContext(): Context {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', quietWhenReaderLeaves);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Node makes process.stdin (a stream over the pipe, file or terminal) when first asked for
    // it; only a command that may ask a question does, so the others do not pay for it.
    get stdin() {
      return process.stdin;
    },
  };
}

/**
 * A reader that stops early (`coop member list | head`) closes the pipe, and every later write
 * fails with EPIPE: the rest of the output is not wanted, so the command goes on to its end as
 * it would have (a change still commits, nothing is left half done) instead of dying with
 * Node's stack trace. Any other failure to print is still an error.
 */
export function quietWhenReaderLeaves(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

/** Colour on stderr only at a terminal, and never when NO_COLOR is set (no-color.org); FORCE_COLOR insists. */
export function colourLevel(ctx: Pick<Context, 'env' | 'stderr'>): 0 | 1 {
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return 1;
  return ctx.stderr.isTTY && !ctx.env.NO_COLOR ? 1 : 0;
}
