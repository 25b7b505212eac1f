import { readProjectSource, runBatch, type BatchOptions } from '../../pipeline/index.js';
import type { Incubator } from '../../provenance/index.js';
import type { Report, TrendReport } from '../../report/index.js';
import { DEFAULT_RULES } from '../../retire/index.js';
import type { Target } from '../../sources/index.js';
import type { Runner } from '../../ui/index.js';
import { parse } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { reviewChanges } from '../review/changes.js';
import { checklistWriter } from '../review/checklistFile.js';
import { reviewChecklists } from '../review/retirement.js';
import type { ReviewSettings } from '../review/settings.js';
import { candidacyRule } from '../review/shown.js';
import { addProvenance, batchOptionsOf, incubatorOption, namesTargets, TARGET_HELP, TARGET_OPTIONS, TARGET_USAGE, targetsOf } from '../targets.js';
import { whyNotInteractive } from '../terminal.js';
import { readReportFile, readTrendFile } from '../reportFile.js';
import type { Command } from './types.js';

/** Why the review UI cannot run in this process (output piped, no keyboard, a dumb terminal), or null when it can. */
export function notInteractive(): string | null {
  return whyNotInteractive(process.stdin.isTTY === true, process.stdout.isTTY === true, process.env);
}

export type ReviewInput = { targets: Target[]; options: BatchOptions } | { report: Report; cacheDir: string };

/** Where the retirement state is read from, and provenance; all optional. */
export interface ReviewExtras {
  checklistDir?: string;
  projectConfig?: string | null;
  governance?: string | null;
  incubator?: Incubator | null;
  /** Each project at points of its history, for the sparklines and charts. */
  trend?: TrendReport;
}

/** Opens the review UI on a batch scan of `targets` or on a saved report; returns the exit code. */
export async function review(input: ReviewInput, extras: ReviewExtras = {}): Promise<number> {
  const cwd = process.cwd();
  const incubator = extras.incubator ?? null;
  const options = 'targets' in input ? input.options : null;
  const settings: ReviewSettings = {
    cwd,
    projectConfig: extras.projectConfig ?? null,
    governance: extras.governance ?? null,
    rules: DEFAULT_RULES,
    scan: options ? { maxFileSize: options.maxFileSize, activity: options.activity, cache: options.cache, workers: options.workers } : {},
    incubator,
  };
  const runner: Runner | undefined = options
    ? async (listener, signal) => {
        const report = await runBatch((input as { targets: Target[] }).targets, { ...options, signal }, listener);
        return addProvenance(report, incubator, options.cacheDir);
      }
    : undefined;
  const cacheDir = options ? options.cacheDir : (input as { cacheDir: string }).cacheDir;
  const report = 'report' in input ? await addProvenance(input.report, incubator, cacheDir) : undefined;
  // Ink and React load only here, when the UI mounts.
  const { colorsWanted, startReview } = await import('../../ui/index.js');
  const result = await startReview({
    runner,
    report,
    readSource: (project, file) => readProjectSource(project, file, { cacheDir }),
    checklists: reviewChecklists(settings),
    writeChecklist: checklistWriter(extras.checklistDir ?? cwd),
    changes: reviewChanges(settings),
    candidacy: candidacyRule(settings.rules),
    colors: colorsWanted(),
    trend: extras.trend,
  });
  if (result.interrupted) return EXIT.interrupted;
  return result.report?.projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
}

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
    const options = batchOptionsOf(values);
    const report = values.report !== undefined ? readReportFile(values.report) : undefined;
    const why = notInteractive();
    if (why) throw new UsageError(why);
    const extras: ReviewExtras = {
      checklistDir: values['checklist-dir'] ?? process.cwd(),
      projectConfig: values['project-config'] ?? null,
      governance: values.governance ?? null,
      incubator: await incubatorOption(values.incubator, values['cache-dir'] || undefined),
      trend: values.trend !== undefined ? readTrendFile(values.trend) : undefined,
    };
    return review(report ? { report, cacheDir: options.cacheDir } : { targets: await targetsOf(values, positionals), options }, extras);
  },
};
