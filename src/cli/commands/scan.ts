import { makeReport } from '../../report/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { parse, positiveInt } from '../args.js';
import { UsageError } from '../exitCodes.js';
import { deliver, OUTPUT_OPTIONS, OUTPUT_USAGE, outputPlan } from '../outputs.js';
import { expandBareColor } from '../terminal.js';
import type { Command } from './types.js';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan local git checkouts and report what stands between them and the Oslo libraries',
  usage: `oslo-audit scan PATH... [--ref REF] [--max-file-size BYTES] ${OUTPUT_USAGE}`,
  async run(argv) {
    const { values, positionals, tokens } = parse(expandBareColor(argv), {
      ...OUTPUT_OPTIONS,
      ref: { type: 'string' },
      'max-file-size': { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('scan needs at least one PATH to a git checkout');
    const plan = outputPlan(values, tokens, { env: process.env, stdoutIsTTY: process.stdout.isTTY === true, defaultFormat: 'table' });
    const maxFileSize = positiveInt(values['max-file-size'], '--max-file-size');
    const projects = [];
    for (const path of positionals) projects.push(await scanCheckout({ path, ref: values.ref }, { maxFileSize }));
    return deliver(makeReport(projects), plan);
  },
};
