// Gathering what the retirement state is judged from: the repository at HEAD, its activity before
// retirement, its releases, and the relevant files of local project-config and governance checkouts,
// each checked to be what its option says.

import { basename } from 'node:path';
import {
  activityOf, openCheckout, parentOf, readTrackedTexts, tagsOf, trackedPaths,
  type ActivityOptions, type Checkout,
} from '../git/index.js';
import { retirementFacts } from '../knowledge/index.js';
import { gitreviewProject } from '../scan/index.js';
import type { CandidacyRules } from './candidacy.js';
import { retiredWording } from './entries.js';
import { FileSearch } from './history.js';
import {
  assertRepoName, CHECKOUT_MARKERS, GOVERNANCE, governanceFiles, PROJECT_CONFIG, projectConfigFiles, RepoNameError,
  type EvidenceLookup, type RetireInputs,
} from './inputs.js';

export interface RetireSources {
  repository: string;
  projectConfig?: string | null;
  governance?: string | null;
  /** `namespace/name`; by default from `.gitreview`, else `openstack/<folder name>`. */
  repo?: string | null;
  /** A checkout of openstack/requirements: is the package still in global-requirements.txt? */
  requirements?: string | null;
  /** Projects known to require this one (from a scan's report), by where they were found. */
  dependents?: { source: string; projects: string[] } | null;
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

/** Checkouts whose history is shallow: their evidence commits may stand for history cut off. */
export interface RetireWarnings {
  shallow: string[];
}

/**
 * The commit that retired the repository: the newest version of a README that says the project is no
 * longer maintained (or deprecated), at a commit that left nothing else but .gitreview and dot files
 * (removed in a second commit in 2016). Later commits may still follow it, such as a mirror's farewell.
 */
async function findRetirement(root: string, readmes: FileSearch): Promise<{ commit: string; date: string; file: string } | null> {
  const facts = retirementFacts();
  const versions = await readmes.walk();
  const candidates = [...versions].flatMap(([file, vs]) => vs.map((v) => ({ file, ...v }))).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  for (const c of candidates.slice(0, 20)) {
    if (!c.blob || !retiredWording(await readmes.text(c.blob), facts)) continue;
    const files = await trackedPaths(root, c.commit);
    if (files.every((f) => f === c.file || facts.keptFiles.includes(f) || f.startsWith('.'))) return { commit: c.commit, date: c.date, file: c.file };
  }
  return null;
}

/** The repository's `namespace/name`, or an error that says where a bad name came from. */
function repoName(given: string | null | undefined, gitreview: string | null, root: string): string {
  const [name, origin] = given ? [given, '--repo'] : gitreview ? [gitreview, 'its .gitreview'] : [`openstack/${basename(root)}`, `the folder name ${JSON.stringify(basename(root))} (HEAD has no .gitreview)`];
  try {
    return assertRepoName(name);
  } catch (e) {
    if (!(e instanceof RepoNameError)) throw e;
    const hint = given ? '' : '; give the name with --repo NAMESPACE/NAME';
    throw new RepoNameError(`${JSON.stringify(name)}, taken from ${origin}, is not a repository name of the form namespace/name${hint}`);
  }
}

/** Refuses a checkout given for the wrong option (project-config for governance, or the other way round). */
async function assertIdentity(checkout: Checkout, option: keyof typeof CHECKOUT_MARKERS): Promise<void> {
  const texts = await readTrackedTexts(checkout.root, [...CHECKOUT_MARKERS['project-config'], ...CHECKOUT_MARKERS.governance], checkout.commit);
  if (CHECKOUT_MARKERS[option].every((f) => texts[f] !== null)) return;
  const other = option === 'project-config' ? 'governance' : 'project-config';
  const looksLike = CHECKOUT_MARKERS[other].every((f) => texts[f] !== null) ? `; it looks like a ${other} checkout (were --project-config and --governance swapped?)` : '';
  throw new Error(`--${option} ${checkout.root} is not a ${option} checkout: no ${CHECKOUT_MARKERS[option].join(', ')} at HEAD${looksLike}`);
}

/** The line of a package in global-requirements.txt (PEP 503 names), or null. */
function requirementLine(text: string | null, pkg: string): number | null {
  if (!text) return null;
  const norm = (n: string): string => n.toLowerCase().replace(/[-_.]+/g, '-');
  const i = text.split('\n').findIndex((l) => norm(l.split(/[\s<>=!~;#[]/)[0] ?? '') === norm(pkg));
  return i < 0 ? null : i + 1;
}

export async function readRetireInputs(sources: RetireSources): Promise<{ inputs: RetireInputs; lookup: EvidenceLookup; roots: RetireRoots; warnings: RetireWarnings; close: () => void }> {
  const facts = retirementFacts();
  const checkout = await openCheckout(sources.repository);
  const top = await readTrackedTexts(checkout.root, [...facts.readmeFiles, '.gitreview', 'setup.cfg'], checkout.commit);
  const repo = repoName(sources.repo, top['.gitreview'] ? gitreviewProject(top['.gitreview']) : null, checkout.root);
  const files = await trackedPaths(checkout.root, checkout.commit);

  const pc = sources.projectConfig ? await openCheckout(sources.projectConfig) : null;
  const gov = sources.governance ? await openCheckout(sources.governance) : null;
  if (pc) await assertIdentity(pc, 'project-config');
  if (gov) await assertIdentity(gov, 'governance');

  // One history walk of the READMEs serves both finding the retirement and the evidence's commits.
  const readmes = new FileSearch(checkout.root, checkout.commit, facts.readmeFiles);
  try {
    // After retirement the last human commit is the retirement itself: judge activity and releases from before it.
    const retirement = await findRetirement(checkout.root, readmes);
    const activityRef = retirement ? ((await parentOf(checkout.root, retirement.commit)) ?? checkout.commit) : checkout.commit;
    const activity = await activityOf(checkout.root, activityRef, { now: sources.now, ...sources.activity });
    const releases = await tagsOf(checkout.root, activityRef).catch(() => []);

    let setupCfg = top['setup.cfg'] ?? null;
    if (setupCfg === null && retirement) setupCfg = (await readTrackedTexts(checkout.root, ['setup.cfg'], activityRef))['setup.cfg'] ?? null;
    const pkg = /^\s*name\s*=\s*(\S+)\s*$/m.exec(setupCfg?.split(/^\[/m).find((s) => s.startsWith('metadata]')) ?? '')?.[1] ?? repo.split('/')[1]!;
    let globalRequirement: RetireInputs['globalRequirement'];
    if (sources.requirements) {
      const req = await openCheckout(sources.requirements);
      const text = (await readTrackedTexts(req.root, ['global-requirements.txt'], req.commit))['global-requirements.txt'];
      if (text == null) throw new Error(`--requirements ${req.root} is not an openstack/requirements checkout: no global-requirements.txt at HEAD`);
      globalRequirement = { package: pkg, line: requirementLine(text ?? null, pkg) };
    }

    const inputs: RetireInputs = {
      repository: {
        repo,
        files,
        readme: top['README.rst'] ?? null,
        readmes: Object.fromEntries(facts.readmeFiles.map((f) => [f, top[f] ?? null])),
        head: checkout.commit,
        retirement,
      },
      projectConfig: pc ? await readTrackedTexts(pc.root, projectConfigFiles(repo), pc.commit) : null,
      projectConfigHead: pc?.commit ?? null,
      governance: gov ? await readTrackedTexts(gov.root, governanceFiles(), gov.commit) : null,
      governanceHead: gov?.commit ?? null,
      activity,
      now: sources.now,
      rules: sources.rules,
      releases,
      ...(sources.dependents !== undefined ? { dependents: sources.dependents } : {}),
      ...(globalRequirement !== undefined ? { globalRequirement } : {}),
    };
    const roots: RetireRoots = { repository: checkout.root, projectConfig: pc?.root ?? null, governance: gov?.root ?? null };
    const searches = new Map<string, FileSearch>();
    if (pc) searches.set(PROJECT_CONFIG, new FileSearch(pc.root, pc.commit, projectConfigFiles(repo)));
    if (gov) searches.set(GOVERNANCE, new FileSearch(gov.root, gov.commit, governanceFiles()));
    searches.set(repo, readmes);
    const lookup: EvidenceLookup = {
      since: async (key, file, test) => (await searches.get(key)?.since(file, test)) ?? null,
    };
    const shallow: string[] = [];
    for (const name of [repo, PROJECT_CONFIG, GOVERNANCE]) {
      if (await searches.get(name)?.isShallow()) shallow.push(name);
    }
    return { inputs, lookup, roots, warnings: { shallow }, close: () => searches.forEach((s) => s.close()) };
  } catch (e) {
    readmes.close();
    throw e;
  }
}
