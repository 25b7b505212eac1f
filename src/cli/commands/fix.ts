import { applyFixes, assertCleanWorkTree, DirtyTreeError, parseSelection, planFixes, SelectionError, type FixPlan } from '../../fix/index.js';
import { knowledge } from '../../knowledge/index.js';
import { scanCheckout } from '../../pipeline/index.js';
import { closeSharedPools } from '../../scan/index.js';
import { plural } from '../../util/index.js';
import { parse } from '../args.js';
import { applyFailed, EXIT, UsageError } from '../exitCodes.js';
import { ApplyFailedError } from '../../git/index.js';
import { emit } from '../output.js';
import type { Command } from './types.js';

/** What the plan leaves to people, on stderr, so stdout stays a patch `git apply` takes. */
function describe(plan: FixPlan): string {
  const lines: string[] = [];
  for (const c of plan.changes) {
    lines.push(`oslo-audit: ${c.library}: ${c.message.split('\n', 1)[0]} (${plural(c.files.length, 'file')}: ${c.edits.join(', ')})`);
  }
  for (const item of plan.left) {
    const where = item.places.length === 1 && !item.title.includes(item.places[0]!.file) ? ` (${item.places[0]!.file}${item.places[0]!.line ? `:${item.places[0]!.line}` : ''})` : item.places.length > 1 ? ` (${plural(item.places.length, 'place')})` : '';
    lines.push(`oslo-audit: left for review: ${item.title}${where}: ${item.reason}`);
  }
  if (plan.changes.length === 0) lines.push('oslo-audit: nothing to do');
  return lines.map((l) => `${l}\n`).join('');
}

export const fixCommand: Command = {
  usage: 'oslo-audit fix PATH [--only namespace|namespace:LIBRARY|incubator|incubator:MODULE,...] [--apply] [--output FILE]',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      only: { type: 'string' },
      apply: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length !== 1) throw new UsageError('fix needs exactly one PATH to a git checkout');
    if (values.apply && values.output) throw new UsageError('--output writes the diff that --apply would commit; use one or the other');
    const path = positionals[0]!;
    let only;
    try {
      only = values.only === undefined ? undefined : parseSelection(values.only, knowledge());
    } catch (e) {
      if (e instanceof SelectionError) throw new UsageError(e.message);
      throw e;
    }
    const project = await scanCheckout({ path });
    // Planning parses on this thread: the scan's idle workers would only hold their memory meanwhile.
    await closeSharedPools();
    if (project.error) throw new UsageError(project.error.message);
    try {
      if (values.apply) await assertCleanWorkTree(path);
    } catch (e) {
      if (e instanceof DirtyTreeError) throw new UsageError(e.message);
      throw e;
    }
    const plan = await planFixes(path, project, { only });
    if (!values.apply) {
      emit(plan.diff, values.output);
      process.stderr.write(describe(plan));
      return EXIT.ok;
    }
    if (plan.changes.length === 0) {
      process.stderr.write(describe(plan));
      return EXIT.ok;
    }
    try {
      const commits = await applyFixes(path, plan, { onWarning: (m) => process.stderr.write(`oslo-audit: warning: ${m}\n`) });
      for (const c of commits) process.stdout.write(`${c.commit.slice(0, 10)} ${c.subject}\n`);
      process.stderr.write(describe({ ...plan, changes: [] }).replace(/^oslo-audit: nothing to do\n$/m, ''));
      return EXIT.ok;
    } catch (e) {
      if (e instanceof DirtyTreeError) throw new UsageError(e.message);
      if (e instanceof ApplyFailedError) return applyFailed('fix', e);
      throw e;
    }
  },
};
