// The retirement state of one repository, step by step, each with its evidence: read from the
// repository and from project-config and governance files. History questions (which commit did it)
// go through an EvidenceLookup, so this module itself does no I/O.

import { candidacy } from './candidacy.js';
import { aclPath, GOV, GOVERNANCE, KEPT_FILES, NO_LOOKUP, PC, PROJECT_CONFIG, RETIRED_ACL, type EvidenceLookup, type RetireInputs } from './inputs.js';
import { gerritbotChannels, gerritProject, governanceEntry, jenkinsProject, layoutProject, mentions, zuulProjectEntry } from './locate.js';
import { RETIREMENT_SCHEMA_VERSION, type Evidence, type Leftover, type RetirementStage, type RetirementState, type Step, type StepStatus } from './types.js';
import { blockAt, YamlText } from './yamlText.js';

/** How to find the commit behind a piece of evidence. */
type Source = { blame: number } | { removed: string } | { deleted: true } | null;
interface PendingEvidence extends Evidence {
  source: Source;
}

function evidence(repo: string, file: string | null, line: number | null, note: string, source: Source = line === null ? null : { blame: line }): PendingEvidence {
  return { repo, file, line, commit: null, date: null, note, source };
}

/** Evidence already known to come from a commit (no look-up needed). */
function atCommit(e: PendingEvidence, at: { commit: string; date: string }): PendingEvidence {
  return { ...e, commit: at.commit, date: at.date };
}

export function parseYaml(files: Record<string, string | null> | null, path: string): YamlText | null {
  const text = files?.[path];
  return text === null || text === undefined ? null : new YamlText(path, text);
}

/** The standard README of a retired repository says this (infra manual). */
export const NO_LONGER_MAINTAINED = /no\s+longer\s+maintained/i;

const NOOP_TEMPLATES = new Set(['noop-jobs', 'merge-check']);

interface StepResult {
  status: StepStatus;
  evidence: PendingEvidence[];
  leftovers: Leftover[];
}

function gatingStep(inputs: RetireInputs, repo: string, neverListed: boolean): StepResult {
  const pc = inputs.projectConfig;
  if (!pc) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'no project-config checkout given')], leftovers: [] };
  const zd = parseYaml(pc, PC.zuulProjects);
  const layout = parseYaml(pc, PC.layout);
  const leftovers: Leftover[] = [];
  if (zd) {
    const entry = zuulProjectEntry(zd, repo);
    if (entry) {
      const noop = entry.templates.length === 1 && entry.templates[0] === 'noop-jobs' && entry.otherKeys.length === 0;
      const last = blockAt(zd.lines, entry.line).end;
      const runs = [entry.templates.length ? `templates ${entry.templates.join(', ')}` : '', entry.otherKeys.length ? `settings ${entry.otherKeys.join(', ')}` : ''].filter(Boolean).join(' and ');
      return {
        status: noop ? 'done' : 'pending',
        evidence: [evidence(PROJECT_CONFIG, PC.zuulProjects, entry.line, noop ? 'entry holds only the noop-jobs template' : `entry still runs ${runs || 'nothing but is not noop-jobs'}`, { blame: last })],
        leftovers,
      };
    }
    const main = parseYaml(pc, PC.zuulMain);
    const listed = main ? mentions(main, repo) : [];
    if (listed.length) {
      return { status: 'pending', evidence: listed.map((l) => evidence(PROJECT_CONFIG, PC.zuulMain, l, 'in the tenant, without a noop-jobs entry in zuul.d/projects.yaml (jobs may come from the repository\'s own Zuul configuration)')), leftovers };
    }
  } else if (layout) {
    const entry = layoutProject(layout, repo);
    if (entry) {
      const noop = entry.templates.includes('noop-jobs') && entry.templates.every((t) => NOOP_TEMPLATES.has(t)) && entry.jobs.every((j) => j.startsWith('noop'));
      const jenkins = parseYaml(pc, PC.jenkins);
      const jobs = jenkins ? jenkinsProject(jenkins, repo) : null;
      if (noop && jobs) leftovers.push({ repo: PROJECT_CONFIG, file: PC.jenkins, line: jobs.line, note: 'jobs still defined for the project' });
      const last = blockAt(layout.lines, entry.line).end;
      return {
        status: noop ? 'done' : 'pending',
        evidence: [evidence(PROJECT_CONFIG, PC.layout, entry.line, noop ? 'entry reduced to noop-jobs' : `entry still runs ${[...entry.templates, ...entry.jobs].join(', ') || 'jobs'}`, { blame: last })],
        leftovers,
      };
    }
  } else {
    return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'no Zuul configuration (zuul.d/projects.yaml or zuul/layout.yaml) in project-config')], leftovers };
  }
  // No entry at all: gating ended with the project's removal from Zuul, if it was ever there.
  const file = zd ? PC.zuulProjects : PC.layout;
  if (neverListed) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'the project is not found anywhere in project-config')], leftovers };
  return { status: 'done', evidence: [evidence(PROJECT_CONFIG, file, null, 'no Zuul entry left: removed with the project', { removed: repo })], leftovers };
}

