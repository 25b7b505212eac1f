// Gathering what the retirement state is judged from: the repository at HEAD, its activity before
// retirement, and the relevant files of local project-config and governance checkouts.

import { basename } from 'node:path';
import {
  activityOf, blameLine, changesOf, deletionOf, lastChangeOf, openCheckout, parentOf, readTrackedTexts, trackedPaths,
  type ActivityOptions, type CommitRef,
} from '../git/index.js';
import { gitreviewProject } from '../scan/index.js';
import type { CandidacyRules } from './candidacy.js';
import {
  assertRepoName, GOVERNANCE, governanceFiles, KEPT_FILES, PROJECT_CONFIG, projectConfigFiles,
  type CommitFact, type EvidenceLookup, type RetireInputs,
} from './inputs.js';
import { NO_LONGER_MAINTAINED } from './state.js';

export interface RetireSources {
  repository: string;
  projectConfig?: string | null;
  governance?: string | null;
  /** `namespace/name`; by default from `.gitreview`, else `openstack/<folder name>`. */
  repo?: string | null;
  now: Date;
  rules?: CandidacyRules;
  activity?: ActivityOptions;
}

/** Work-tree roots of the checkouts, by the names evidence uses. */
export interface RetireRoots {
  repository: string;
  projectConfig: string | null;
  governance: string | null;
}

const fact = (c: CommitRef | null): CommitFact | null => (c ? { commit: c.commit, date: c.date } : null);

const OTHER_READMES = ['README.md', 'README.txt', 'README'];

/**
 * The commit that retired the repository: the newest that left README.rst saying the project is no
 * longer maintained, with nothing else but .gitreview and dot files (removed in a second commit in
 * 2016). Later commits may still follow it, such as a GitHub mirror's farewell.
 */
async function findRetirement(root: string, head: string): Promise<CommitRef | null> {
  for (const change of await changesOf(root, 'README.rst', 'no longer maintained', head)) {
    const readme = (await readTrackedTexts(root, ['README.rst'], change.commit))['README.rst'];
    if (!readme || !NO_LONGER_MAINTAINED.test(readme)) continue; // this change took the text away
    const files = await trackedPaths(root, change.commit);
    if (files.every((f) => (KEPT_FILES as readonly string[]).includes(f) || f.startsWith('.'))) return change;
  }
  return null;
}

export async function readRetireInputs(sources: RetireSources): Promise<{ inputs: RetireInputs; lookup: EvidenceLookup; roots: RetireRoots }> {
  const checkout = await openCheckout(sources.repository);
  const top = await readTrackedTexts(checkout.root, ['README.rst', '.gitreview', ...OTHER_READMES], checkout.commit);
  const repo = assertRepoName(sources.repo ?? (top['.gitreview'] ? gitreviewProject(top['.gitreview']) : null) ?? `openstack/${basename(checkout.root)}`);
  const files = await trackedPaths(checkout.root, checkout.commit);

  // After retirement the last human commit is the retirement itself: judge activity from before it.
  const retirement = await findRetirement(checkout.root, checkout.commit);
  let activityRef = checkout.commit;
  if (retirement) activityRef = (await parentOf(checkout.root, retirement.commit)) ?? checkout.commit;
  const activity = await activityOf(checkout.root, activityRef, { now: sources.now, ...sources.activity });

  const pc = sources.projectConfig ? await openCheckout(sources.projectConfig) : null;
  const gov = sources.governance ? await openCheckout(sources.governance) : null;
  const inputs: RetireInputs = {
    repository: {
      repo,
      files,
      readme: top['README.rst'] ?? null,
      head: checkout.commit,
      retirement: retirement && { commit: retirement.commit, date: retirement.date },
      otherReadmes: Object.fromEntries(OTHER_READMES.flatMap((f) => (top[f] ? [[f, top[f]]] : []))),
    },
    projectConfig: pc ? await readTrackedTexts(pc.root, projectConfigFiles(repo), pc.commit) : null,
    projectConfigHead: pc?.commit ?? null,
    governance: gov ? await readTrackedTexts(gov.root, governanceFiles(), gov.commit) : null,
    governanceHead: gov?.commit ?? null,
    activity,
    now: sources.now,
    rules: sources.rules,
  };
  const roots: RetireRoots = { repository: checkout.root, projectConfig: pc?.root ?? null, governance: gov?.root ?? null };
  const rootOf = (key: string): string | null => (key === PROJECT_CONFIG ? roots.projectConfig : key === GOVERNANCE ? roots.governance : key === repo ? roots.repository : null);
  const lookup: EvidenceLookup = {
    async blame(key, file, line) {
      const root = rootOf(key);
      return root ? fact(await blameLine(root, file, line)) : null;
    },
    async removal(key, file, needle) {
      const root = rootOf(key);
      return root ? fact(await lastChangeOf(root, file, needle)) : null;
    },
    async deletion(key, file) {
      const root = rootOf(key);
      return root ? fact(await deletionOf(root, file)) : null;
    },
  };
  return { inputs, lookup, roots };
}
