// The functions the review command hands the UI, as the UI tests hand them: the retirement rule, and
// the migration checklist alone (the retirement checklist needs checkouts, see reviewChecklists).

import { migrationChecklist } from '../../src/checklist/index.js';
import { candidacyRule, shownChecklists } from '../../src/cli/review/shown.js';
import { DEFAULT_RULES } from '../../src/retire/index.js';
import type { CandidacyRule, ChecklistSource } from '../../src/ui/index.js';

export const migrationOnly: ChecklistSource = async (project) => shownChecklists([migrationChecklist(project)]);

export function reviewFunctions(): { candidacy: CandidacyRule; checklists: ChecklistSource } {
  return { candidacy: candidacyRule(DEFAULT_RULES), checklists: migrationOnly };
}