function infraStep(inputs: RetireInputs, repo: string, neverListed: boolean): StepResult {
  const pc = inputs.projectConfig;
  if (!pc) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'no project-config checkout given')], leftovers: [] };
  if (neverListed) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'the project is not found anywhere in project-config')], leftovers: [] };
  const ev: PendingEvidence[] = [];
  const leftovers: Leftover[] = [];
  let zuulClear = true;

  const zd = parseYaml(pc, PC.zuulProjects);
  const main = parseYaml(pc, PC.zuulMain);
  const layout = parseYaml(pc, PC.layout);
  const jenkins = parseYaml(pc, PC.jenkins);
  const zuulFiles: [YamlText | null, (y: YamlText) => number[]][] = [
    [zd, (y) => { const e = zuulProjectEntry(y, repo); return e ? [e.line] : []; }],
    [main, (y) => mentions(y, repo)],
    [layout, (y) => { const e = layoutProject(y, repo); return e ? [e.line] : []; }],
    [jenkins, (y) => { const e = jenkinsProject(y, repo); return e ? [e.line] : []; }],
  ];
  for (const [y, find] of zuulFiles) {
    if (!y) continue;
    const lines = find(y);
    if (lines.length) {
      zuulClear = false;
      for (const l of lines) ev.push(evidence(PROJECT_CONFIG, y.path, l, 'still listed'));
    } else {
      ev.push(evidence(PROJECT_CONFIG, y.path, null, 'not listed', { removed: y.path === PC.jenkins ? `name: ${repo.split('/').pop()}` : repo }));
    }
  }

  const acl = aclPath(repo);
  const aclText = pc[acl] ?? null;
  const gerrit = parseYaml(pc, PC.gerritProjects);
  const gp = gerrit ? gerritProject(gerrit, repo) : null;
  let readOnly = false;
  if (gp?.aclConfig?.value === RETIRED_ACL) {
    readOnly = true;
    ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, gp.aclConfig.line, 'acl-config points at the common read-only retired.config'));
    if (gp.description && !/^RETIRED,/.test(gp.description.value)) ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, gp.description.line, 'description not prefixed "RETIRED," (a convention since about 2018)'));
    if (aclText !== null) leftovers.push({ repo: PROJECT_CONFIG, file: acl, line: null, note: 'ACL file still present although acl-config points at retired.config' });
    else ev.push(evidence(PROJECT_CONFIG, acl, null, 'own ACL file deleted', { deleted: true }));
  } else if (aclText !== null && /^\s*state\s*=\s*read only\s*$/m.test(aclText)) {
    // Before 2017-04-18 a retired project kept its own ACL file, reduced to a read-only [project] section.
    readOnly = true;
    const line = aclText.split('\n').findIndex((l) => /^\s*state\s*=\s*read only/.test(l)) + 1;
    ev.push(evidence(PROJECT_CONFIG, acl, line, 'own ACL file makes the project read-only (the pre-2017 way)'));
  } else if (gp) {
    ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, gp.line, gp.aclConfig ? `acl-config is ${gp.aclConfig.value}, not retired.config` : 'Gerrit project still open: no acl-config pointing at retired.config'));
  } else if (gerrit) {
    ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, null, 'not in gerrit/projects.yaml', { removed: repo }));
    readOnly = aclText === null;
  }

  const bot = parseYaml(pc, PC.gerritbot);
  if (bot) {
    const channels = gerritbotChannels(bot, repo);
    for (const c of channels) leftovers.push({ repo: PROJECT_CONFIG, file: PC.gerritbot, line: c.line, note: `still listed for #${c.channel}` });
    if (!channels.length) ev.push(evidence(PROJECT_CONFIG, PC.gerritbot, null, 'no IRC notifications', { removed: repo }));
  }
  if (zuulClear && readOnly) return { status: 'done', evidence: ev, leftovers };
  // While the step is pending, what would be a leftover afterwards is simply part of the work.
  ev.push(...leftovers.map((l) => evidence(l.repo, l.file, l.line, l.note)));
  return { status: 'pending', evidence: ev, leftovers: [] };
}

