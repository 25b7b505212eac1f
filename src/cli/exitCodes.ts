/** Exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  /** Findings over a threshold set with --fail-on / --max-findings. */
  findings: 1,
  /** Bad command line, bad input file or configuration. */
  usage: 2,
  /** Some projects could not be resolved, cloned, fetched or scanned (their `error` says why). */
  projectsFailed: 3,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export class UsageError extends Error {}

/** An `--apply` that was put back: one line, and 130 when it was interrupted. */
export function applyFailed(command: string, e: Error & { interrupted: boolean }): number {
  process.stderr.write(`oslo-audit ${command}: --apply ${e.interrupted ? 'stopped' : 'failed'}, nothing changed: ${e.message}\n`);
  return e.interrupted ? EXIT.interrupted : EXIT.usage;
}
