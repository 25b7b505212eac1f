import { makeReport, renderJson, type Project } from '../../report/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { existsSync } from 'node:fs';
import { checkoutProvenance, DEFAULT_INCUBATOR, exportIndex, IncubatorError, loadIndex, openIncubator, renderProvenance } from '../../provenance/index.js';
import { oneOf, parse } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import { emit } from '../output.js';
import { cacheLayoutOf } from '../targets.js';
import type { Command } from './types.js';

const FORMATS = ['table', 'json'] as const;

export const provenanceCommand: Command = {
  usage: 'oslo-audit provenance PATH... [--incubator PATH|URL] [--index FILE] [--cache-dir DIR] [--ref REF] [--format table|json] [--diff] [--output FILE]',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      incubator: { type: 'string' },
      index: { type: 'string' },
      'cache-dir': { type: 'string' },
      ref: { type: 'string' },
      format: { type: 'string', short: 'f' },
      diff: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length === 0) throw new UsageError('provenance needs at least one PATH to a git checkout');
    const format = oneOf(values.format, FORMATS, '--format') ?? 'table';
    const spec = values.incubator ?? DEFAULT_INCUBATOR;
    let incubator;
    const indexFile = values.index;
    try {
      // An index file that exists is all a job needs; one that does not is written from the incubator.
      if (indexFile && existsSync(indexFile)) incubator = loadIndex(indexFile);
      else {
        incubator = await openIncubator(spec, { cacheDir: cacheLayoutOf(values).provenance });
        if (indexFile) {
          await exportIndex(incubator, indexFile);
          process.stderr.write(`oslo-audit: wrote the incubator index to ${indexFile}\n`);
        }
      }
    } catch (e) {
      // Without the incubator's history nothing can be compared: an input error, not a project failure.
      if (e instanceof IncubatorError || /refusing/.test((e as Error).message)) throw new UsageError((e as Error).message);
      throw e;
    }
    process.stderr.write(`oslo-audit: oslo-incubator @ ${incubator.index.head.slice(0, 10)}, ${incubator.index.history.versions.length} file versions${incubator.cached ? ' (cached)' : ''}\n`);
    const projects: Project[] = [];
    for (const path of positionals) {
      const scanned = await scanCheckout({ path, ref: values.ref });
      projects.push(await checkoutProvenance(scanned, path, incubator));
    }
    const report = makeReport(projects);
    emit(format === 'json' ? renderJson(report) : renderProvenance(report, { diff: values.diff }), values.output);
    for (const p of projects) if (p.error) process.stderr.write(`oslo-audit: ${p.name}: ${p.error.message}\n`);
    return projects.some((p) => p.error) ? EXIT.projectsFailed : EXIT.ok;
  },
};
