import { parse } from '../args.js';
import { UsageError } from '../exitCodes.js';
import { notInteractive, review, type ReviewExtras } from '../review/session.js';
import { batchOptionsOf, cacheLayoutOf, incubatorOption, namesTargets, TARGET_HELP, TARGET_OPTIONS, TARGET_USAGE, targetsOf } from '../targets.js';
import { readReportFile, readTrendFile } from '../reportFile.js';
import type { Command } from './types.js';

const REVIEW_USAGE = '[--checklist-dir DIR] [--project-config DIR] [--governance DIR] [--incubator PATH|URL] [--trend TREND.json]';

export const reviewCommand: Command = {
  usage: [
    `oslo-audit review ${TARGET_USAGE[0]}`,
    ...TARGET_USAGE.slice(1).map((l) => `                  ${l}`),
    `                  ${REVIEW_USAGE}`,
    `       oslo-audit review --report FILE [--cache-dir DIR] ${REVIEW_USAGE}`,
    '',
    TARGET_HELP,
    '--project-config and --governance are local checkouts of openstack/project-config and openstack/governance:',
    'the retirement checklist reads its state from them, and the retirement changes are committed there.',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(argv, {
      ...TARGET_OPTIONS,
      report: { type: 'string' },
      'checklist-dir': { type: 'string' },
      'project-config': { type: 'string' },
      incubator: { type: 'string' },
      trend: { type: 'string' },
    });
    const named = namesTargets(values, positionals);
    if (!named && values.report === undefined) throw new UsageError('review needs targets (paths, URLs, namespace/name, --from, --governance, --github-org) or --report FILE');
    // With --report, --governance is only where the retirement state is read from.
    if (values.report !== undefined && (positionals.length || values.from?.length || values['github-org']?.length)) throw new UsageError('give targets to scan or --report FILE, not both');
    if (values['project-config'] === '' || values.governance === '' || values.incubator === '') throw new UsageError('--project-config, --governance and --incubator need a value');
    const layout = cacheLayoutOf(values);
    const options = batchOptionsOf(values, layout);
    const report = values.report !== undefined ? readReportFile(values.report) : undefined;
    const why = notInteractive();
    if (why) throw new UsageError(why);
    const extras: ReviewExtras = {
      checklistDir: values['checklist-dir'] ?? process.cwd(),
      projectConfig: values['project-config'] ?? null,
      governance: values.governance ?? null,
      incubator: await incubatorOption(values.incubator, layout),
      trend: values.trend !== undefined ? readTrendFile(values.trend) : undefined,
    };
    return review(report ? { report, cacheDir: options.cacheDir } : { targets: await targetsOf(values, positionals), options }, extras);
  },
};
