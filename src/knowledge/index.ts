export { Knowledge, normaliseDistribution } from './knowledge.js';
export type { IncubatorFacts, NamespaceFacts, LibraryFacts, DropInFacts, ApiChange } from './knowledge.js';
export { readTsv } from './tsv.js';
export { copyLocation, moduleOfRelPath, splitCopyModule } from './copyTree.js';
export type { CopyLocation } from './copyTree.js';

import { Knowledge } from './knowledge.js';

let shared: Knowledge | undefined;
/** The knowledge base shipped with the tool, loaded once. */
export function knowledge(): Knowledge {
  shared ??= new Knowledge();
  return shared;
}
export { parseRule, parseRuleTests, readRuleTests, loadRuleDir, packVersions, RuleError } from './rules.js';
export type { Rule, RuleKind, RuleTests, Severity } from './rules.js';
export { DEFAULT_PACKS, defaultRules, selectRules, selectionOf, shippedRules } from './packs.js';
export type { RuleSelection, SelectOptions } from './packs.js';
export { retirementFacts, loadRetirementFacts } from './retirement.js';
export type { RetirementFacts, TemplateKind, GovernanceRole } from './retirement.js';
