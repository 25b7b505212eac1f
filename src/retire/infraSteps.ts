// The two steps project-config decides: gating ended (step 1) and infrastructure removed (step 3), in
// every era's layout: `zuul/layout.yaml` + `jenkins/jobs/projects.yaml` and the project's own read-only
// ACL (2014–2017), `zuul.d/projects.yaml` + `zuul/main.yaml` and `retired.config` (late 2017 on).

import type { RetirementFacts } from '../knowledge/index.js';
import { gatingOf, gerritEntry, listsRepo, projectEntry, type Gating } from './entries.js';
import { aclPath, PC, predatesCommonAcl, PROJECT_CONFIG, READ_ONLY_ACL, RETIRED_ACL, type RetireInputs } from './inputs.js';
import { gerritbotChannels, mentions } from './locate.js';
import { evidence, parseYaml, test, type PendingEvidence, type StepResult } from './pending.js';
import type { Leftover } from './types.js';

type Style = 'project' | 'layout';
const ZUUL_FILES: [string, Style][] = [[PC.zuulProjects, 'project'], [PC.layout, 'layout']];

/** Whether the repository's own tree holds Zuul configuration (where a modern project's check and gate jobs live). */
const OWN_ZUUL = /^(\.zuul\.yaml|zuul\.yaml|\.zuul\.d\/|zuul\.d\/)/;

export interface GatingResult extends StepResult {
  /** noop on master only: stable branches still gated. */
  masterOnly: boolean;
}

function entryIn(text: string | null, file: string, repo: string) {
  return projectEntry(text, repo, file === PC.layout ? 'layout' : 'project');
}

/** Gating is over for `repo` in a version of `file`: the entry runs only noop in check and gate, or is gone. */
function endedOrGone(repo: string, facts: RetirementFacts) {
  return test(`gating-ended-or-gone ${repo}`, (t, file) => {
    const e = entryIn(t, file, repo);
    return e === null || gatingOf(e.value, file, facts).ended;
  });
}

const gone = (file: string, repo: string) => test(`gone ${repo}`, (t) => t === null || entryIn(t, file, repo) === null);

/** A project whose gating ended before zuul.d existed (2017-09): the change is in zuul/layout.yaml's history. */
function olderLayout(e: PendingEvidence): PendingEvidence {
  return e.file === PC.zuulProjects ? { ...e, fallback: PC.layout } : e;
}

function runs(g: Gating): string {
  return [g.gating.length ? g.gating.join(', ') : '', g.nonGating.length ? `(non-gating: ${g.nonGating.join(', ')})` : ''].filter(Boolean).join(' ');
}

