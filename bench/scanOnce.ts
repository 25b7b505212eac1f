// One measured scan, in its own process so that its peak memory is its own: scans the given
// checkouts (as many at a time as `scan` does by default, sharing the parse workers) and prints one
// JSON line of figures.
//   node dist/bench/scanOnce.js --cache DIR|none --prefilter on|off [--jobs N] [--packs LIST|all] REPO...

import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { gitTreeSource, openCheckout } from '../src/git/index.js';
import { selectRules } from '../src/knowledge/index.js';
import { DEFAULT_JOBS } from '../src/pipeline/index.js';
import { scanTree, type ScanResult } from '../src/scan/index.js';

export interface ScanFigures {
  seconds: number;
  maxRssMB: number;
  repos: number;
  files: number;
  bytes: number;
  cached: number;
  python: number;
  parsed: { none: number; fragments: number; whole: number };
  findings: number;
  /** sha256 of every repository's findings, skipped files and adopted libraries, in order. */
  digest: string;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { cache: { type: 'string' }, prefilter: { type: 'string' }, jobs: { type: 'string' }, packs: { type: 'string' } },
    allowPositionals: true,
  });
  const cache = values.cache && values.cache !== 'none' ? values.cache : null;
  const rules = values.packs ? selectRules({ packs: values.packs.split(',') }).selection : undefined;
  const options = { cache, prefilter: values.prefilter !== 'off', ...(values.jobs ? { workers: Number(values.jobs) } : {}), ...(rules ? { rules } : {}) };
  const started = process.hrtime.bigint();
  const results: (Pick<ScanResult, 'stats'> & { digest: string; findings: number })[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < positionals.length) {
      const i = next++;
      const { root, commit } = await openCheckout(positionals[i]!);
      const r = await scanTree(gitTreeSource(root, commit), options);
      // Only figures are kept: memory stays flat as repositories are added.
      const digest = createHash('sha256').update(JSON.stringify([r.findings, r.skipped, r.adoptedLibraries, r.gitreviewProject])).digest('hex');
      results[i] = { stats: r.stats, digest, findings: r.findings.length };
    }
  };
  await Promise.all(Array.from({ length: DEFAULT_JOBS }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const hash = createHash('sha256');
  const figures: ScanFigures = {
    seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, repos: positionals.length, files: 0, bytes: 0, cached: 0, python: 0,
    parsed: { none: 0, fragments: 0, whole: 0 }, findings: 0, digest: '',
  };
  for (const r of results) {
    hash.update(r.digest);
    figures.files += r.stats.files;
    figures.bytes += r.stats.bytes;
    figures.cached += r.stats.cached;
    figures.python += r.stats.python;
    for (const k of ['none', 'fragments', 'whole'] as const) figures.parsed[k] += r.stats.parsed[k];
    figures.findings += r.findings;
  }
  figures.digest = hash.digest('hex');
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
