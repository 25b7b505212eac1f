// requirements.txt / test-requirements.txt: one finding per Oslo library required.
// Lines follow pip's format: `name[extras] spec ; marker  # comment`; options (`-r`, `-e`, `--…`) and
// URLs name no distribution we can judge, so they are passed over.

import type { Knowledge } from '../../knowledge/index.js';
import type { Finding } from '../../report/index.js';
import { lineSpan, makeFinding } from '../finding.js';

export interface Requirement {
  name: string;
  spec: string;
  marker: string;
  line: number;
  column: number;
}

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*/;

export function parseRequirements(text: string): Requirement[] {
  const out: Requirement[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const uncommented = raw.replace(/(^|\s)#.*$/, '');
    const trimmed = uncommented.trim();
    if (!trimmed || trimmed.startsWith('-') || /^[a-z+]+:\/\//i.test(trimmed)) return;
    const m = NAME.exec(trimmed);
    if (!m) return;
    const rest = trimmed.slice(m[0].length);
    const semi = rest.indexOf(';');
    const spec = (semi >= 0 ? rest.slice(0, semi) : rest).trim();
    const marker = semi >= 0 ? rest.slice(semi + 1).trim() : '';
    out.push({ name: m[1]!, spec, marker, line: i + 1, column: raw.indexOf(trimmed) + 1 });
  });
  return out;
}

/** requirements.txt and test-requirements.txt, and their 2012–2013 names under tools/. */
export function isRequirementsFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === 'requirements.txt' || base === 'test-requirements.txt' || path === 'tools/pip-requires' || path === 'tools/test-requires';
}

export function detectRequirements(file: string, text: string, knowledge: Knowledge): Finding[] {
  return parseRequirements(text)
    .filter((r) => knowledge.isOsloDistribution(r.name))
    .map((r) =>
      makeFinding('oslo-requirement', file, lineSpan(r.line, r.column), `Requires the Oslo library ${r.name}${r.spec ? ` ${r.spec}` : ''}.`, {
        name: r.name,
        spec: r.spec,
        ...(r.marker ? { marker: r.marker } : {}),
      }),
    );
}