export function gatingStep(inputs: RetireInputs, repo: string, neverListed: boolean, facts: RetirementFacts): GatingResult {
  const pc = inputs.projectConfig;
  const none = { masterOnly: false, leftovers: [] };
  if (!pc) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'no project-config checkout given')], ...none };
  const present = ZUUL_FILES.filter(([f]) => pc[f] !== null && pc[f] !== undefined);
  if (!present.length) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'no Zuul configuration (zuul.d/projects.yaml or zuul/layout.yaml) in project-config')], ...none };
  const leftovers: Leftover[] = [];
  for (const [file] of present) {
    const entry = entryIn(pc[file]!, file, repo);
    if (!entry) continue;
    const g = gatingOf(entry.value, file, facts);
    const since = endedOrGone(repo, facts);
    if (g.ended) {
      if (file === PC.layout && pc[PC.jenkins]) {
        const jobs = projectEntry(pc[PC.jenkins]!, repo.split('/').pop()!, 'project');
        if (jobs) leftovers.push({ repo: PROJECT_CONFIG, file: PC.jenkins, line: jobs.line, note: 'jobs still defined for the project' });
      }
      const note = g.masterOnly ? 'check and gate run noop on master only: stable branches are still gated' : `check and gate run only noop${g.nonGating.length ? ` (the other templates do not gate: ${g.nonGating.join(', ')})` : ''}`;
      return { status: 'done', evidence: [olderLayout(evidence(PROJECT_CONFIG, file, entry.line, note, since))], leftovers, masterOnly: g.masterOnly };
    }
    if (!g.gating.length && file === PC.zuulProjects) {
      // Only publishing templates here: check and gate come from the repository's own Zuul configuration.
      const own = inputs.repository.files.filter((f) => OWN_ZUUL.test(f));
      if (!own.length) {
        return { status: 'done', evidence: [evidence(PROJECT_CONFIG, file, entry.line, `no check or gate jobs: the entry holds only non-gating templates (${g.nonGating.join(', ') || 'none'}) and the repository has no Zuul configuration`)], ...none };
      }
      return { status: 'pending', evidence: [evidence(PROJECT_CONFIG, file, entry.line, `no noop-jobs: check and gate come from the repository's own ${own[0]!.split('/')[0]}`, test(`entry ${repo}`, (t) => entryIn(t, file, repo) !== null))], ...none };
    }
    return {
      status: 'pending',
      evidence: [evidence(PROJECT_CONFIG, file, entry.line, `entry still gates: ${runs(g)}`, test(`gates ${repo} ${g.gating.join(',')}`, (t) => {
        const e = entryIn(t, file, repo);
        return e !== null && gatingOf(e.value, file, facts).gating.join(',') === g.gating.join(',');
      }))],
      ...none,
    };
  }
  const main = parseYaml(pc, PC.zuulMain);
  const listed = main ? mentions(main, repo) : [];
  if (listed.length) {
    return { status: 'pending', evidence: listed.map((l) => evidence(PROJECT_CONFIG, PC.zuulMain, l, "in the tenant, without a noop-jobs entry in zuul.d/projects.yaml (jobs may come from the repository's own Zuul configuration)")), ...none };
  }
  if (neverListed) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'the project is not found anywhere in project-config')], ...none };
  // No entry left: gating ended when check and gate went to noop, or with the entry's removal. The older
  // era's file is asked too, for a project removed before zuul.d existed.
  const file = present[0]![0];
  return { status: 'done', evidence: [olderLayout(evidence(PROJECT_CONFIG, file, null, 'no Zuul entry left', endedOrGone(repo, facts)))], ...none };
}

