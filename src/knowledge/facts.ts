// What the knowledge base says, as the rest of the tool reads it: one incubator module, a namespace
// package, a drop-in swap, a successor's API change, an Oslo library.

import type { Fate, Successor } from '../report/index.js';

/** What the knowledge base says of one incubator module or conf group. */
export interface IncubatorFacts {
  module: string;
  successor: Successor | null;
  fate: Fate;
  incubatorFate: string;
  successorSince: string | null;
  /** Why the fate is what it is, in the reference's words. */
  evidence: string;
}

export interface NamespaceFacts {
  old: string;
  new: string;
  package: string | null;
  /** The first release shipping the new import (`1.6.0 (2015-01-05)`), when known. */
  newSince?: string | null;
  /** The first release without the `oslo` namespace package (`2.0.0 (2015-07-20)`), when known. */
  removedIn?: string | null;
}

/** Whether a library can replace an incubator module by changing imports alone (`drop-in.tsv`). */
export interface DropInFacts {
  module: string;
  dropIn: boolean;
  /** The import that replaces the module (`oslo_utils.timeutils`); '' when there is no library. */
  newImport: string;
  /** The PyPI distribution (`oslo.utils`); '' when there is no library. */
  library: string;
  /** The first release that ships `newImport`, for requirements.txt; '' when not a drop-in. */
  minVersion: string;
  /** Why it is, or is not, a drop-in. */
  reason: string;
}

/**
 * Where a successor's API differs from the incubator module it replaces (`successor-api.tsv`): a name
 * that moved to another module, one the library dropped, an option registered in another group, an
 * option list the library keeps private but lists through a function, or a name the library deprecated.
 */
export interface ApiChange {
  module: string;
  name: string;
  change: 'moved' | 'dropped' | 'option-group' | 'deprecated' | 'listed';
  /** For `moved`: the module that has the name now (`oslo_utils.encodeutils`); for `option-group`: the group; for `listed`: the function listing the library's options (`oslo_concurrency.opts.list_opts`). */
  target: string;
  library: string;
  /** The library release the row speaks of. */
  since: string;
  note: string;
  source: string;
}

export interface LibraryFacts {
  pypiName: string;
  importName: string;
  category: string;
  status: string;
  replacedBy: string;
  /** The earliest release tag (`0.1.0`), when known. */
  firstRelease?: string | null;
}
