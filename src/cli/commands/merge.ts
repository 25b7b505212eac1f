import { readFileSync } from 'node:fs';
import { mergeReports, parseReport, type Report } from '../../report/index.js';
import { oneOf, parse } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import { FORMATS, render } from './scan.js';
import type { Command } from './types.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge JSON reports (the shards of a batch) into one report',
  usage: 'oslo-audit merge REPORT.json... [--output FILE] [--format json|table|markdown]',
  async run(argv) {
    const { values, positionals } = parse(argv, { output: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' } });
    if (positionals.length === 0) throw new UsageError('merge needs at least one JSON report');
    const format = oneOf(values.format, FORMATS, '--format') ?? 'json';
    const reports: Report[] = positionals.map((file) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      try {
        return parseReport(text, file);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    });
    const { report, duplicates, missingShards } = mergeReports(reports);
    if (duplicates.length) process.stderr.write(`oslo-audit merge: ${duplicates.length} projects appear in more than one report (kept one each): ${duplicates.slice(0, 5).join(', ')}${duplicates.length > 5 ? ', …' : ''}\n`);
    if (missingShards.length) process.stderr.write(`oslo-audit merge: shards missing from the inputs: ${missingShards.join(', ')}\n`);
    emit(render(report, format), values.output);
    return report.projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
  },
};