export function infraStep(inputs: RetireInputs, repo: string, neverListed: boolean): StepResult {
  const pc = inputs.projectConfig;
  if (!pc) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'no project-config checkout given')], leftovers: [] };
  if (neverListed) return { status: 'unknown', evidence: [evidence(PROJECT_CONFIG, null, null, 'the project is not found anywhere in project-config')], leftovers: [] };
  const ev: PendingEvidence[] = [];
  const leftovers: Leftover[] = [];
  let zuulClear = true;
  const short = repo.split('/').pop()!;
  const finders: [string, (t: string | null) => number[]][] = [
    [PC.zuulProjects, (t) => { const e = projectEntry(t, repo, 'project'); return e ? [e.line] : []; }],
    [PC.zuulMain, () => { const y = parseYaml(pc, PC.zuulMain); return y ? mentions(y, repo) : []; }],
    [PC.layout, (t) => { const e = projectEntry(t, repo, 'layout'); return e ? [e.line] : []; }],
    [PC.jenkins, (t) => { const e = projectEntry(t, short, 'project'); return e ? [e.line] : []; }],
  ];
  for (const [file, find] of finders) {
    const text = pc[file];
    if (text === null || text === undefined) continue;
    const lines = find(text);
    const name = file === PC.jenkins ? short : repo;
    if (lines.length) {
      zuulClear = false;
      for (const l of lines) ev.push(evidence(PROJECT_CONFIG, file, l, 'still listed', test(`listed ${name}`, (t) => t !== null && t.includes(name))));
    } else {
      const absent = file === PC.zuulMain ? test(`not mentioned ${repo}`, (t) => t === null || !new RegExp(`(^|[\\s:'"-])${repo.replace(/[.]/g, '\\.')}(['":]|\\s*$)`, 'm').test(t)) : file === PC.jenkins ? gone(file, short) : gone(file, repo);
      ev.push(evidence(PROJECT_CONFIG, file, null, 'not listed', absent));
    }
  }

  const acl = aclPath(repo);
  const aclText = pc[acl] ?? null;
  const gp = gerritEntry(pc[PC.gerritProjects] ?? null, repo);
  const settings = (gp?.value ?? {}) as Record<string, unknown>;
  const lineOf = (key: string): number | null => {
    if (!gp) return null;
    const idx = (pc[PC.gerritProjects] ?? '').split('\n').slice(gp.line - 1).findIndex((l) => new RegExp(`^\\s*${key}:`).test(l));
    return idx < 0 ? gp.line : gp.line + idx;
  };
  let readOnly = false;
  if (settings['acl-config'] === RETIRED_ACL) {
    readOnly = true;
    ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, lineOf('acl-config'), 'acl-config points at the common read-only retired.config', test(`retired acl ${repo}`, (t) => (gerritEntry(t, repo)?.value as Record<string, unknown> | null)?.['acl-config'] === RETIRED_ACL)));
    const description = typeof settings.description === 'string' ? settings.description : null;
    if (description && !/^RETIRED,/.test(description)) ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, lineOf('description'), 'description not prefixed "RETIRED," (a convention since about 2018)'));
    if (aclText !== null) leftovers.push({ repo: PROJECT_CONFIG, file: acl, line: null, note: 'ACL file still present although acl-config points at retired.config' });
    else ev.push(evidence(PROJECT_CONFIG, acl, null, 'own ACL file deleted', test('deleted', (t) => t === null)));
  } else if (aclText !== null && READ_ONLY_ACL.test(aclText)) {
    // Before 2017-04-18 a retired project kept its own ACL file, reduced to a read-only [project] section.
    readOnly = true;
    const line = aclText.split('\n').findIndex((l) => /^\s*state\s*=\s*read only/.test(l)) + 1;
    ev.push(evidence(PROJECT_CONFIG, acl, line, 'own ACL file makes the project read-only (the pre-2017 way)', test('read only', (t) => t !== null && READ_ONLY_ACL.test(t))));
  } else if (gp) {
    const value = settings['acl-config'];
    // A tree from before the common ACL (no retired.config, no zuul.d) closes a project through its own ACL.
    const ownAclEra = !value && predatesCommonAcl((path) => pc[path]);
    const note = value ? `acl-config is ${String(value)}, not retired.config` : ownAclEra ? 'Gerrit project still open: its own ACL is not read-only' : 'Gerrit project still open: no acl-config pointing at retired.config';
    ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, gp.line, note, test(`gerrit entry ${repo}`, (t) => gerritEntry(t, repo) !== null)));
  } else if (pc[PC.gerritProjects]) {
    ev.push(evidence(PROJECT_CONFIG, PC.gerritProjects, null, 'not in gerrit/projects.yaml', test(`gerrit gone ${repo}`, (t) => gerritEntry(t, repo) === null)));
    readOnly = aclText === null;
  }

  const bot = parseYaml(pc, PC.gerritbot);
  if (bot) {
    const channels = gerritbotChannels(bot, repo);
    for (const c of channels) leftovers.push({ repo: PROJECT_CONFIG, file: PC.gerritbot, line: c.line, note: `still listed for #${c.channel}` });
    if (!channels.length) ev.push(evidence(PROJECT_CONFIG, PC.gerritbot, null, 'no IRC notifications', test(`bot gone ${repo}`, (t) => !listsRepo(t, repo))));
  }
  if (zuulClear && readOnly) return { status: 'done', evidence: ev, leftovers };
  // While the step is pending, what would be a leftover afterwards is simply part of the work.
  ev.push(...leftovers.map((l) => evidence(l.repo, l.file, l.line, l.note, l.file === PC.gerritbot ? test(`bot listed ${repo}`, (t) => listsRepo(t, repo)) : null)));
  return { status: 'pending', evidence: ev, leftovers: [] };
}
