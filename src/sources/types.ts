// A target: one repository to scan, as the user or a list named it, before anything is cloned.

export type Location =
  /** A local checkout. */
  | { kind: 'path'; path: string }
  /** A remote to clone into the cache. May hold credentials: never print it, print `source`. */
  | { kind: 'url'; url: string }
  /** Could not be understood or was refused; becomes a project whose error stage is `resolve`. */
  | { kind: 'unresolved'; reason: string };

export interface Target {
  /** Unique within a batch and safe to print (no credentials): the key of progress events. */
  id: string;
  /** Short name (`nova`). */
  name: string;
  /** `namespace/name` when the source says so (governance, GitHub, `namespace/name` targets). */
  repo: string | null;
  /** `namespace/name` guessed from a URL's path, used when the repository has no `.gitreview`. */
  repoHint?: string | null;
  /** The report's `source`: the path as given, or the URL without credentials. */
  source: string;
  location: Location;
  /** The ref this source asks for (a GitHub repository's default branch); `--ref` wins over it. */
  ref?: string;
  /** Extra report fields about the project, from where it was listed (`governance`, `github`). */
  extra?: Record<string, unknown>;
}

/** A source of targets could not be read at all (a missing list file, a GitHub API refusal). */
export class SourceError extends Error {}
