import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildDemoWorkspace } from '../../demo/index.js';
import { makeReport } from '../../report/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { oneOf, parse } from '../args.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { notInteractive, review } from './review.js';
import { FORMATS, render } from './scan.js';
import type { Command } from './types.js';

export function defaultDemoDir(): string {
  const cache = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(cache, 'oslo-audit', 'demo');
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'build a demo workspace of OpenStack-like git repositories and review it (a table when not on a terminal)',
  usage: 'oslo-audit demo [--dir DIR] [--format json|table|markdown] [--output FILE]',
  async run(argv) {
    const { values } = parse(argv, { dir: { type: 'string' }, format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } }, false);
    const format = oneOf(values.format, FORMATS, '--format') ?? 'table';
    const dir = values.dir ?? defaultDemoDir();
    const projects = await buildDemoWorkspace(dir);
    process.stderr.write(`oslo-audit: demo workspace with ${projects.length} repositories in ${dir}\n`);
    // On a terminal, with no format asked for, the demo opens the review UI; otherwise it prints.
    if (values.format === undefined && values.output === undefined && notInteractive() === null) {
      return review({ targets: projects.map((p) => ({ path: p.dir, name: p.name })) });
    }
    const scanned = [];
    for (const p of projects) scanned.push(await scanCheckout({ path: p.dir, name: p.name }));
    emit(render(makeReport(scanned), format), values.output);
    return scanned.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
  },
};
