import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildDemoWorkspace } from '../../demo/index.js';
import { defaultCacheDir } from '../../git/index.js';
import { DEFAULT_JOBS, runBatch } from '../../pipeline/index.js';
import { parseTarget } from '../../sources/index.js';
import { DEFAULT_MAX_POINTS, runTrend } from '../../trend/index.js';
import { parse } from '../args.js';
import { deliver, OUTPUT_OPTIONS, OUTPUT_USAGE, outputPlan } from '../outputs.js';
import { expandBareColor } from '../terminal.js';
import { notInteractive, review } from './review.js';
import type { Command } from './types.js';

export function defaultDemoDir(): string {
  const cache = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(cache, 'oslo-audit', 'demo');
}

export const demoCommand: Command = {
  usage: `oslo-audit demo [--dir DIR] ${OUTPUT_USAGE}`,
  async run(argv) {
    const { values, tokens } = parse(expandBareColor(argv), { ...OUTPUT_OPTIONS, dir: { type: 'string' } }, false);
    const plan = outputPlan(values, tokens, { env: process.env, stdoutIsTTY: process.stdout.isTTY === true, defaultFormat: 'table' });
    const dir = values.dir ?? defaultDemoDir();
    const projects = await buildDemoWorkspace(dir);
    process.stderr.write(`oslo-audit: demo workspace with ${projects.length} repositories in ${dir}\n`);
    // On a terminal, with no format asked for, the demo opens the review UI; otherwise it prints.
    const targets = projects.map((p) => ({ ...parseTarget(p.dir), name: p.name }));
    const options = { cacheDir: defaultCacheDir(), cache: null, jobs: DEFAULT_JOBS };
    if (values.format === undefined && values.output === undefined && notInteractive() === null) {
      // The demo's histories have release tags: their trend gives the sparklines and charts.
      const { trend } = await runTrend(targets, { by: 'tags', patterns: [], maxPoints: DEFAULT_MAX_POINTS }, { cacheDir: options.cacheDir, cache: null });
      return review({ targets, options }, { trend });
    }
    return deliver(await runBatch(targets, options), plan);
  },
};
