// `fix` against `scan` on one checkout: wall time and peak memory of each, as whole processes.
//
//   npm run build --silent && node dist/bench/fixMemory.js CHECKOUT [--runs N]
//
// Each command runs in a fresh process (`oslo-audit scan --no-cache --quiet CHECKOUT`, then
// `oslo-audit fix CHECKOUT`, which scans without the cache too), timed with the process's own
// resource usage. The target is fix's peak within 1.5× of scan's. Prints the medians.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/paths.js';
import { columns } from '../src/util/text.js';

/** Seconds and peak RSS (MB) of one run of the CLI, measured from inside the process at its exit. */
function measure(args: string[]): Promise<{ seconds: number; maxRssMB: number }> {
  // The child reports its own peak (`resourceUsage().maxRSS`, KiB) on fd 3 as it exits.
  const probe = `import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS)));`;
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, join(packageRoot, 'bin', 'oslo-audit.js'), ...args], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    let rss = '';
    child.stdio[3]!.on('data', (d: Buffer) => (rss += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`oslo-audit ${args[0]} exited ${code}`));
      done({ seconds: Number(process.hrtime.bigint() - started) / 1e9, maxRssMB: Number(rss) / 1024 });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string' } }, allowPositionals: true });
  const checkout = positionals[0];
  if (!checkout) throw new Error('usage: node dist/bench/fixMemory.js CHECKOUT [--runs N]');
  const runs = Number(values.runs ?? 3);
  const figures: Record<'scan' | 'fix', { seconds: number[]; rss: number[] }> = { scan: { seconds: [], rss: [] }, fix: { seconds: [], rss: [] } };
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of [['scan', ['scan', '--no-cache', '--quiet', checkout]], ['fix', ['fix', checkout]]] as const) {
      const m = await measure([...args]);
      figures[name].seconds.push(m.seconds);
      figures[name].rss.push(m.maxRssMB);
    }
  }
  const rows = (['scan', 'fix'] as const).map((n) => [n, `${median(figures[n].seconds).toFixed(1)} s`, `${median(figures[n].rss).toFixed(0)} MB`]);
  process.stdout.write(`${columns([['command', 'wall (median)', 'peak RSS (median)'], ...rows]).join('\n')}\n`);
  process.stdout.write(`fix / scan peak RSS: ${(median(figures.fix.rss) / median(figures.scan.rss)).toFixed(2)}× (target ≤ 1.5×), over ${runs} runs\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`fixMemory: ${e.message}\n`);
  process.exit(2);
});
