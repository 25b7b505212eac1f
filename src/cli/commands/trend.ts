// `oslo-audit trend`: each target scanned at points of its history (release tags, dates, or refs),
// as JSON, CSV, a table, an SVG burndown or a self-contained HTML page.

import { burndownSvg, renderHtml, renderTrendCsv, renderTrendJson, renderTrendTable, type ChartMode, type Report, type TrendReport } from '../../report/index.js';
import { DEFAULT_MAX_POINTS, listOf, parseDate, parseInterval, runTrend, SpecError, type PointSpec } from '../../trend/index.js';
import { oneOf, parse, positiveInt } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import { batchOptionsOf, cacheLayoutOf, namesTargets, TARGET_HELP, TARGET_OPTIONS, targetsOf } from '../targets.js';
import type { Command } from './types.js';

const FORMATS = ['table', 'json', 'csv', 'svg', 'html'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  ...TARGET_OPTIONS,
  points: { type: 'string' },
  tags: { type: 'string', multiple: true },
  every: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  refs: { type: 'string', multiple: true },
  'max-points': { type: 'string' },
  chart: { type: 'string' },
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
} as const;

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];

function specOf(values: Values): PointSpec {
  const by = oneOf(values.points, ['tags', 'dates', 'refs'] as const, '--points') ?? (values.refs ? 'refs' : values.every || values.since ? 'dates' : 'tags');
  const maxPoints = positiveInt(values['max-points'], '--max-points') ?? DEFAULT_MAX_POINTS;
  try {
    if (by === 'refs') {
      const refs = listOf(values.refs);
      if (refs.length === 0) throw new UsageError('--points refs needs --refs A,B,C');
      return { by, refs };
    }
    if (by === 'dates') {
      return {
        by,
        every: parseInterval(values.every ?? '3months'),
        since: values.since ? parseDate(values.since, '--since') : null,
        until: values.until ? parseDate(values.until, '--until') : null,
        maxPoints: values['max-points'] ? maxPoints : Number.MAX_SAFE_INTEGER,
      };
    }
    return { by, patterns: listOf(values.tags), maxPoints };
  } catch (e) {
    if (e instanceof SpecError) throw new UsageError(e.message);
    throw e;
  }
}

/** Formats paired with outputs in the order given; the one without a file goes to stdout. */
function outputsOf(values: Values): { format: Format; output: string | undefined }[] {
  const formats = (values.format ?? ['table']).map((f) => oneOf(f, FORMATS, '--format')!);
  const files = values.output ?? [];
  if (files.length > formats.length) throw new UsageError(`--output ${files[formats.length]} has no --format of its own`);
  const pairs = formats.map((format, i) => ({ format, output: files[i] }));
  if (pairs.filter((p) => p.output === undefined || p.output === '-').length > 1) throw new UsageError('only one format can go to stdout; give --output FILE to the others');
  return pairs;
}

function render(format: Format, trend: TrendReport, latest: Report, mode: ChartMode): string {
  switch (format) {
    case 'table':
      return renderTrendTable(trend);
    case 'json':
      return renderTrendJson(trend);
    case 'csv':
      return renderTrendCsv(trend);
    case 'svg':
      return burndownSvg(trend.projects, { mode });
    case 'html':
      return renderHtml({ report: latest, trend, chart: mode });
  }
}

export const trendCommand: Command = {
  usage: [
    'oslo-audit trend TARGET... [--points tags|dates|refs] [--tags PATTERN[,PATTERN...]] [--every 3months] [--since DATE] [--until DATE]',
    '                 [--refs A,B,C] [--max-points N] [--format table|json|csv|svg|html [--output FILE]]... [--chart lines|stacked] [--quiet]',
    '                 [--cache-dir DIR] [--no-cache] [--jobs N] [--ref REF] [--from FILE] [--base-url URL] [--max-file-size BYTES]',
    '',
    TARGET_HELP,
    'Points: release tags by default (every tag, or those matching --tags, at most --max-points, default 20, spread evenly); see docs/trend.md.',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(argv, OPTIONS);
    const spec = specOf(values);
    const outputs = outputsOf(values);
    const mode = oneOf(values.chart, ['lines', 'stacked'] as const, '--chart') ?? 'lines';
    if (!namesTargets(values, positionals)) throw new UsageError('trend needs targets: paths, URLs, namespace/name, --from FILE, --governance PATH or --github-org ORG');
    const interrupt = new AbortController();
    const batch = batchOptionsOf(values, cacheLayoutOf(values), interrupt.signal);
    const targets = await targetsOf(values, positionals);
    const onSigint = () => interrupt.abort();
    process.once('SIGINT', onSigint);
    let result;
    try {
      result = await runTrend(targets, spec, {
        cacheDir: batch.cacheDir,
        cache: batch.cache ?? null,
        maxFileSize: batch.maxFileSize,
        jobs: batch.jobs,
        ref: batch.ref,
        signal: interrupt.signal,
        onTarget: values.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
    } finally {
      process.off('SIGINT', onSigint);
    }
    if (interrupt.signal.aborted) {
      process.stderr.write('oslo-audit trend: interrupted; nothing written\n');
      return EXIT.interrupted;
    }
    for (const o of outputs) emit(render(o.format, result.trend, result.latest, mode), o.output);
    const failed = result.trend.projects.filter((p) => p.error);
    if (values.quiet) for (const p of failed) process.stderr.write(`oslo-audit: ${p.name}: ${p.error!.message}\n`);
    return failed.length ? EXIT.projectsFailed : EXIT.ok;
  },
};
