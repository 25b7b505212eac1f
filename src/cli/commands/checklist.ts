import { migrationChecklist, renderChecklistJson, renderChecklistMarkdown } from '../../checklist/index.js';
import { runBatch } from '../../pipeline/index.js';
import { makeReport, printable } from '../../report/index.js';
import { oneOf, parse } from '../args.js';
import { issueBody, ISSUE_OPTIONS } from '../checklistIssue.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import { addProvenance, batchOptionsOf, cacheLayoutOf, incubatorOption, INCUBATOR_OPTIONS, INCUBATOR_USAGE, namesTargets, TARGET_HELP, TARGET_OPTIONS, TARGET_USAGE, targetsOf } from '../targets.js';
import { readReportFile } from '../reportFile.js';
import type { Command } from './types.js';

const FORMATS = ['markdown', 'json', 'issue'] as const;

export const checklistCommand: Command = {
  usage: [
    `oslo-audit checklist ${TARGET_USAGE[0]}`,
    ...TARGET_USAGE.slice(1).map((l) => `                     ${l}`),
    `                     [--report FILE] ${INCUBATOR_USAGE} [--format markdown|json|issue [--previous FILE]] [--output FILE]`,
    '',
    TARGET_HELP,
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      ...TARGET_OPTIONS,
      ...INCUBATOR_OPTIONS,
      report: { type: 'string' },
      ...ISSUE_OPTIONS,
    });
    if (!namesTargets(values, positionals) && !values.report) throw new UsageError('checklist needs targets (paths, URLs, namespace/name, --from, --governance, --github-org) or --report FILE');
    const format = oneOf(values.format, FORMATS, '--format') ?? 'markdown';
    if (values.previous !== undefined && format !== 'issue') throw new UsageError('--previous goes with --format issue');
    const layout = cacheLayoutOf(values);
    const options = batchOptionsOf(values, layout);
    const scanned = namesTargets(values, positionals) ? (await runBatch(await targetsOf(values, positionals), options)).projects : [];
    const report = makeReport([...(values.report ? readReportFile(values.report).projects : []), ...scanned]);
    const { projects } = await addProvenance(report, await incubatorOption(values.incubator, layout), options.cacheDir);
    const checklists = projects.map((p) => migrationChecklist(p));
    // Markdown and issue bodies show file names from repositories: their control characters escaped.
    const shown = format === 'json' ? checklists : printable(checklists);
    const text = format === 'json' ? renderChecklistJson(checklists) : format === 'issue' ? issueBody(shown, values.previous) : renderChecklistMarkdown(shown);
    emit(text, values.output);
    for (const p of printable(projects)) if (p.error) process.stderr.write(`oslo-audit: ${p.name}: ${p.error.message}\n`);
    return projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
  },
};
