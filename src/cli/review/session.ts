// A review session: the review UI opened on a batch scan of targets or on a saved report, with the
// retirement state, provenance and trend it shows. The review command and the demo both open one.

import { readProjectSource, runBatch, type BatchOptions } from '../../pipeline/index.js';
import type { Incubator } from '../../provenance/index.js';
import type { Report, TrendReport } from '../../report/index.js';
import { DEFAULT_RULES } from '../../retire/index.js';
import type { Target } from '../../sources/index.js';
import type { Runner } from '../../ui/index.js';
import { EXIT } from '../exitCodes.js';
import { addProvenance } from '../targets.js';
import { whyNotInteractive } from '../terminal.js';
import { reviewChanges } from './changes.js';
import { shownToTheUi } from './printableUi.js';
import { checklistWriter } from './checklistFile.js';
import { reviewChecklists } from './retirement.js';
import type { ReviewSettings } from './settings.js';
import { candidacyRule } from './shown.js';

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
  const cacheDir = 'targets' in input ? input.options.cacheDir : input.cacheDir;
  const settings: ReviewSettings = {
    cwd,
    projectConfig: extras.projectConfig ?? null,
    governance: extras.governance ?? null,
    rules: DEFAULT_RULES,
    scan: options ? { maxFileSize: options.maxFileSize, activity: options.activity, cache: options.cache, workers: options.workers } : {},
    incubator,
  };
  const runner: Runner | undefined = 'targets' in input
    ? async (listener, signal) => addProvenance(await runBatch(input.targets, { ...input.options, signal }, listener), incubator, cacheDir)
    : undefined;
  const report = 'report' in input ? await addProvenance(input.report, incubator, cacheDir) : undefined;
  // Ink and React load only here, when the UI mounts.
  const { colorsWanted, startReview } = await import('../../ui/index.js');
  const result = await startReview(shownToTheUi({
    runner,
    report,
    readSource: (project, file) => readProjectSource(project, file, { cacheDir }),
    checklists: reviewChecklists(settings),
    writeChecklist: checklistWriter(extras.checklistDir ?? cwd),
    changes: reviewChanges(settings),
    candidacy: candidacyRule(settings.rules),
    colors: colorsWanted(),
    trend: extras.trend,
  }));
  if (result.interrupted) return EXIT.interrupted;
  return result.report?.projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
}
