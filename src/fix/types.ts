// What `fix` plans and does: one change per library, each a local commit once applied.

import type { ChecklistPlace } from '../checklist/index.js';
import type { RewriteKind } from './rewrites.js';

export interface FileChange {
  /** POSIX path relative to the repository root. */
  path: string;
  /** Content before this change; null for a file the change creates. */
  before: string | null;
  /** Content after this change; null for a file the change deletes. */
  after: string | null;
  /** Git file mode, kept when the file is rewritten. */
  mode: string;
}

export interface LibraryChange {
  /** The PyPI distribution this change moves the project to (`oslo.utils`). */
  library: string;
  /** Rewrite keys applied (`namespace:oslo.utils`, `incubator:timeutils`), sorted. */
  rewrites: string[];
  kinds: RewriteKind[];
  /** The kinds of edit the change makes, in words (`imports`, `strings`, `entry points`, `requirements`, …). */
  edits: string[];
  files: FileChange[];
  /** The unified diff of `files`, in git's format. */
  diff: string;
  /** The commit message, OpenStack style, ending in a `Change-Id:` line. */
  message: string;
}

/** Something the fixer leaves to a person, with the reason: it stays a checklist item. */
export interface LeftItem {
  /** Stable: the rewrite key or `incubator:<module>`, plus the file when only one file is concerned. */
  id: string;
  title: string;
  reason: string;
  places: ChecklistPlace[];
}

export interface FixPlan {
  project: string;
  /** Top of the work tree. */
  root: string;
  /** The commit the plan was made from: applying refuses a checkout that has moved on. */
  commit: string;
  /** In commit order (by library name). */
  changes: LibraryChange[];
  left: LeftItem[];
  /** The whole change from the planned commit, file by file: what `fix` prints without `--apply`, and what `git diff` shows once it is applied. */
  diff: string;
}

export interface AppliedCommit {
  library: string;
  commit: string;
  subject: string;
}
