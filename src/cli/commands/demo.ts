import { cacheLayoutOf } from '../targets.js';
import { buildDemoWorkspace } from '../../demo/index.js';
import { DEFAULT_JOBS, runBatch } from '../../pipeline/index.js';
import { parseTarget } from '../../sources/index.js';
import { DEFAULT_MAX_POINTS, runTrend } from '../../trend/index.js';
import { parse } from '../args.js';
import { deliver, OUTPUT_OPTIONS, OUTPUT_USAGE, outputPlan } from '../outputs.js';
import { notInteractive, review } from '../review/session.js';
import { expandBareColor } from '../terminal.js';
import type { Command } from './types.js';

export const demoCommand: Command = {
  usage: `oslo-audit demo [--dir DIR] [--cache-dir DIR] ${OUTPUT_USAGE}`,
  async run(argv) {
    const { values, tokens } = parse(expandBareColor(argv), { ...OUTPUT_OPTIONS, dir: { type: 'string' }, 'cache-dir': { type: 'string' } }, false);
    const plan = outputPlan(values, tokens, { env: process.env, stdoutIsTTY: process.stdout.isTTY === true, defaultFormat: 'table' });
    const layout = cacheLayoutOf(values);
    // The workspace is rebuilt by every run: it lives with the caches unless told otherwise.
    const dir = values.dir ?? layout.demo;
    const projects = await buildDemoWorkspace(dir);
    process.stderr.write(`oslo-audit: demo workspace with ${projects.length} repositories in ${dir}\n`);
    // On a terminal, with no format asked for, the demo opens the review UI; otherwise it prints.
    const targets = projects.map((p) => ({ ...parseTarget(p.dir), name: p.name }));
    const options = { cacheDir: layout.clones, cache: null, jobs: DEFAULT_JOBS };
    if (values.format === undefined && values.output === undefined && notInteractive() === null) {
      // The demo's histories have release tags: their trend gives the sparklines and charts.
      const { trend } = await runTrend(targets, { by: 'tags', patterns: [], maxPoints: DEFAULT_MAX_POINTS }, { cacheDir: options.cacheDir, cache: null });
      return review({ targets, options }, { trend });
    }
    return deliver(await runBatch(targets, options), plan);
  },
};
