import { join } from 'node:path';
import { assertSafeRef, DEFAULT_BOTS, defaultCacheDir } from '../../git/index.js';
import type { Report } from '../../report/index.js';
import { DEFAULT_JOBS, parseShard, plainLogger, runBatch, selectShard } from '../../pipeline/index.js';
import { defaultScanCacheDir } from '../../scan/index.js';
import { resolveTargets, SourceError, type Target } from '../../sources/index.js';
import { parse, positiveInt } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { deliver, OUTPUT_OPTIONS, OUTPUT_USAGE, outputPlan } from '../outputs.js';
import { expandBareColor } from '../terminal.js';
import type { Command } from './types.js';

const OPTIONS = {
  ...OUTPUT_OPTIONS,
  ref: { type: 'string' },
  'max-file-size': { type: 'string' },
  from: { type: 'string', multiple: true },
  'base-url': { type: 'string' },
  team: { type: 'string', multiple: true },
  'include-legacy': { type: 'boolean' },
  'github-org': { type: 'string', multiple: true },
  'github-api': { type: 'string' },
  'skip-archived': { type: 'boolean' },
  'rate-limit-wait': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  shard: { type: 'string' },
  'full-clone': { type: 'boolean' },
  bots: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

function nonNegativeInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number of seconds, not ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * The results cache (keyed by blob) lives beside the clones when `--cache-dir` is given, else in its
 * own default folder; `--no-cache` scans every file again.
 */
function scanCache(cacheDir: string | undefined, off: boolean | undefined): string | null {
  if (off) return null;
  if (cacheDir === '') throw new UsageError('--cache-dir needs a folder');
  return cacheDir === undefined ? defaultScanCacheDir() : join(cacheDir, '.oslo-audit-scan');
}

/**
 * `--governance` names the teams of a goal table and is a source of targets; with other targets on the
 * command line and no `--team`, it only maps those repositories to their teams.
 */
function governanceTargets(values: ReturnType<typeof parse<typeof OPTIONS>>['values'], args: string[]): boolean {
  if (!values.governance) return false;
  return Boolean(values.team?.length) || (args.length === 0 && !values.from?.length && !values['github-org']?.length);
}

async function targetsOf(values: ReturnType<typeof parse<typeof OPTIONS>>['values'], args: string[]): Promise<Target[]> {
  if (values.team?.length && !values.governance) throw new UsageError('--team needs --governance PATH');
  if (values['include-legacy'] && !values.governance) throw new UsageError('--include-legacy needs --governance PATH');
  if (args.length === 0 && !values.from?.length && !values.governance && !values['github-org']?.length) {
    throw new UsageError('scan needs targets: paths, URLs, namespace/name, --from FILE, --governance PATH or --github-org ORG');
  }
  const maxWait = nonNegativeInt(values['rate-limit-wait'], '--rate-limit-wait');
  try {
    return await resolveTargets({
      args,
      lists: values.from,
      baseUrl: values['base-url'],
      governance: governanceTargets(values, args) ? { path: values.governance!, teams: values.team, includeLegacy: values['include-legacy'] } : undefined,
      githubOrgs: values['github-org'],
      github: {
        apiUrl: values['github-api'],
        token: process.env['GITHUB_TOKEN'],
        maxWaitMs: maxWait === undefined ? undefined : maxWait * 1000,
        skipArchived: values['skip-archived'],
        onWait: (reset) => process.stderr.write(`oslo-audit: GitHub API rate limit reached; waiting until ${reset.toISOString()}\n`),
      },
    });
  } catch (e) {
    if (e instanceof SourceError) throw new UsageError(e.message);
    throw e;
  }
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan repositories (checkouts, URLs, namespace/name, governance, GitHub orgs) for what stands between them and the Oslo libraries',
  usage: [
    'oslo-audit scan [TARGET...] [--from FILE] [--governance PATH [--team NAME]... [--include-legacy]]',
    '                [--github-org ORG [--github-api URL] [--skip-archived] [--rate-limit-wait SECONDS]]',
    '                [--base-url URL] [--cache-dir DIR] [--no-cache] [--jobs N] [--shard I/N] [--ref REF] [--full-clone]',
    '                [--bots LIST] [--max-file-size BYTES] [--quiet]',
    `                ${OUTPUT_USAGE}`,
    '',
    'TARGET is a local checkout, a git URL (https, ssh, file) or namespace/name on --base-url',
    '(default https://opendev.org/). See docs/batch.md.',
  ].join('\n'),
  async run(argv) {
    const { values, positionals, tokens } = parse(expandBareColor(argv), OPTIONS);
    const plan = outputPlan(values, tokens, { env: process.env, stdoutIsTTY: process.stdout.isTTY === true, defaultFormat: 'table' });
    const maxFileSize = positiveInt(values['max-file-size'], '--max-file-size');
    const jobs = positiveInt(values.jobs, '--jobs') ?? DEFAULT_JOBS;
    if (values.ref !== undefined) {
      try {
        assertSafeRef(values.ref);
      } catch (e) {
        throw new UsageError(`--ref: ${(e as Error).message}`);
      }
    }
    const shard = values.shard === undefined ? null : parseShard(values.shard);
    if (values.shard !== undefined && !shard) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, not ${JSON.stringify(values.shard)}`);
    const bots = values.bots === undefined ? DEFAULT_BOTS : values.bots.split(',').map((b) => b.trim()).filter(Boolean);

    let targets = await targetsOf(values, positionals);
    if (shard) targets = selectShard(targets, shard);

    const interrupt = new AbortController();
    const onSigint = () => interrupt.abort();
    process.once('SIGINT', onSigint);
    let report: Report;
    try {
      report = await runBatch(
        targets,
        {
          cacheDir: values['cache-dir'] ?? defaultCacheDir(),
          cache: scanCache(values['cache-dir'], values['no-cache']),
          jobs,
          ref: values.ref,
          partial: !values['full-clone'],
          maxFileSize,
          activity: { bots },
          signal: interrupt.signal,
        },
        values.quiet ? undefined : plainLogger(),
      );
    } finally {
      process.off('SIGINT', onSigint);
    }
    // A report of a run cut short would pass for a complete one: write none.
    if (interrupt.signal.aborted) {
      process.stderr.write('oslo-audit scan: interrupted; no report written\n');
      return EXIT.interrupted;
    }
    if (shard) report.shard = shard;
    return deliver(report, plan);
  },
};
