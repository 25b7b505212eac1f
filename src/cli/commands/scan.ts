import type { Report } from '../../report/index.js';
import { parseShard, plainLogger, runBatch, selectShard } from '../../pipeline/index.js';
import { parse } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { deliver, OUTPUT_OPTIONS, OUTPUT_USAGE, outputPlan } from '../outputs.js';
import { addProvenance, batchOptionsOf, cacheLayoutOf, incubatorOption, INCUBATOR_OPTIONS, INCUBATOR_USAGE, namesTargets, TARGET_HELP, TARGET_OPTIONS, TARGET_USAGE, targetsOf } from '../targets.js';
import { expandBareColor } from '../terminal.js';
import type { Command } from './types.js';

const OPTIONS = {
  ...OUTPUT_OPTIONS,
  ...TARGET_OPTIONS,
  ...INCUBATOR_OPTIONS,
  shard: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export const scanCommand: Command = {
  usage: [`oslo-audit scan ${TARGET_USAGE[0]}`, ...TARGET_USAGE.slice(1).map((l) => `                ${l}`), `                [--shard I/N] [--quiet] ${INCUBATOR_USAGE} ${OUTPUT_USAGE}`, '', TARGET_HELP].join('\n'),
  async run(argv) {
    const { values, positionals, tokens } = parse(expandBareColor(argv), OPTIONS);
    const plan = outputPlan(values, tokens, { env: process.env, stdoutIsTTY: process.stdout.isTTY === true, defaultFormat: 'table' });
    const interrupt = new AbortController();
    const layout = cacheLayoutOf(values);
    const options = batchOptionsOf(values, layout, interrupt.signal);
    const shard = values.shard === undefined ? null : parseShard(values.shard);
    if (values.shard !== undefined && !shard) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, not ${JSON.stringify(values.shard)}`);
    if (!namesTargets(values, positionals)) {
      throw new UsageError('scan needs targets: paths, URLs, namespace/name, --from FILE, --governance PATH or --github-org ORG');
    }
    const incubator = await incubatorOption(values.incubator, layout);
    let targets = await targetsOf(values, positionals);
    if (shard) targets = selectShard(targets, shard);

    const onSigint = () => interrupt.abort();
    process.once('SIGINT', onSigint);
    let report: Report;
    try {
      report = await runBatch(targets, options, values.quiet ? undefined : plainLogger());
    } finally {
      process.off('SIGINT', onSigint);
    }
    // A report of a run cut short would pass for a complete one: write none.
    if (interrupt.signal.aborted) {
      process.stderr.write('oslo-audit scan: interrupted; no report written\n');
      return EXIT.interrupted;
    }
    if (shard) report.shard = shard;
    report = await addProvenance(report, incubator, options.cacheDir);
    return deliver(report, plan);
  },
};
