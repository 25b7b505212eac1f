import { readFileSync } from 'node:fs';
import { migrationChecklist, renderChecklistJson, renderChecklistMarkdown } from '../../checklist/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { parseReport, type Project } from '../../report/index.js';
import { oneOf, parse } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import type { Command } from './types.js';

const FORMATS = ['markdown', 'json'] as const;

/** Where checklist targets are scanned: one place, so a batch pipeline can take it over. */
async function scanTargets(paths: readonly string[]): Promise<Project[]> {
  const projects: Project[] = [];
  for (const path of paths) projects.push(await scanCheckout({ path }));
  return projects;
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
  usage: 'oslo-audit checklist [PATH...] [--report FILE] [--format markdown|json] [--output FILE]',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      report: { type: 'string' },
    });
    if (positionals.length === 0 && !values.report) throw new UsageError('checklist needs a PATH to a git checkout or --report FILE');
    const format = oneOf(values.format, FORMATS, '--format') ?? 'markdown';
    const projects = [...(values.report ? readReport(values.report) : []), ...(await scanTargets(positionals))];
    const checklists = projects.map((p) => migrationChecklist(p));
    emit(format === 'json' ? renderChecklistJson(checklists) : renderChecklistMarkdown(checklists), values.output);
    for (const p of projects) if (p.error) process.stderr.write(`oslo-audit: ${p.name}: ${p.error.message}\n`);
    return projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
  },
};
