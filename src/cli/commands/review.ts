import { readFileSync } from 'node:fs';
import { readProjectSource, runLocal, type LocalTarget } from '../../pipeline/index.js';
import { parseReport, type Report } from '../../report/index.js';
import { checklistWriter, colorsWanted, startReview, type Runner } from '../../ui/index.js';
import { parse, positiveInt } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import type { Command } from './types.js';

/** Why the review UI cannot run here (output piped, no keyboard), or null when it can. */
export function notInteractive(): string | null {
  if (!process.stdout.isTTY) return "stdout is not a terminal; for a plain report use 'oslo-audit scan PATH... --format table|json|markdown'";
  if (!process.stdin.isTTY) return "stdin is not a terminal, so keys cannot be read; for a plain report use 'oslo-audit scan PATH... --format table|json|markdown'";
  return null;
}

/** Opens the review UI on a scan of local checkouts (`targets`) or on a saved report; returns the exit code. */
export async function review(input: { targets: LocalTarget[]; maxFileSize?: number } | { report: Report }, checklistDir = process.cwd()): Promise<number> {
  const runner: Runner | undefined = 'targets' in input ? (listener, signal) => runLocal(input.targets, listener, { signal, maxFileSize: input.maxFileSize }) : undefined;
  const result = await startReview({
    runner,
    report: 'report' in input ? input.report : undefined,
    readSource: (project, file) => readProjectSource(project, file),
    writeChecklist: checklistWriter(checklistDir),
    colors: colorsWanted(),
  });
  if (result.interrupted) return EXIT.interrupted;
  return result.report?.projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review projects in an interactive terminal UI: progress, findings with source, checklists',
  usage: 'oslo-audit review PATH... | --report FILE [--ref REF] [--max-file-size BYTES] [--checklist-dir DIR]',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      report: { type: 'string' },
      ref: { type: 'string' },
      'max-file-size': { type: 'string' },
      'checklist-dir': { type: 'string' },
    });
    if (positionals.length === 0 && values.report === undefined) throw new UsageError('review needs PATHs to git checkouts, or --report FILE');
    if (positionals.length > 0 && values.report !== undefined) throw new UsageError('give PATHs to scan or --report FILE, not both');
    const maxFileSize = positiveInt(values['max-file-size'], '--max-file-size');
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
    return review(report ? { report } : { targets: positionals.map((path) => ({ path, ref: values.ref })), maxFileSize }, dir);
  },
};