function contentStep(inputs: RetireInputs): StepResult {
  const { repository } = inputs;
  const extra = repository.files.filter((f) => !(KEPT_FILES as readonly string[]).includes(f));
  const readme = repository.readme;
  const says = readme !== null && NO_LONGER_MAINTAINED.test(readme);
  const ev: PendingEvidence[] = [];
  if (says) {
    const line = readme!.split('\n').findIndex((l) => NO_LONGER_MAINTAINED.test(l)) + 1;
    ev.push(evidence(repository.repo, 'README.rst', line || null, 'README says the project is no longer maintained'));
  } else {
    ev.push(evidence(repository.repo, readme === null ? null : 'README.rst', null, readme === null ? 'no README.rst' : 'README.rst does not say the project is no longer maintained'));
  }
  if (extra.length) {
    const shown = extra.slice(0, 5).join(', ') + (extra.length > 5 ? ', …' : '');
    ev.push(evidence(repository.repo, null, null, `${extra.length} ${extra.length === 1 ? 'file' : 'files'} besides README.rst and .gitreview at HEAD (${shown})`));
  } else {
    ev.push(evidence(repository.repo, null, null, 'HEAD holds only README.rst and .gitreview'));
  }
  if (says && extra.length === 0) {
    if (repository.retirement) ev.push(atCommit(evidence(repository.repo, null, null, 'content removed'), repository.retirement));
    return { status: 'done', evidence: ev, leftovers: [] };
  }
  // A GitHub mirror's farewell (2019: README.md saying the repository moved to OpenDev) came after the
  // retirement commit and does not bring the content back.
  const farewell = extra.length > 0 && extra.every((f) => repository.otherReadmes?.[f] !== undefined && MOVED.test(repository.otherReadmes[f]!));
  if (repository.retirement && farewell) {
    return {
      status: 'done',
      evidence: [
        atCommit(evidence(repository.repo, 'README.rst', null, 'README.rst said the project is no longer maintained, and only it and .gitreview were left'), repository.retirement),
        evidence(repository.repo, extra.join(', '), null, 'a later mirror commit replaced the README with a note that the repository moved'),
      ],
      leftovers: [],
    };
  }
  return { status: 'pending', evidence: ev, leftovers: [] };
}

const MOVED = /\b(has\s+)?moved\b/i;

async function governanceStep(inputs: RetireInputs, repo: string, lookup: EvidenceLookup): Promise<StepResult> {
  const gov = inputs.governance;
  if (!gov) return { status: 'unknown', evidence: [evidence(GOVERNANCE, null, null, 'no governance checkout given')], leftovers: [] };
  const projects = parseYaml(gov, GOV.projects);
  const legacy = parseYaml(gov, GOV.legacy);
  const official = projects ? governanceEntry(projects, repo) : null;
  const retired = legacy ? governanceEntry(legacy, repo) : null;
  const leftovers: Leftover[] = [];
  if (official) {
    const ev = [evidence(GOVERNANCE, GOV.projects, official.repoLine, `still a deliverable (${official.deliverable}) of team ${official.team}`)];
    if (retired) ev.push(evidence(GOVERNANCE, GOV.legacy, retired.repoLine, 'also listed in legacy.yaml'));
    return { status: 'pending', evidence: ev, leftovers };
  }
  if (retired) {
    const ev = [evidence(GOVERNANCE, GOV.projects, null, 'not in reference/projects.yaml', { removed: repo })];
    if (retired.retiredOn) ev.push(evidence(GOVERNANCE, GOV.legacy, retired.retiredOn.line, `in legacy.yaml (${retired.deliverable} of ${retired.team}), retired-on ${retired.retiredOn.value}`));
    else {
      ev.push(evidence(GOVERNANCE, GOV.legacy, retired.repoLine, `in legacy.yaml (${retired.deliverable} of ${retired.team})`));
      leftovers.push({ repo: GOVERNANCE, file: GOV.legacy, line: retired.deliverableLine, note: 'no retired-on date' });
    }
    return { status: 'done', evidence: ev, leftovers };
  }
  const removal = projects ? await lookup.removal(GOVERNANCE, GOV.projects, repo) : null;
  if (removal) {
    leftovers.push({ repo: GOVERNANCE, file: GOV.legacy, line: null, note: 'not recorded in legacy.yaml' });
    return { status: 'done', evidence: [{ ...evidence(GOVERNANCE, GOV.projects, null, 'removed from reference/projects.yaml', null), ...removal }], leftovers };
  }
  return { status: 'not-applicable', evidence: [evidence(GOVERNANCE, null, null, 'not an official deliverable: in neither reference/projects.yaml nor reference/legacy.yaml')], leftovers };
}

