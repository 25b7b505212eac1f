import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildDemoWorkspace } from '../../demo/index.js';
import { makeReport } from '../../report/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { parse } from '../args.js';
import { deliver, OUTPUT_OPTIONS, OUTPUT_USAGE, outputPlan } from '../outputs.js';
import { expandBareColor } from '../terminal.js';
import type { Command } from './types.js';

export function defaultDemoDir(): string {
  const cache = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(cache, 'oslo-audit', 'demo');
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'build a demo workspace of OpenStack-like git repositories and audit it',
  usage: `oslo-audit demo [--dir DIR] ${OUTPUT_USAGE}`,
  async run(argv) {
    const { values, tokens } = parse(expandBareColor(argv), { ...OUTPUT_OPTIONS, dir: { type: 'string' } }, false);
    const plan = outputPlan(values, tokens, { env: process.env, stdoutIsTTY: process.stdout.isTTY === true, defaultFormat: 'table' });
    const dir = values.dir ?? defaultDemoDir();
    const projects = await buildDemoWorkspace(dir);
    process.stderr.write(`oslo-audit: demo workspace with ${projects.length} repositories in ${dir}\n`);
    const scanned = [];
    for (const p of projects) scanned.push(await scanCheckout({ path: p.dir, name: p.name }));
    return deliver(makeReport(scanned), plan);
  },
};
