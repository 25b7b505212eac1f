import { readFileSync } from 'node:fs';
import { readProjectSource, runBatch, type BatchOptions } from '../../pipeline/index.js';
import { parseReport, type Report } from '../../report/index.js';
import { checklistWriter, colorsWanted, startReview, type Runner } from '../../ui/index.js';
import type { Target } from '../../sources/index.js';
import { parse } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { batchOptionsOf, namesTargets, TARGET_HELP, TARGET_OPTIONS, TARGET_USAGE, targetsOf } from '../targets.js';
import type { Command } from './types.js';

/** Why the review UI cannot run here (output piped, no keyboard), or null when it can. */
export function notInteractive(): string | null {
  if (!process.stdout.isTTY) return "stdout is not a terminal; for a plain report use 'oslo-audit scan PATH... --format table|json|markdown'";
  if (!process.stdin.isTTY) return "stdin is not a terminal, so keys cannot be read; for a plain report use 'oslo-audit scan PATH... --format table|json|markdown'";
  return null;
}

export type ReviewInput = { targets: Target[]; options: BatchOptions } | { report: Report; cacheDir: string };

/** Opens the review UI on a batch scan of `targets` or on a saved report; returns the exit code. */
export async function review(input: ReviewInput, checklistDir = process.cwd()): Promise<number> {
  const runner: Runner | undefined = 'targets' in input ? (listener, signal) => runBatch(input.targets, { ...input.options, signal }, listener) : undefined;
  const cacheDir = 'targets' in input ? input.options.cacheDir : input.cacheDir;
  const result = await startReview({
    runner,
    report: 'report' in input ? input.report : undefined,
    readSource: (project, file) => readProjectSource(project, file, { cacheDir }),
    writeChecklist: checklistWriter(checklistDir),
    colors: colorsWanted(),
  });
  if (result.interrupted) return EXIT.interrupted;
  return result.report?.projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review projects in an interactive terminal UI: progress, findings with source, checklists',
  usage: [`oslo-audit review ${TARGET_USAGE[0]}`, ...TARGET_USAGE.slice(1).map((l) => `                  ${l}`), '                  [--checklist-dir DIR]', '       oslo-audit review --report FILE [--cache-dir DIR] [--checklist-dir DIR]', '', TARGET_HELP].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(argv, { ...TARGET_OPTIONS, report: { type: 'string' }, 'checklist-dir': { type: 'string' } });
    const named = namesTargets(values, positionals);
    if (!named && values.report === undefined) throw new UsageError('review needs targets (paths, URLs, namespace/name, --from, --governance, --github-org) or --report FILE');
    if (named && values.report !== undefined) throw new UsageError('give targets to scan or --report FILE, not both');
    const options = batchOptionsOf(values);
    let report: Report | undefined;
    if (values.report !== undefined) {
      let text: string;
      try {
        text = readFileSync(values.report, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${values.report}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      try {
        report = parseReport(text, values.report);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    }
    const why = notInteractive();
    if (why) throw new UsageError(why);
    const dir = values['checklist-dir'] ?? process.cwd();
    return review(report ? { report, cacheDir: options.cacheDir } : { targets: await targetsOf(values, positionals), options }, dir);
  },
};
