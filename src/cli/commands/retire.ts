import { renderChecklistMarkdown } from '../../checklist/index.js';
import {
  applyRetirement, assertCleanCheckouts, assessRetirement, planRetirement, readRetireInputs, retirementChecklist,
  DEFAULT_RULES, type AppliedChange,
} from '../../retire/index.js';
import { oneOf, parse, positiveInt } from '../args.js';
import { ApplyFailedError } from '../../git/index.js';
import { applyFailed, EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import type { Command } from './types.js';

const FORMATS = ['markdown', 'json'] as const;

function dateOption(value: string | undefined): { date: string; now: Date } {
  if (value === undefined) {
    const now = new Date();
    return { date: now.toISOString().slice(0, 10), now };
  }
  const now = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(now.getTime())) throw new UsageError(`--date takes YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return { date: value, now };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

function alternativeOption(value: string | undefined): { name: string; url: string } | null {
  if (value === undefined) return null;
  const eq = value.indexOf('=');
  const name = value.slice(0, eq).trim();
  const url = value.slice(eq + 1).trim();
  if (eq < 1 || !name || CONTROL.test(value) || !/^https?:\/\/[^\s]+$/.test(url)) {
    throw new UsageError(`--alternative takes NAME=URL with an http(s) URL, not ${JSON.stringify(value)}`);
  }
  return { name, url };
}

function appliedLines(applied: AppliedChange[]): string {
  if (!applied.length) return 'Nothing to change: every step that can be made locally is already done.\n';
  return applied.map((a) => `${a.target}: ${a.commit.slice(0, 10)} ${a.subject} (${a.changeId})`).join('\n') + '\nCommitted locally; nothing was pushed.\n';
}

export const retireCommand: Command = {
  usage:
    'oslo-audit retire PATH --project-config DIR --governance DIR [--apply] [--alternative NAME=URL] [--repo NAMESPACE/NAME]\n' +
    '       [--format markdown|json] [--output FILE] [--date YYYY-MM-DD] [--inactive-months N] [--max-authors N] [--requirements DIR]',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      'project-config': { type: 'string' },
      governance: { type: 'string' },
      apply: { type: 'boolean' },
      alternative: { type: 'string' },
      repo: { type: 'string' },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      date: { type: 'string' },
      'inactive-months': { type: 'string' },
      'max-authors': { type: 'string' },
      requirements: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('retire takes exactly one PATH to the repository\'s git checkout');
    if (values.apply && (!values['project-config'] || !values.governance)) throw new UsageError('--apply needs both --project-config DIR and --governance DIR');
    const format = oneOf(values.format, FORMATS, '--format') ?? 'markdown';
    const { date, now } = dateOption(values.date);
    const alternative = alternativeOption(values.alternative);
    const maxAuthors = values['max-authors'] === '0' ? 0 : positiveInt(values['max-authors'], '--max-authors');
    const rules = {
      inactiveMonths: positiveInt(values['inactive-months'], '--inactive-months') ?? DEFAULT_RULES.inactiveMonths,
      maxAuthors: maxAuthors ?? DEFAULT_RULES.maxAuthors,
    };

    const { inputs, lookup, roots, warnings, close } = await readRetireInputs({
      repository: positionals[0]!,
      projectConfig: values['project-config'],
      governance: values.governance,
      repo: values.repo,
      requirements: values.requirements,
      now,
      rules,
    });
    for (const name of warnings.shallow) process.stderr.write(`oslo-audit retire: warning: ${name} is a shallow clone; evidence commits at its oldest commit are marked approximate\n`);
    // Refuse a dirty checkout before anything is judged or written.
    if (values.apply) await assertCleanCheckouts(roots).catch((e: unknown) => { close(); throw e; });
    const state = await assessRetirement(inputs, lookup).finally(close);
    const changes = planRetirement(inputs, state, { date, alternative });

    if (values.apply) {
      const heads = { repository: inputs.repository.head, 'project-config': inputs.projectConfigHead ?? null, governance: inputs.governanceHead ?? null };
      try {
        emit(appliedLines(await applyRetirement(changes, roots, heads)), values.output);
      } catch (e) {
        if (e instanceof ApplyFailedError) return applyFailed('retire', e);
        throw e;
      }
      return EXIT.ok;
    }
    const text = format === 'json' ? `${JSON.stringify(state, null, 2)}\n` : renderChecklistMarkdown(retirementChecklist(state, changes, { date }));
    emit(text, values.output);
    return EXIT.ok;
  },
};
