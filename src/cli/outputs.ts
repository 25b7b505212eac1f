// The output side of a scanning command: which formats go where (`--format`, `--output`), what is
// compared with a baseline (`--baseline`), when the run fails (`--fail-on`, `--max-findings`) and
// whether colours are written (`--color`, NO_COLOR, TERM=dumb). Commands call `outputPlan` before
// they scan, so bad options fail fast, and `deliver` once the report is made.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  againstBaseline,
  parseGovernanceTeams,
  parseReport,
  reporter,
  REPORTER_NAMES,
  type BaselineInfo,
  type GoalPage,
  type GovernanceTeam,
  type Report,
  type Reporter,
  type ReporterName,
} from '../report/index.js';
import { oneOf } from './args.js';
import { UsageError } from './exitCodes.js';
import { thresholdOf, verdictOf, type Threshold } from './gate.js';
import { emit } from './output.js';
import { COLOR_WHEN, colorWanted } from './terminal.js';
import { readGoalPage } from './goalPage.js';

/** The options every scanning command takes; spread them into the command's own. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  'fail-on': { type: 'string', multiple: true },
  'max-findings': { type: 'string' },
  baseline: { type: 'string' },
  governance: { type: 'string' },
  goal: { type: 'string' },
  color: { type: 'string' },
} as const;

export const OUTPUT_USAGE =
  `[--format ${REPORTER_NAMES.join('|')} [--output FILE]]... [--fail-on KIND[,KIND...]] [--max-findings N] [--baseline REPORT.json] [--governance PATH [--goal NAME]] [--color[=always|auto|never]]`;

export interface OutputValues {
  format?: string[];
  output?: string[];
  'fail-on'?: string[];
  'max-findings'?: string;
  baseline?: string;
  governance?: string;
  goal?: string;
  color?: string;
}

/** An option as parseArgs saw it, in command-line order. */
export interface OptionToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

export interface OutputTarget {
  reporter: Reporter;
  /** A file, or undefined for stdout. */
  output: string | undefined;
}

export interface OutputPlan {
  targets: OutputTarget[];
  threshold: Threshold | null;
  baseline: { file: string; report: Report } | null;
  teams: GovernanceTeam[] | undefined;
  /** Colours on stdout; files never get any. */
  color: boolean;
  /** The goal page `--goal` names, read from the governance checkout. */
  goal?: GoalPage;
}

export interface PlanEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  defaultFormat: ReporterName;
}

/**
 * Pairs each `--output` with a `--format`: the format just before it when that one has no file yet,
 * otherwise the next format after it. `-f json -o r.json -f sarif -o r.sarif`, `-o r.json -f json` and
 * `-f table -f json -o r.json` (table on stdout) all read as meant.
 */
export function pairFormats(tokens: readonly OptionToken[], defaultFormat: ReporterName): { format: ReporterName; output: string | undefined }[] {
  const pairs: { format: ReporterName; output: string | undefined }[] = [];
  const waiting: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    if (t.name === 'format') pairs.push({ format: oneOf(t.value, REPORTER_NAMES, '--format')!, output: waiting.shift() });
    else if (t.name === 'output') {
      const last = pairs[pairs.length - 1];
      if (last && last.output === undefined) last.output = t.value;
      else waiting.push(t.value);
    }
  }
  if (pairs.length === 0) pairs.push({ format: defaultFormat, output: waiting.shift() });
  if (waiting.length) throw new UsageError(`--output ${waiting[0]} has no --format of its own`);
  const toStdout = pairs.filter((p) => p.output === undefined || p.output === '-');
  if (toStdout.length > 1) throw new UsageError(`only one format can go to stdout; give --output FILE to all but one of ${toStdout.map((p) => p.format).join(', ')}`);
  const files = pairs.flatMap((p) => (p.output && p.output !== '-' ? [p.output] : []));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new UsageError(`--output ${twice} is given for two formats`);
  return pairs;
}

function readBaseline(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--baseline ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return parseReport(text, `--baseline ${file}`);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A governance checkout (its reference/projects.yaml) or the projects.yaml file itself. */
function readTeams(path: string): GovernanceTeam[] {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, 'reference', 'projects.yaml');
    return parseGovernanceTeams(readFileSync(file, 'utf8'), file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--governance ${path}: ${code ? `cannot read ${file} (${code})` : (e as Error).message}`);
  }
}

/** Checks and loads everything the outputs need; throws UsageError (exit 2) on the first problem. */
export function outputPlan(values: OutputValues, tokens: readonly OptionToken[], environment: PlanEnvironment): OutputPlan {
  const targets = pairFormats(tokens, environment.defaultFormat).map((p) => ({ reporter: reporter(p.format), output: p.output }));
  const threshold = thresholdOf(values['fail-on'], values['max-findings']);
  const colorWhen = oneOf(values.color, COLOR_WHEN, '--color');
  const needsTeams = targets.find((t) => t.reporter.needs === 'teams');
  if (needsTeams && values.governance === undefined) throw new UsageError(`--format ${needsTeams.reporter.name} needs --governance PATH (a governance checkout or its reference/projects.yaml)`);
  if (values.goal !== undefined && !targets.some((t) => t.reporter.name === 'goal')) throw new UsageError('--goal renders a goal table: give it with --format goal');
  return {
    targets,
    threshold,
    baseline: values.baseline !== undefined ? { file: values.baseline, report: readBaseline(values.baseline) } : null,
    teams: values.governance !== undefined ? readTeams(values.governance) : undefined,
    color: colorWanted(colorWhen, environment.env, environment.stdoutIsTTY),
    ...(values.goal !== undefined ? { goal: readGoalPage(values.governance, values.goal) } : {}),
  };
}

/** Writes every output, says on stderr what failed, and returns the exit code. */
export function deliver(full: Report, plan: OutputPlan, stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  const report = plan.baseline ? againstBaseline(full, plan.baseline.report, plan.baseline.file) : full;
  for (const t of plan.targets) {
    const toStdout = t.output === undefined || t.output === '-';
    emit(t.reporter.render(report, { teams: plan.teams, color: toStdout && plan.color, goal: plan.goal }), t.output);
  }
  for (const p of report.projects) if (p.error) stderr(`oslo-audit: ${p.name}: ${p.error.message}`);
  const info = report['baseline'] as BaselineInfo | undefined;
  if (info) stderr(`oslo-audit: ${info.new} new findings; ${info.known} already in the baseline ${info.file}`);
  const verdict = verdictOf(report, plan.threshold);
  if (verdict.over && plan.threshold) {
    stderr(`oslo-audit: ${verdict.counted} ${plan.baseline ? 'new ' : ''}findings of ${plan.threshold.kinds.join(', ')}; the threshold is ${plan.threshold.max}`);
  }
  return verdict.exitCode;
}
