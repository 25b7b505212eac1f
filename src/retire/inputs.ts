// What the retirement state is read from: files and facts gathered from the three checkouts.
// Gathering them is I/O (src/retire/read.ts); everything that judges them is pure.

import type { Activity } from '../report/index.js';
import type { CandidacyRules } from './candidacy.js';
import type { EvidenceRepo } from './types.js';

export const PROJECT_CONFIG = 'project-config';
export const GOVERNANCE = 'governance';

export const PC = {
  zuulProjects: 'zuul.d/projects.yaml',
  zuulMain: 'zuul/main.yaml',
  layout: 'zuul/layout.yaml',
  jenkins: 'jenkins/jobs/projects.yaml',
  gerritProjects: 'gerrit/projects.yaml',
  gerritbot: 'gerritbot/channels.yaml',
  /** The common read-only ACL of retired projects, since 2017-04-18. */
  retiredAcl: 'gerrit/acls/openstack/retired.config',
} as const;

export const GOV = {
  projects: 'reference/projects.yaml',
  legacy: 'reference/legacy.yaml',
  /** legacy.yaml's name until 2016-09-27. */
  retiredProjects: 'reference/retired-projects.yaml',
  sigs: 'reference/sigs-repos.yaml',
  tc: 'reference/technical-committee-repos.yaml',
} as const;

export const RETIRED_ACL = '/home/gerrit2/acls/openstack/retired.config';
export const KEPT_FILES = ['README.rst', '.gitreview'] as const;

/** The setting that makes a project's own ACL read-only: how a retired project was closed before the common ACL. */
export const READ_ONLY_ACL = /^\s*state\s*=\s*read only\s*$/m;

/** Whether a project-config tree (its files, by path) predates the common ACL: no retired.config and no zuul.d yet. */
export function predatesCommonAcl(file: (path: string) => string | null | undefined): boolean {
  return file(PC.retiredAcl) == null && file(PC.zuulProjects) == null;
}

/** A name that cannot be a repository's; the caller says where the name came from. */
export class RepoNameError extends Error {}

const REPO_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A `namespace/name` safe to put into paths and file contents; anything else is refused. */
export function assertRepoName(repo: string): string {
  if (!REPO_NAME.test(repo) || repo.split('/').some((p) => p === '.' || p === '..' || p.endsWith('.git'))) {
    throw new RepoNameError(`not a repository name of the form namespace/name: ${JSON.stringify(repo)}`);
  }
  return repo;
}

/** The project's own ACL file in project-config. */
export function aclPath(repo: string): string {
  return `gerrit/acls/${assertRepoName(repo)}.config`;
}

export function projectConfigFiles(repo: string): string[] {
  return [...Object.values(PC), aclPath(repo)];
}

export function governanceFiles(): string[] {
  return Object.values(GOV);
}

/** What must be in each checkout for it to be what the option says it is. */
export const CHECKOUT_MARKERS = {
  'project-config': ['gerrit/projects.yaml'],
  governance: ['reference/projects.yaml'],
} as const;

export interface RepositoryFacts {
  /** `namespace/name`. */
  repo: string;
  /** Paths tracked at HEAD. */
  files: string[];
  /** README.rst at HEAD, if any. */
  readme: string | null;
  /** The commit HEAD points at. */
  head: string | null;
  /**
   * The commit that retired the repository, found in its history: README.rst says the project is no
   * longer maintained and nothing but README.rst, .gitreview and dot files is left. Null when none.
   */
  retirement?: { commit: string; date: string; file?: string } | null;
  /** Every README at HEAD (README.rst, README, README.md, README.txt) by path. */
  readmes?: Record<string, string | null>;
}

export interface RetireInputs {
  repository: RepositoryFacts;
  /** project-config files by path (null when absent), or null when no project-config checkout was given. */
  projectConfig: Record<string, string | null> | null;
  projectConfigHead?: string | null;
  governance: Record<string, string | null> | null;
  governanceHead?: string | null;
  /** Activity of the project before its retirement commit (or of HEAD when there is none). */
  activity: Activity | null;
  now: Date;
  rules?: CandidacyRules;
  /** Release tags reachable from HEAD, newest first (undefined: not looked at). */
  releases?: { tag: string; date: string }[];
  /** Projects that require this one (from scanned projects' requirements). */
  dependents?: { source: string; projects: string[] } | null;
  /** Its line in an openstack/requirements checkout's global-requirements.txt. */
  globalRequirement?: { package: string; line: number | null } | null;
}

/** A commit behind a piece of evidence. */
export interface CommitFact {
  commit: string;
  date: string;
  /** The history is shallow and the commit stands for the history cut off before it. */
  approximate?: boolean;
}

/** A question about one version of a file (its text, or null where the file is absent); named for reuse. */
export interface VersionTest {
  key: string;
  holds(text: string | null, file: string): boolean;
}

/** History questions the state reader asks about a checkout; answered by git in the CLI, by nothing in pure callers. */
export interface EvidenceLookup {
  /** The change since which `test` has held of `file` (the change that made the evidence true), or null. */
  since(repo: EvidenceRepo, file: string, test: VersionTest): Promise<CommitFact | null>;
}

export const NO_LOOKUP: EvidenceLookup = {
  since: async () => null,
};
