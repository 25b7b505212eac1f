// The retirement state of one repository, step by step, each with its evidence: read from the
// repository and from project-config and governance files. History questions (which commit made a
// piece of evidence true) go through an EvidenceLookup, so this module itself does no I/O.

import { retirementFacts, type RetirementFacts } from '../knowledge/index.js';
import { candidacy } from './candidacy.js';
import { retiredWording } from './entries.js';
import { governanceStep } from './governanceStep.js';
import { gatingStep, infraStep } from './infraSteps.js';
import { aclPath, GOV, GOVERNANCE, NO_LOOKUP, PC, PROJECT_CONFIG, type EvidenceLookup, type RetireInputs } from './inputs.js';
import { atCommit, evidence, test, type PendingEvidence, type StepResult } from './pending.js';
import { RETIREMENT_SCHEMA_VERSION, type Evidence, type RetirementStage, type RetirementState, type Step } from './types.js';

/** The standard README of a retired repository says this (infra manual). */
export const NO_LONGER_MAINTAINED = /no\s+longer\s+maintained/i;

/** The README a retirement kept, and what it says: the standard README.rst first, then README, README.md, README.txt. */
function retirementReadme(inputs: RetireInputs, facts: RetirementFacts): { file: string; line: number; deprecated: boolean } | null {
  const readmes = inputs.repository.readmes ?? { 'README.rst': inputs.repository.readme };
  for (const file of facts.readmeFiles) {
    const said = retiredWording(readmes[file] ?? null, facts);
    if (said) return { file, ...said };
  }
  return null;
}

function contentStep(inputs: RetireInputs, facts: RetirementFacts): StepResult {
  const { repository } = inputs;
  const readmes = repository.readmes ?? {};
  const said = retirementReadme(inputs, facts);
  const kept = new Set([...facts.keptFiles, ...(said ? [said.file] : ['README.rst'])]);
  // Dot files left by a retirement (2016 needed a second commit for them) are a leftover, not content.
  const dotFiles = said ? repository.files.filter((f) => !kept.has(f) && f.startsWith('.')) : [];
  const extra = repository.files.filter((f) => !kept.has(f) && !dotFiles.includes(f));
  const keptText = [...kept].sort().join(' and ');
  const ev: PendingEvidence[] = [];
  if (said) {
    ev.push(evidence(repository.repo, said.file, said.line, said.deprecated ? `${said.file} says the project is deprecated` : `${said.file} says the project is no longer maintained`));
  } else {
    const any = facts.readmeFiles.find((f) => readmes[f] != null) ?? (repository.readme !== null ? 'README.rst' : null);
    ev.push(evidence(repository.repo, any, null, any === null ? 'no README' : `${any} does not say the project is no longer maintained or deprecated`));
  }
  ev.push(evidence(repository.repo, null, null, extra.length ? `${extra.length} ${extra.length === 1 ? 'file' : 'files'} besides ${keptText} at HEAD (${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''})` : `HEAD holds only ${keptText}`));
  if (said && extra.length === 0) {
    if (repository.retirement) ev.push(atCommit(evidence(repository.repo, null, null, 'content removed'), repository.retirement));
    const leftovers = dotFiles.map((f) => ({ repo: repository.repo, file: f, line: null, note: 'dot file left after the content removal' }));
    return { status: 'done', evidence: ev, leftovers };
  }
  // A GitHub mirror's farewell (2019: README.md saying the repository moved to OpenDev) came after the
  // retirement commit and does not bring the content back.
  const others = repository.files.filter((f) => !facts.keptFiles.includes(f));
  const farewell = others.length > 0 && others.every((f) => readmes[f] != null && facts.moved.test(readmes[f]!));
  if (repository.retirement && farewell) {
    return {
      status: 'done',
      evidence: [
        atCommit(evidence(repository.repo, repository.retirement.file ?? 'README.rst', null, 'the README said the project is no longer maintained, and only it and .gitreview were left'), repository.retirement),
        evidence(repository.repo, others.join(', '), null, 'a later mirror commit replaced the README with a note that the repository moved'),
      ],
      leftovers: [],
    };
  }
  return { status: 'pending', evidence: ev, leftovers: [] };
}

