export interface Command {
  name: string;
  /** One line for `oslo-audit --help`. */
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}
