// `openstack-common.conf`: which incubator modules a project copied.
// `module=log` lines, older `modules=a,b,c` lists (one finding per value), slash forms
// (`notifier/api`) written dotted; `script=` and `base=` lines name no module.

import type { Knowledge } from '../../knowledge/index.js';
import type { Finding } from '../../report/index.js';
import { lineSpan, makeFinding } from '../finding.js';
import { successorClause } from '../messages.js';
import { readIni } from './ini.js';

export interface ConfModule {
  module: string;
  line: number;
  column: number;
}

export function confModules(text: string): ConfModule[] {
  const out: ConfModule[] = [];
  for (const entry of readIni(text)) {
    if (entry.key !== 'module' && entry.key !== 'modules') continue;
    for (const v of entry.values) {
      let offset = 0;
      for (const part of v.text.split(',')) {
        const name = part.trim();
        if (name) out.push({ module: name.replace(/\//g, '.'), line: v.line, column: v.column + offset + part.indexOf(name) });
        offset += part.length + 1;
      }
    }
  }
  return out;
}

/** The `base=` value: the package name update.py rewrote `openstack.common` into. */
export function confBase(text: string): string | null {
  const base = readIni(text).find((e) => e.key === 'base');
  return base?.values[0]?.text ?? null;
}

export function detectCommonConf(file: string, text: string, knowledge: Knowledge): Finding[] {
  return confModules(text).map(({ module, line, column }) => {
    const facts = knowledge.incubatorGroup(module);
    return makeFinding('incubator-config', file, lineSpan(line, column), `openstack-common.conf lists ${module}, ${successorClause(facts)}.`, {
      module,
      successor: facts?.successor ?? null,
      fate: facts?.fate ?? 'unknown',
      incubatorFate: facts?.incubatorFate || null,
      successorSince: facts?.successorSince ?? null,
    });
  });
}
