// What the scanner needs from a repository: the files tracked at one commit and a way to read blobs.
// The git station provides it and the scan station consumes it; neither owns the contract, so the
// two stay independent of each other. Tests and benchmarks may provide their own sources.

export interface TreeEntry {
  path: string;
  /** Git file mode: `100644`/`100755` files, `120000` symlinks, `160000` submodules. */
  mode: string;
  /** Blob id (40 hex). */
  blob: string;
  /** Size in bytes as git records it. */
  size: number;
}

export interface BlobRead {
  entry: TreeEntry;
  data: Buffer | null;
  /** Why the blob could not be read, when `data` is null. */
  error?: string;
}

export interface TreeSource {
  /**
   * A stable name of the repository the files come from (a checkout's top folder): what the results
   * cache is kept under. Sources without one are not cached.
   */
  location?: string;
  /**
   * The 40-hex commit the files are at, when they are a commit's: a repository re-scanned at the
   * commit it was last scanned at is answered from the results cache without listing or reading.
   */
  commit?: string;
  entries(): Promise<TreeEntry[]>;
  /** Reads the given blobs; every entry is answered exactly once, in any order. */
  read(entries: TreeEntry[]): AsyncIterable<BlobRead>;
  /**
   * Lists and reads through one connection (for git, one process where `entries` and `read` start
   * one each). The scanner uses it when present.
   */
  open?(): Promise<OpenTree>;
}

/**
 * A listed tree whose blobs can be read once: `read` must be called exactly once (with no entries if
 * none are wanted), which closes it. Its blobs may share memory with what the reader received (a
 * pipe's chunk): a caller keeping many copies what it keeps.
 */
export interface OpenTree {
  entries: TreeEntry[];
  read(entries: TreeEntry[]): AsyncIterable<BlobRead>;
}
