// Runs one read-only git command and hands its output over line by line as it arrives, so a history
// of tens of thousands of commits is never held as one string.

import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { complaint, spawnGit } from './run.js';

/** git could not give the history: the reason is git's own first line of complaint. */
export class HistoryUnavailableError extends Error {}

/**
 * Calls `onLine` for every line git prints (without the line break); rejects when git fails. When
 * `onLine` returns true, it has read enough: git is stopped and the promise resolves.
 */
export function streamLines(dir: string, args: readonly string[], onLine: (line: string) => boolean | void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawnGit(dir, args, ['ignore', 'pipe', 'pipe']) as ChildProcessByStdio<null, Readable, Readable>;
    let carry = '';
    let stderr = '';
    let thrown: unknown;
    let enough = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (thrown !== undefined || enough) return;
      const text = carry + chunk;
      let start = 0;
      try {
        for (let nl = text.indexOf('\n'); nl >= 0 && !enough; nl = text.indexOf('\n', start)) {
          enough = onLine(text.slice(start, nl)) === true;
          start = nl + 1;
        }
      } catch (e) {
        thrown = e;
      }
      if (thrown !== undefined || enough) child.kill();
      carry = text.slice(start);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString();
    });
    child.on('error', (e) => (stderr += e.message));
    child.on('close', (code) => {
      if (thrown !== undefined) return fail(thrown);
      if (enough) return done();
      if (code !== 0) {
        return fail(new HistoryUnavailableError(complaint(stderr, `git exited with ${code}`)));
      }
      if (carry) onLine(carry);
      done();
    });
  });
}

/** Runs a git command whose whole output is a line or two. */
export async function gitLines(dir: string, args: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  await streamLines(dir, args, (l) => void lines.push(l));
  return lines;
}
