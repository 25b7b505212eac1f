import { mergeReports, type Report } from '../../report/index.js';
import { readReportFile } from '../reportFile.js';
import { parse } from '../args.js';
import { UsageError } from '../exitCodes.js';
import { deliver, OUTPUT_OPTIONS, OUTPUT_USAGE, outputPlan } from '../outputs.js';
import { expandBareColor } from '../terminal.js';
import type { Command } from './types.js';

export const mergeCommand: Command = {
  usage: `oslo-audit merge REPORT.json... ${OUTPUT_USAGE}` + '\n\nThe merged report is JSON unless --format says otherwise.',
  async run(argv) {
    const { values, positionals, tokens } = parse(expandBareColor(argv), OUTPUT_OPTIONS);
    if (positionals.length === 0) throw new UsageError('merge needs at least one JSON report');
    const plan = outputPlan(values, tokens, { env: process.env, stdoutIsTTY: process.stdout.isTTY === true, defaultFormat: 'json' });
    const reports: Report[] = positionals.map(readReportFile);
    const { report, duplicates, missingShards } = mergeReports(reports);
    if (duplicates.length) process.stderr.write(`oslo-audit merge: ${duplicates.length} projects appear in more than one report (kept one each): ${duplicates.slice(0, 5).join(', ')}${duplicates.length > 5 ? ', …' : ''}\n`);
    if (missingShards.length) process.stderr.write(`oslo-audit merge: shards missing from the inputs: ${missingShards.join(', ')}\n`);
    return deliver(report, plan);
  },
};
