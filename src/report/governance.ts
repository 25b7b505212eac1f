// The part of openstack/governance's reference/projects.yaml that the goal tables need:
// team → deliverables → repos. Pure: the caller reads the file.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

// yaml is loaded when a projects.yaml is read, not by every command that imports the report station.
const require = createRequire(import.meta.url);
const parse = (text: string): unknown => (require('yaml') as typeof Yaml).parse(text);

export interface GovernanceTeam {
  /** The team's name as projects.yaml spells it (`nova`, `Oslo`). */
  name: string;
  /** `namespace/name` of every repository of every deliverable, in file order. */
  repos: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Teams of a projects.yaml; throws a one-line error when the text is not shaped like one. */
export function parseGovernanceTeams(text: string, origin: string): GovernanceTeam[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new Error(`${origin} is not YAML: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  if (!isRecord(doc)) throw new Error(`${origin} is not a governance projects.yaml: expected a mapping of teams`);
  const teams: GovernanceTeam[] = [];
  for (const [name, team] of Object.entries(doc)) {
    const deliverables = isRecord(team) && isRecord(team['deliverables']) ? team['deliverables'] : {};
    const repos: string[] = [];
    for (const d of Object.values(deliverables)) {
      const list = isRecord(d) && Array.isArray(d['repos']) ? d['repos'] : [];
      for (const r of list) if (typeof r === 'string' && !repos.includes(r)) repos.push(r);
    }
    teams.push({ name, repos });
  }
  return teams;
}
