// The one way oslo-audit runs git: every command starts here, in the folder it is about, under the
// environment policy of env.ts. Three shapes: a command whose whole output is wanted (`runGit`,
// bytes; `gitText`, text that fails loudly), a process whose streams the caller drives (`spawnGit`:
// `cat-file --batch`, a streamed log), and commands that may run long or start programs of their own,
// which run in a process group (processGroup.ts) under the same policy. The tree reader (treeReader.ts)
// is the one exception, a long-lived `sh` that starts git itself; it is given the same environment.
//
// Values from users and repositories never reach git as options: callers pass them through
// assertSafeRef / `--end-of-options` / `--` (safety.ts), never here unchecked.

import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { gitEnv } from './env.js';

export interface RunOptions {
  /** Variables set on purpose on top of the policy (a commit's author, the cached repository's GIT_DIR). */
  env?: Record<string, string>;
  signal?: AbortSignal;
}

export interface GitRun {
  /** -1 when git could not be started or was stopped by a signal. */
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Starts `git args` in `dir` with the streams the caller asks for. */
export function spawnGit(dir: string, args: readonly string[], stdio: StdioOptions, env?: Record<string, string>): ChildProcess {
  return spawn('git', args, { cwd: dir, env: gitEnv(env), stdio });
}

/** Runs `git args` in `dir` and collects its output; never rejects (a spawn failure is code -1). */
export function runGit(dir: string, args: readonly string[], options: RunOptions = {}): Promise<GitRun> {
  return new Promise((done) => {
    const child = spawnGit(dir, args, ['ignore', 'pipe', 'pipe'], options.env);
    const out: Buffer[] = [];
    let stderr = '';
    const onAbort = () => child.kill();
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => (stderr += e.message));
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      done({ code: code ?? -1, stdout: Buffer.concat(out), stderr });
    });
  });
}

/** The first line git complained with, without its `fatal:`. */
export function complaint(stderr: string, fallback: string): string {
  const line = stderr.split('\n').find((l) => l.trim());
  return line ? line.replace(/^(fatal|error): /, '').trim() : fallback;
}

/** The text `git args` prints in `dir`; an error with git's complaint when git fails. */
export async function gitText(dir: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  const r = await runGit(dir, args, options);
  if (r.code !== 0) throw new Error(r.stderr.trim() || `git ${args[0]} exited with ${r.code}`);
  return r.stdout.toString('utf8');
}
