// Rules on disk: a folder of rules read recursively (links not followed), every `.scm` file a rule with
// where its tests are; an unreadable file or folder is a RuleError naming it.

import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseRule, RuleError, type Rule } from './rules.js';

export function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new RuleError(shown, 1, `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** A folder, not followed when it is a link (a rule folder's links could lead anywhere). */
function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A folder's rules (recursively), each with where its tests are; every `.scm` file is a rule. */
export function loadRuleDir(dir: string): Rule[] {
  const rules: Rule[] = [];
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new RuleError(dir, 1, 'not a folder of rules');
    names = readdirSync(dir).sort();
  } catch (e) {
    if (e instanceof RuleError) throw e;
    throw new RuleError(dir, 1, `cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    if (isFolder(path)) rules.push(...loadRuleDir(path));
    else if (name.endsWith('.scm')) {
      const rule = parseRule(readText(path, shown), shown);
      const testPath = join(dir, `${rule.id}.test.yml`);
      const testFile = existsSync(testPath) ? { path: testPath, shown: relative(process.cwd(), testPath) || testPath } : null;
      rules.push({ ...rule, testFile });
    }
  }
  return rules;
}
