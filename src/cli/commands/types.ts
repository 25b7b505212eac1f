/** A subcommand's module: loaded only when the subcommand runs (or its `--help` is asked for). */
export interface Command {
  usage: string;
  run(argv: string[]): Promise<number>;
}

/**
 * A row of the command table: what `oslo-audit --help` lists without loading anything, and how to
 * load the command itself.
 */
export interface CommandEntry {
  name: string;
  /** One line for `oslo-audit --help`. */
  summary: string;
  load(): Promise<Command>;
}