/** Whether project-config never mentioned the repository: no file names it now, and no history shows it there. */
async function neverInProjectConfig(inputs: RetireInputs, repo: string, lookup: EvidenceLookup): Promise<boolean> {
  const pc = inputs.projectConfig;
  if (!pc) return false;
  const short = repo.split('/').pop()!;
  for (const [path, text] of Object.entries(pc)) {
    if (text === null) continue;
    if (path === aclPath(repo) || text.includes(repo) || (path === PC.jenkins && new RegExp(`name:\\s*${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm').test(text))) return false;
  }
  const absent = test(`never ${repo}`, (t) => t === null || !t.includes(repo));
  for (const path of [PC.gerritProjects, PC.zuulProjects, PC.layout]) {
    if (await lookup.since(PROJECT_CONFIG, path, absent)) return false;
  }
  return true;
}

const ORDER = ['gating-ended', 'content-removed', 'infra-removed', 'governance-retired'] as const;

function stageOf(steps: Step[], deprecated: boolean): RetirementStage {
  const byId = new Map(steps.map((s) => [s.id, s.status]));
  const done = ORDER.filter((id) => byId.get(id) === 'done');
  if (ORDER.every((id) => byId.get(id) === 'done' || byId.get(id) === 'not-applicable') && done.length) return 'fully-retired';
  // Master emptied while the stable branches are kept: a deprecation, not (yet) a retirement.
  if (deprecated && byId.get('content-removed') === 'done' && byId.get('infra-removed') !== 'done') return 'deprecated';
  if (done.length === 0) return 'active';
  return done[done.length - 1]!;
}

async function resolve(ev: PendingEvidence, lookup: EvidenceLookup): Promise<Evidence> {
  const { test: t, fallback, ...plain } = ev;
  if (plain.commit || !t || !plain.file) return plain;
  let found = await lookup.since(ev.repo, plain.file, t);
  let from = plain.file;
  if (!found && fallback) {
    found = await lookup.since(ev.repo, fallback, t);
    from = fallback;
  }
  if (!found) return plain;
  const note = from === plain.file ? plain.note : `${plain.note} (the change is in ${from})`;
  return { ...plain, note, commit: found.commit, date: found.date, ...(found.approximate ? { approximate: true } : {}) };
}

/** The retirement state of `inputs.repository`, in the shape of docs/report-format.md. */
export async function assessRetirement(inputs: RetireInputs, lookup: EvidenceLookup = NO_LOOKUP, facts: RetirementFacts = retirementFacts()): Promise<RetirementState> {
  const repo = inputs.repository.repo;
  const never = await neverInProjectConfig(inputs, repo, lookup);
  const gating = gatingStep(inputs, repo, never, facts);
  const governance = governanceStep(inputs, repo);
  const results: [Step['id'], StepResult][] = [
    // An announcement on the discussion list leaves no trace in any repository.
    ['announce', { status: 'unknown', evidence: [], leftovers: [] }],
    ['gating-ended', gating],
    ['content-removed', contentStep(inputs, facts)],
    ['infra-removed', infraStep(inputs, repo, never)],
    ['governance-retired', governance],
  ];
  const steps: Step[] = [];
  const leftovers = [];
  for (const [id, r] of results) {
    let status = r.status;
    let evidenceList = await Promise.all(r.evidence.map((e) => resolve(e, lookup)));
    let left = r.leftovers;
    if (id === 'governance-retired' && status === 'not-applicable') {
      // Gone from every official list: removed (done, unrecorded) if history shows it there, else never official.
      const removed = evidenceList.filter((e) => e.commit);
      if (removed.length) {
        status = 'done';
        evidenceList = removed;
        // Only a deliverable of projects.yaml is expected in legacy.yaml; a SIG or TC repository is not.
        if (!removed.some((e) => e.file === GOV.projects)) left = [];
      } else {
        evidenceList = [{ repo: GOVERNANCE, file: null, line: null, commit: null, date: null, note: 'not official: in none of reference/projects.yaml, legacy.yaml, sigs-repos.yaml, technical-committee-repos.yaml' }];
        left = [];
      }
    }
    steps.push({ id, status, evidence: evidenceList });
    leftovers.push(...left);
  }
  const deprecated = gating.masterOnly || governance.official?.deprecated != null;
  const official = governance.official ? `deliverable ${governance.official.deliverable} of team ${governance.official.team}` : governance.owner ? `owned by ${governance.owner}` : null;
  const gatingNow = steps[1]!;
  return {
    schemaVersion: RETIREMENT_SCHEMA_VERSION,
    repo,
    candidate: candidacy(inputs.activity, inputs.now, inputs.rules, {
      ...(inputs.governance ? { official } : {}),
      ...(inputs.projectConfig && gatingNow.status !== 'unknown' ? { gated: gatingNow.status === 'pending' ? `${gatingNow.evidence[0]?.file ?? 'project-config'}: ${(gatingNow.evidence[0]?.note ?? 'yes').replace(/^entry still gates: /, '')}` : null } : {}),
      ...(inputs.releases !== undefined ? { releases: inputs.releases } : {}),
      ...(inputs.dependents !== undefined ? { dependents: inputs.dependents } : {}),
      ...(inputs.globalRequirement !== undefined ? { globalRequirement: inputs.globalRequirement } : {}),
    }),
    steps,
    leftovers,
    state: stageOf(steps, deprecated),
  };
}
