// What the batch commands (scan, review, checklist) share: the options that name targets and how
// they are scanned, turned into targets and batch options in one place.

import { cacheLayout, type CacheLayout } from '../cacheLayout.js';
import { assertSafeRef, DEFAULT_BOTS, UnsafeValueError } from '../git/index.js';
import { DEFAULT_JOBS, withProvenance, type BatchOptions } from '../pipeline/index.js';
import { IncubatorError, openIncubator, type Incubator } from '../provenance/index.js';
import type { Report } from '../report/index.js';
import { resolveTargets, SourceError, type Target } from '../sources/index.js';
import { rulesOption } from './rulesOption.js';
import { positiveInt, type parse } from './args.js';
import { UsageError } from './exitCodes.js';

export const TARGET_OPTIONS = {
  ref: { type: 'string' },
  'max-file-size': { type: 'string' },
  from: { type: 'string', multiple: true },
  'base-url': { type: 'string' },
  governance: { type: 'string' },
  team: { type: 'string', multiple: true },
  'include-legacy': { type: 'boolean' },
  'github-org': { type: 'string', multiple: true },
  'github-api': { type: 'string' },
  'skip-archived': { type: 'boolean' },
  'rate-limit-wait': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  'full-clone': { type: 'boolean' },
  bots: { type: 'string' },
  rules: { type: 'string', multiple: true },
  packs: { type: 'string' },
  timeout: { type: 'string' },
  'github-any-clone-host': { type: 'boolean' },
} as const;

export const TARGET_USAGE = [
  '[TARGET...] [--from FILE] [--governance PATH [--team NAME]... [--include-legacy]]',
  '[--github-org ORG [--github-api URL] [--skip-archived] [--rate-limit-wait SECONDS] [--github-any-clone-host]]',
  '[--base-url URL] [--cache-dir DIR] [--no-cache] [--jobs N] [--ref REF] [--full-clone] [--bots LIST] [--max-file-size BYTES] [--timeout SECONDS]',
  '[--rules DIR]... [--packs PACK[,PACK...]|all]',
];

export const TARGET_HELP = 'TARGET is a local checkout, a git URL (https, ssh, file) or namespace/name on --base-url (default https://opendev.org/). See docs/batch.md.';

type TargetValues = ReturnType<typeof parse<typeof TARGET_OPTIONS>>['values'];

function nonNegativeInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number of seconds, not ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * The caches under `--cache-dir` (default `$XDG_CACHE_HOME/oslo-audit`): the same root for every
 * command, each kind of cache in its own folder below it (see cacheLayout.ts).
 */
export function cacheLayoutOf(values: { 'cache-dir'?: string }): CacheLayout {
  if (values['cache-dir'] === '') throw new UsageError('--cache-dir needs a folder');
  return cacheLayout(values['cache-dir']);
}

/**
 * `--governance` names the teams of a goal table and is a source of targets; with other targets on the
 * command line and no `--team`, it only maps those repositories to their teams.
 */
function governanceTargets(values: TargetValues, args: readonly string[]): boolean {
  if (!values.governance) return false;
  return Boolean(values.team?.length) || (args.length === 0 && !values.from?.length && !values['github-org']?.length);
}

/** True when the command line names any target at all. */
export function namesTargets(values: TargetValues, args: readonly string[]): boolean {
  return args.length > 0 || Boolean(values.from?.length) || Boolean(values.governance) || Boolean(values['github-org']?.length);
}

export async function targetsOf(values: TargetValues, args: readonly string[]): Promise<Target[]> {
  if (values.team?.length && !values.governance) throw new UsageError('--team needs --governance PATH');
  if (values['include-legacy'] && !values.governance) throw new UsageError('--include-legacy needs --governance PATH');
  const maxWait = nonNegativeInt(values['rate-limit-wait'], '--rate-limit-wait');
  const timeout = positiveInt(values.timeout, '--timeout');
  try {
    return await resolveTargets({
      args: [...args],
      lists: values.from,
      baseUrl: values['base-url'],
      governance: governanceTargets(values, args) ? { path: values.governance!, teams: values.team, includeLegacy: values['include-legacy'] } : undefined,
      githubOrgs: values['github-org'],
      github: {
        apiUrl: values['github-api'],
        token: process.env['GITHUB_TOKEN'],
        maxWaitMs: maxWait === undefined ? undefined : maxWait * 1000,
        skipArchived: values['skip-archived'],
        timeoutMs: timeout === undefined ? undefined : timeout * 1000,
        anyCloneHost: values['github-any-clone-host'],
        onNote: (note) => process.stderr.write(`oslo-audit: ${note}\n`),
        onWait: (reset) => process.stderr.write(`oslo-audit: GitHub API rate limit reached; waiting until ${reset.toISOString()}\n`),
      },
    });
  } catch (e) {
    if (e instanceof SourceError) throw new UsageError(e.message);
    throw e;
  }
}

/** The batch options the command line asks for (checked: bad values are usage errors). */
export function batchOptionsOf(values: TargetValues, layout: CacheLayout, signal?: AbortSignal): BatchOptions {
  if (values.ref !== undefined) {
    try {
      assertSafeRef(values.ref);
    } catch (e) {
      throw new UsageError(`--ref: ${(e as Error).message}`);
    }
  }
  const bots = values.bots === undefined ? DEFAULT_BOTS : values.bots.split(',').map((b) => b.trim()).filter(Boolean);
  return {
    cacheDir: layout.clones,
    // `--no-cache` scans every file again.
    cache: values['no-cache'] ? null : layout.scanResults,
    jobs: positiveInt(values.jobs, '--jobs') ?? DEFAULT_JOBS,
    ref: values.ref,
    partial: !values['full-clone'],
    maxFileSize: positiveInt(values['max-file-size'], '--max-file-size'),
    activity: { bots },
    timeoutMs: values.timeout === undefined ? undefined : positiveInt(values.timeout, '--timeout')! * 1000,
    signal,
    ...rulesOption(values.rules, values.packs),
  };
}

export const INCUBATOR_OPTIONS = { incubator: { type: 'string' } } as const;
export const INCUBATOR_USAGE = '[--incubator PATH|URL]';

/**
 * The incubator named by `--incubator`, opened before any scan: without its history nothing can be
 * compared, so a bad one is an input error. Its index is kept in the layout's provenance folder.
 */
export async function incubatorOption(spec: string | undefined, layout: CacheLayout): Promise<Incubator | null> {
  if (spec === undefined) return null;
  try {
    return await openIncubator(spec, { cacheDir: layout.provenance });
  } catch (e) {
    if (e instanceof IncubatorError || e instanceof UnsafeValueError) throw new UsageError(`--incubator: ${(e as Error).message.split('\n')[0]}`);
    throw e;
  }
}

/** The report with provenance on its incubator copies, read from checkouts or their clones in `clones`. */
export async function addProvenance(report: Report, incubator: Incubator | null, clones: string): Promise<Report> {
  return incubator ? withProvenance(report, incubator, { cacheDir: clones }) : report;
}
