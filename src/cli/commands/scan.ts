import { renderJson, renderMarkdown, renderTable, makeReport, type Report } from '../../report/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { defaultScanCacheDir } from '../../scan/index.js';
import { oneOf, parse, positiveInt } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import type { Command } from './types.js';

export const FORMATS = ['json', 'table', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'table':
      return renderTable(report);
  }
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan local git checkouts and report what stands between them and the Oslo libraries',
  usage: 'oslo-audit scan PATH... [--format json|table|markdown] [--output FILE] [--ref REF] [--max-file-size BYTES] [--jobs N] [--cache-dir DIR | --no-cache]',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      ref: { type: 'string' },
      'max-file-size': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('scan needs at least one PATH to a git checkout');
    const format = oneOf(values.format, FORMATS, '--format') ?? 'table';
    const maxFileSize = positiveInt(values['max-file-size'], '--max-file-size');
    const jobs = positiveInt(values.jobs, '--jobs');
    if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir cannot be used together');
    if (values['cache-dir'] === '') throw new UsageError('--cache-dir needs a folder');
    const cache = values['no-cache'] ? null : (values['cache-dir'] ?? defaultScanCacheDir());
    const projects = [];
    for (const path of positionals) projects.push(await scanCheckout({ path, ref: values.ref }, { maxFileSize, jobs, cache }));
    const report = makeReport(projects);
    emit(render(report, format), values.output);
    for (const p of projects) if (p.error) process.stderr.write(`oslo-audit: ${p.name}: ${p.error.message}\n`);
    return projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
  },
};
