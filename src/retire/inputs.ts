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
} as const;

export const GOV = {
  projects: 'reference/projects.yaml',
  legacy: 'reference/legacy.yaml',
} as const;

export const RETIRED_ACL = '/home/gerrit2/acls/openstack/retired.config';
export const KEPT_FILES = ['README.rst', '.gitreview'] as const;

const REPO_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A `namespace/name` safe to put into paths and file contents; anything else is refused. */
export function assertRepoName(repo: string): string {
  if (!REPO_NAME.test(repo) || repo.split('/').some((p) => p === '.' || p === '..' || p.endsWith('.git'))) {
    throw new Error(`not a repository name of the form namespace/name: ${JSON.stringify(repo)}`);
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
  retirement?: { commit: string; date: string } | null;
  /** Other READMEs at HEAD (README.md, …) by path: a mirror's farewell commit leaves one saying the repository moved. */
  otherReadmes?: Record<string, string>;
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
}

/** A commit behind a piece of evidence. */
export interface CommitFact {
  commit: string;
  date: string;
}

/** History questions the state reader asks about a checkout; answered by git in the CLI, by nothing in pure callers. */
export interface EvidenceLookup {
  /** The commit that last changed a line. */
  blame(repo: EvidenceRepo, file: string, line: number): Promise<CommitFact | null>;
  /** The newest commit that changed how often `needle` occurs in `file` (for an absent text: its removal). */
  removal(repo: EvidenceRepo, file: string, needle: string): Promise<CommitFact | null>;
  /** The commit that deleted a file. */
  deletion(repo: EvidenceRepo, file: string): Promise<CommitFact | null>;
}

export const NO_LOOKUP: EvidenceLookup = {
  blame: async () => null,
  removal: async () => null,
  deletion: async () => null,
};
