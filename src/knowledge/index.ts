export { Knowledge, normaliseDistribution } from './knowledge.js';
export type { IncubatorFacts, NamespaceFacts, LibraryFacts, DropInFacts } from './knowledge.js';
export { readTsv } from './tsv.js';

import { Knowledge } from './knowledge.js';

let shared: Knowledge | undefined;
/** The knowledge base shipped with the tool, loaded once. */
export function knowledge(): Knowledge {
  shared ??= new Knowledge();
  return shared;
}
export { retirementFacts, loadRetirementFacts } from './retirement.js';
export type { RetirementFacts, TemplateKind, GovernanceRole } from './retirement.js';
