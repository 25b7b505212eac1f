// git commands that talk to a remote (clone, fetch): in a process group of their own (processGroup.ts,
// under the environment policy of env.ts), stopped with everything they started when the remote
// sends nothing for the timeout, when git says the same line over and over, or when the run is
// interrupted; their progress told as it comes, their failures said in one line without credentials.

import { redactText } from './credentials.js';
import { runGitGroup } from './processGroup.js';

/** How long a network step may go without a word from the remote: `--timeout`'s default, 120 s. */
export const DEFAULT_NETWORK_TIMEOUT_MS = 120_000;

export interface CacheProgress {
  state: 'cloning' | 'fetching';
  percent?: number;
  /** git's stage name (`receiving`, `resolving`, …). */
  detail?: string;
}

export interface RemoteOptions {
  /** `-c` settings: a URL rewrite that adds the credentials, which are never stored in the config. */
  config: string[];
  /** Nothing from the remote for this long stops the command (default DEFAULT_NETWORK_TIMEOUT_MS). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CacheProgress) => void;
}

/** One line from a git failure: its `fatal:`/`error:` lines, credentials removed. */
export function gitMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const lines = redactText(raw)
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(Cloning into|remote: (Counting|Compressing|Enumerating|Total)|Receiving objects|Resolving deltas)/.test(l));
  const important = lines.filter((l) => /^(fatal|error):/.test(l));
  return (important.length ? important : lines).join(' ') || 'git failed';
}

/** git said one line over and over and was stopped. */
export class LoopingGitError extends Error {
  constructor(
    message: string,
    readonly line: string,
  ) {
    super(message);
  }
}

/**
 * A git command that talks to the remote (clone, fetch): in a process group of its own, stopped with
 * everything it started when the remote sends nothing for the timeout, or when the run is interrupted.
 */
export async function network(remote: RemoteOptions, cwd: string, gitDir: string | undefined, state: CacheProgress['state'], args: string[], settings: string[] = []): Promise<string> {
  const timeoutMs = remote.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  // curl gives up on its own too, should git's remote helper outlive the group: later than our own
  // timer, so that the error said is ours, naming --timeout, and not curl's.
  const config = [...remote.config, ...settings, 'http.lowSpeedLimit=1', `http.lowSpeedTime=${seconds * 2 + 5}`].flatMap((c) => ['-c', c]);
  const onProgress = remote.onProgress;
  const [command, ...rest] = args;
  const r = await runGitGroup([...config, command!, ...(onProgress ? ['--progress'] : []), ...rest], {
    cwd,
    // The cached repository itself, never one found by walking up from it.
    env: gitDir ? { GIT_DIR: gitDir } : {},
    signal: remote.signal,
    idleTimeoutMs: timeoutMs,
    onStderr: onProgress
      ? (text) => {
          const m = [...text.matchAll(/([A-Za-z]+) [A-Za-z ]*?:\s+(\d+)%/g)].pop();
          if (m) onProgress({ state, percent: Number(m[2]), detail: m[1]!.toLowerCase() });
        }
      : undefined,
  });
  if (r.stopped === 'timeout') throw new Error(`fatal: timed out: nothing from the remote for ${seconds} s (--timeout)`);
  if (r.stopped === 'looping') throw new LoopingGitError(`fatal: git stopped: it kept saying "${r.repeated}"`, r.repeated ?? '');
  if (r.stopped === 'aborted') throw new Error('fatal: interrupted');
  if (r.code !== 0) throw new Error(r.stderr || `fatal: git ${command} failed`);
  return r.stdout;
}
