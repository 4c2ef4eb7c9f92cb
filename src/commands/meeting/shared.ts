// What the meeting commands share: their common options.

export interface CommonOptions {
  /** False with --no-commit. */
  commit?: boolean;
  json?: boolean;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
