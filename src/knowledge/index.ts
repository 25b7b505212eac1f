export { Knowledge } from './knowledge.js';
export { normaliseDistribution } from './names.js';
export type { IncubatorFacts, NamespaceFacts, LibraryFacts, DropInFacts, ApiChange } from './facts.js';
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
export { parseRule, RuleError } from './rules.js';
export type { Rule, RuleKind, Severity } from './rules.js';
export { readRuleTests } from './ruleTestFile.js';
export type { RuleTests } from './ruleTestFile.js';
export { loadRuleDir } from './ruleFiles.js';
export { defaultRules, packVersions, selectRules, shippedRules } from './packs.js';
export type { RuleSelection, SelectOptions } from './packs.js';
export { retirementFacts } from './retirement.js';
export type { RetirementFacts, TemplateKind, GovernanceRole } from './retirement.js';
