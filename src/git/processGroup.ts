// git commands that may run for long or run programs of their own (clone and fetch over the network,
// a commit whose pre-commit hook runs for minutes) start in a process group of their own, so that a
// timeout, an interrupt or the end of the run stops git and everything it started: nothing survives
// the run, not a remote helper stuck on a socket nor a hook's `sleep`.

import { spawn } from 'node:child_process';
import { gitEnv } from './env.js';

/** Groups still running; killed when the process exits, whatever the way out. */
const running = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

let exitHook = false;
function watchExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const pid of running) killGroup(pid, 'SIGKILL');
  });
  // Death by a signal skips 'exit': the groups are stopped first. When nobody else handles the
  // signal, it is then delivered again with its default action, so the process ends as it would have.
  const onSignal = (signal: NodeJS.Signals) => {
    const dying = process.listenerCount(signal) === 1;
    // A run about to die cannot wait for git to clean up: SIGKILL, and the next run clears what is left.
    for (const pid of running) killGroup(pid, dying ? 'SIGKILL' : 'SIGTERM');
    if (dying) {
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    }
  };
  // First in line, so a `once` handler of a command still counts when this one looks.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.prependListener(signal, onSignal);
}

export interface GroupRun {
  code: number | null;
  stdout: string;
  /** The last 64 KiB of what git said. */
  stderr: string;
  /** Why the run was stopped before it ended by itself; `looping`: git said the same line over and over. */
  stopped: 'timeout' | 'aborted' | 'looping' | null;
  /** The line git kept repeating, when `looping`. */
  repeated?: string;
}

const STDERR_KEPT = 64 * 1024;
/** The same line this many times in a row is a git that loops (a partial clone of a shallow source does). */
const REPEATS = 50;

export interface GroupOptions {
  cwd: string;
  /** Variables set on purpose on top of the environment policy (env.ts). */
  env?: Record<string, string>;
  signal?: AbortSignal;
  /** Stop the command when it has written nothing for this long (a remote that never answers). */
  idleTimeoutMs?: number;
  /** Told each stderr chunk (git's progress). */
  onStderr?: (text: string) => void;
}

/** Runs `git args` in its own process group; never rejects (a spawn failure is exit code null). */
export function runGitGroup(args: readonly string[], options: GroupOptions): Promise<GroupRun> {
  watchExit();
  return new Promise((done) => {
    const child = spawn('git', args, { cwd: options.cwd, env: gitEnv(options.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) running.add(pid);
    let stdout = '';
    let stderr = '';
    let stopped: GroupRun['stopped'] = null;
    let lastLine = '';
    let repeats = 0;
    let partial = '';
    let idle: NodeJS.Timeout | undefined;
    let hard: NodeJS.Timeout | undefined;
    const stop = (why: 'timeout' | 'aborted' | 'looping') => {
      if (stopped || pid === undefined) return;
      stopped = why;
      killGroup(pid, 'SIGTERM');
      // A program that ignores SIGTERM is not waited for long.
      hard = setTimeout(() => killGroup(pid, 'SIGKILL'), 2000);
      hard.unref();
    };
    const rearm = () => {
      if (!options.idleTimeoutMs) return;
      clearTimeout(idle);
      idle = setTimeout(() => stop('timeout'), options.idleTimeoutMs);
    };
    const onAbort = () => stop('aborted');
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    rearm();
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      rearm();
    });
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      stderr = (stderr + text).slice(-STDERR_KEPT);
      options.onStderr?.(text);
      // Output that only repeats itself is no progress: it neither rearms the timeout nor goes on forever.
      const lines = (partial + text).split(/\r?\n|\r/);
      partial = lines.pop()!;
      let fresh = false;
      for (const line of lines) {
        if (line === lastLine) repeats++;
        else {
          lastLine = line;
          repeats = 1;
          fresh = true;
        }
      }
      if (repeats >= REPEATS) stop('looping');
      else if (fresh) rearm();
    });
    child.on('error', (e) => (stderr += e.message));
    // What git left running in its group (a hook's children) would hold the pipes open: it goes with git.
    child.on('exit', () => {
      if (pid !== undefined) killGroup(pid, 'SIGKILL');
    });
    child.on('close', (code) => {
      clearTimeout(idle);
      clearTimeout(hard);
      options.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) running.delete(pid);
      done({ code, stdout, stderr, stopped, ...(stopped === 'looping' ? { repeated: lastLine } : {}) });
    });
  });
}
