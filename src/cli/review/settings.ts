// What the review command's checklist and change functions share: where checkouts are, the
// retirement inputs, the rules, and how a project is scanned again after commits.

import type { ActivityOptions, Identity } from '../../git/index.js';
import type { Incubator } from '../../provenance/index.js';
import type { CandidacyRules } from '../../retire/index.js';
import type { ScanOptions } from '../../scan/index.js';

export interface ReviewSettings {
  /** What relative `source` paths in the report are relative to. */
  cwd: string;
  /** Local checkouts of openstack/project-config and openstack/governance, for the retirement state. */
  projectConfig: string | null;
  governance: string | null;
  rules: CandidacyRules;
  /** How projects are scanned again after changes are committed. */
  scan: ScanOptions & { activity?: ActivityOptions };
  /** oslo-incubator, when provenance is wanted. */
  incubator: Incubator | null;
  /** Author and date of the commits made (reproducible runs); git's configured user and the time otherwise. */
  identity?: Identity;
}
