import { readFileSync } from 'node:fs';
import { migrationChecklist, renderChecklistJson, renderChecklistMarkdown } from '../../checklist/index.js';
import { defaultCacheDir } from '../../git/index.js';
import { DEFAULT_JOBS, runBatch } from '../../pipeline/index.js';
import { parseReport, type Project } from '../../report/index.js';
import { resolveTargets, SourceError } from '../../sources/index.js';
import { oneOf, parse } from '../args.js';
import { issueBody, ISSUE_OPTIONS } from '../checklistIssue.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import type { Command } from './types.js';

const FORMATS = ['markdown', 'json', 'issue'] as const;

/** Checklist targets take every form `scan` takes (paths, URLs, namespace/name), through the batch pipeline. */
async function scanTargets(args: readonly string[], cacheDir: string): Promise<Project[]> {
  if (args.length === 0) return [];
  let targets;
  try {
    targets = await resolveTargets({ args: [...args] });
  } catch (e) {
    if (e instanceof SourceError) throw new UsageError(e.message);
    throw e;
  }
  return (await runBatch(targets, { cacheDir, jobs: DEFAULT_JOBS })).projects;
}

function readReport(file: string): Project[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --report ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return parseReport(text, file).projects;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export const checklistCommand: Command = {
  name: 'checklist',
  summary: 'migration checklists: the changes to propose per incubator module, namespace library and rootwrap use',
  usage: 'oslo-audit checklist [TARGET...] [--report FILE] [--format markdown|json|issue [--previous FILE]] [--output FILE] [--cache-dir DIR]',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      report: { type: 'string' },
      'cache-dir': { type: 'string' },
      ...ISSUE_OPTIONS,
    });
    if (positionals.length === 0 && !values.report) throw new UsageError('checklist needs a PATH to a git checkout or --report FILE');
    const format = oneOf(values.format, FORMATS, '--format') ?? 'markdown';
    if (values.previous !== undefined && format !== 'issue') throw new UsageError('--previous goes with --format issue');
    const projects = [...(values.report ? readReport(values.report) : []), ...(await scanTargets(positionals, values['cache-dir'] ?? defaultCacheDir()))];
    const checklists = projects.map((p) => migrationChecklist(p));
    const text = format === 'json' ? renderChecklistJson(checklists) : format === 'issue' ? issueBody(checklists, values.previous) : renderChecklistMarkdown(checklists);
    emit(text, values.output);
    for (const p of projects) if (p.error) process.stderr.write(`oslo-audit: ${p.name}: ${p.error.message}\n`);
    return projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
  },
};
