// `--rules DIR` (packs from a folder) and `--packs LIST` (which packs run), shared by the scanning
// commands. A malformed rule is a usage error naming its file and line, said before any scan starts.

import { RuleError, selectRules, type RuleSelection } from '../knowledge/index.js';
import { checkRuleQueries } from '../scan/index.js';
import { UsageError } from './exitCodes.js';

/** The rule selection the options ask for; nothing when neither is given (the default packs). */
export function rulesOption(dirs: readonly string[] | undefined, packs: string | undefined): { rules?: RuleSelection } {
  if (!dirs?.length && packs === undefined) return {};
  const list = packs?.split(',').map((p) => p.trim()).filter(Boolean);
  if (packs !== undefined && !list?.length) throw new UsageError('--packs needs a comma-separated list of packs, or all');
  try {
    const { all, selection } = selectRules({ ruleDirs: dirs, packs: list });
    checkRuleQueries(all.filter((r) => r.kind !== 'builtin'));
    return { rules: selection };
  } catch (e) {
    if (e instanceof RuleError) throw new UsageError(e.message);
    throw e;
  }
}
