// What the terminal can take: colours only when asked or when stdout is a terminal that wants
// them, and nothing interactive unless both ends are terminals.

export type ColorWhen = 'always' | 'auto' | 'never';
export const COLOR_WHEN: readonly ColorWhen[] = ['always', 'auto', 'never'];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `--color` (`always`) and `--color=never` decide; otherwise colours go only to a terminal, and
 * not when NO_COLOR is set to anything (no-color.org) or TERM is `dumb`.
 */
export function colorWanted(when: ColorWhen | undefined, env: Env, stdoutIsTTY: boolean): boolean {
  if (when === 'always') return true;
  if (when === 'never') return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return stdoutIsTTY;
}

/**
 * Why a full-screen interface cannot start here, or null when it can: it starts only when a person is
 * at a terminal, never in pipes, files or CI logs.
 */
export function whyNotInteractive(stdinIsTTY: boolean, stdoutIsTTY: boolean, env: Env): string | null {
  const plain = "for a plain report use 'oslo-audit scan TARGET... --format table|json|markdown'";
  if (!stdoutIsTTY) return `stdout is not a terminal; ${plain}`;
  if (!stdinIsTTY) return `stdin is not a terminal, so keys cannot be read; ${plain}`;
  if (env['TERM'] === 'dumb') return `TERM=dumb cannot show a full-screen interface; ${plain}`;
  return null;
}

export function interactiveAllowed(stdinIsTTY: boolean, stdoutIsTTY: boolean, env: Env): boolean {
  return whyNotInteractive(stdinIsTTY, stdoutIsTTY, env) === null;
}

/** `--color` with no value means `--color=always` (as in git and ls); parseArgs wants a value. */
export function expandBareColor(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) =>
    arg === '--color' && (end < 0 || i < end) && !(COLOR_WHEN as readonly string[]).includes(argv[i + 1] ?? '') ? '--color=always' : arg,
  );
}