/** Whether project-config never mentioned the repository: no file names it now, and no history shows it removed. */
async function neverInProjectConfig(inputs: RetireInputs, repo: string, lookup: EvidenceLookup): Promise<boolean> {
  const pc = inputs.projectConfig;
  if (!pc) return false;
  const short = repo.split('/').pop()!;
  for (const [path, text] of Object.entries(pc)) {
    if (text === null) continue;
    if (path === aclPath(repo) || text.includes(repo) || (path === PC.jenkins && new RegExp(`name:\\s*${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm').test(text))) return false;
  }
  for (const path of [PC.gerritProjects, PC.zuulProjects, PC.zuulMain, PC.layout]) {
    if (await lookup.removal(PROJECT_CONFIG, path, repo)) return false;
  }
  return true;
}

function stageOf(steps: Step[]): RetirementStage {
  const order = ['gating-ended', 'content-removed', 'infra-removed', 'governance-retired'] as const;
  const byId = new Map(steps.map((s) => [s.id, s.status]));
  const done = order.filter((id) => byId.get(id) === 'done');
  if (done.length === 0) return 'active';
  if (order.every((id) => byId.get(id) === 'done' || byId.get(id) === 'not-applicable')) return 'fully-retired';
  return done[done.length - 1]!;
}

async function resolve(ev: PendingEvidence, lookup: EvidenceLookup): Promise<Evidence> {
  const { source, ...plain } = ev;
  if (plain.commit || !source || !plain.file) return plain;
  const found =
    'blame' in source ? await lookup.blame(ev.repo, plain.file, source.blame)
    : 'removed' in source ? await lookup.removal(ev.repo, plain.file, source.removed)
    : await lookup.deletion(ev.repo, plain.file);
  return found ? { ...plain, commit: found.commit, date: found.date } : plain;
}

/** The retirement state of `inputs.repository`, in the shape of docs/report-format.md. */
export async function assessRetirement(inputs: RetireInputs, lookup: EvidenceLookup = NO_LOOKUP): Promise<RetirementState> {
  const repo = inputs.repository.repo;
  const never = await neverInProjectConfig(inputs, repo, lookup);
  const results: [Step['id'], StepResult][] = [
    // An announcement on the discussion list leaves no trace in any repository.
    ['announce', { status: 'unknown', evidence: [], leftovers: [] }],
    ['gating-ended', gatingStep(inputs, repo, never)],
    ['content-removed', contentStep(inputs)],
    ['infra-removed', infraStep(inputs, repo, never)],
    ['governance-retired', await governanceStep(inputs, repo, lookup)],
  ];
  const steps: Step[] = [];
  for (const [id, r] of results) steps.push({ id, status: r.status, evidence: await Promise.all(r.evidence.map((e) => resolve(e, lookup))) });
  return {
    schemaVersion: RETIREMENT_SCHEMA_VERSION,
    repo,
    candidate: candidacy(inputs.activity, inputs.now, inputs.rules),
    steps,
    leftovers: results.flatMap(([, r]) => r.leftovers),
    state: stageOf(steps),
  };
}
