// Facts about retiring a repository, read from `src/knowledge/data`: which project-config templates
// hold only non-gating pipelines (per era and file), the README files and wordings of a retirement or
// a deprecation, and governance's files per era. Each row names its source.

import { join } from 'node:path';
import { knowledgeDataDir } from '../paths.js';
import { readTsv } from './tsv.js';

export type TemplateKind = 'noop' | 'non-gating';
export type GovernanceRole = 'official' | 'retired' | 'sig' | 'tc';

export interface RetirementFacts {
  /** The kind of a Zuul template in `file` (`zuul.d/projects.yaml` or `zuul/layout.yaml`), or null when it gates. */
  templateKind(file: string, template: string): TemplateKind | null;
  /** README file names a retired repository may keep, the standard one first. */
  readmeFiles: string[];
  /** Files a retirement keeps besides the README. */
  keptFiles: string[];
  /** Wordings that say a repository is retired. */
  retired: RegExp[];
  deprecated: RegExp;
  moved: RegExp;
  /** Governance files and what being listed there means. */
  governanceFiles: { file: string; role: GovernanceRole }[];
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

function loadRetirementFacts(dataDir: string = knowledgeDataDir): RetirementFacts {
  const templates = readTsv(join(dataDir, 'retirement-templates.tsv')).map((r) => ({ file: r.file!, match: glob(r.template!), kind: r.kind as TemplateKind }));
  const texts = readTsv(join(dataDir, 'retirement-texts.tsv'));
  const of = (kind: string): string[] => texts.filter((r) => r.kind === kind).map((r) => r.pattern!);
  return {
    templateKind: (file, template) => templates.find((t) => t.file === file && t.match.test(template))?.kind ?? null,
    readmeFiles: of('readme-file'),
    keptFiles: of('kept-file'),
    retired: of('retired').map((p) => new RegExp(p, 'i')),
    deprecated: new RegExp(of('deprecated')[0]!, 'i'),
    moved: new RegExp(of('moved')[0]!, 'i'),
    governanceFiles: readTsv(join(dataDir, 'governance-files.tsv')).map((r) => ({ file: r.file!, role: r.role as GovernanceRole })),
  };
}

let shared: RetirementFacts | undefined;
/** The retirement facts shipped with the tool, loaded once. */
export function retirementFacts(): RetirementFacts {
  shared ??= loadRetirementFacts();
  return shared;
}
