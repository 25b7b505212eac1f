import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process. */
export function cli(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [join(packageRoot, 'bin', 'oslo-audit.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
