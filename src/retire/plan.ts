// The changes that finish a retirement: for each pending step, the files to write in which checkout,
// computed from the files' current text. Pure, so the checklist can show the exact edits and
// `--apply` can commit them. YAML files change only in the lines an edit touches.

import { aclPath, GOV, GOVERNANCE, KEPT_FILES, PC, PROJECT_CONFIG, RETIRED_ACL, type RetireInputs } from './inputs.js';
import { gerritbotChannels, gerritProject, governanceEntry, jenkinsProject, layoutProject, mentions, zuulProjectEntry, zuulProjectNames } from './locate.js';
import type { RetirementState, StepId } from './types.js';
import { applyLineEdits, blockAt, indentOf, pairs, removeBlock, scalarText, YamlText, type LineEdit } from './yamlText.js';

export type ChangeTarget = 'project-config' | 'repository' | 'governance';

/** One hunk of an edit, for people: the lines taken out and put in at a 1-based line of the old file. */
export interface Hunk {
  line: number;
  removed: string[];
  added: string[];
}

export interface FileEdit {
  file: string;
  action: 'edit' | 'delete' | 'create';
  hunks: Hunk[];
}

export interface PlannedChange {
  step: Exclude<StepId, 'announce'>;
  target: ChangeTarget;
  subject: string;
  /** Paragraphs of the commit message body (footers are added when the changes are chained). */
  body: string[];
  /** Path → new content; null deletes. */
  files: Record<string, string | null>;
  edits: FileEdit[];
}

export interface PlanOptions {
  /** `YYYY-MM-DD` for legacy.yaml's `retired-on`. */
  date: string;
  /** A project that continues the work, named in the README. */
  alternative?: { name: string; url: string } | null;
}

/** The README a retired repository keeps (the infra manual's wording, with an optional pointer to an alternative). */
export function retiredReadme(repo: string, alternative?: { name: string; url: string } | null): string {
  const lines = [
    'This project is no longer maintained.',
    '',
    'The contents of this repository are still available in the Git',
    'source code management system.  To see the contents of this',
    'repository before it reached its end of life, please check out the',
    'previous commit with "git checkout HEAD^1".',
    '',
  ];
  if (alternative) lines.push(`For an alternative project, please see ${alternative.name} at`, `${alternative.url}`, '');
  lines.push(
    'For any further questions, please email',
    'openstack-discuss@lists.openstack.org or join #openstack-dev on',
    'OFTC.',
  );
  void repo;
  return `${lines.join('\n')}\n`;
}

/** Edits of one text file, kept as hunks for display and applied for the new content. */
class TextEdit {
  readonly edits: LineEdit[] = [];
  constructor(readonly y: YamlText) {}
  /** Adds an edit, narrowed to the lines that really change (a rewritten entry keeps its unchanged lines). */
  push(e: LineEdit): void {
    let { start, end } = e;
    let insert = e.insert;
    while (start <= end && insert.length && this.y.line(start) === insert[0]) {
      start++;
      insert = insert.slice(1);
    }
    while (start <= end && insert.length && this.y.line(end) === insert[insert.length - 1]) {
      end--;
      insert = insert.slice(0, -1);
    }
    if (start > end && insert.length === 0) return;
    this.edits.push({ start, end, insert });
  }
  hunks(): Hunk[] {
    return [...this.edits].sort((a, b) => a.start - b.start).map((e) => ({
      line: e.start,
      removed: this.y.lines.slice(e.start - 1, e.end),
      added: e.insert,
    }));
  }
  result(): string {
    return applyLineEdits(this.y.text, this.edits);
  }
}

/** Files being changed across the planned changes: each change sees the previous ones' results. */
class Workspace {
  private readonly current: Record<ChangeTarget, Record<string, string | null>>;
  constructor(inputs: RetireInputs) {
    this.current = { 'project-config': { ...(inputs.projectConfig ?? {}) }, governance: { ...(inputs.governance ?? {}) }, repository: {} };
  }
  yaml(target: ChangeTarget, path: string): YamlText | null {
    const text = this.current[target][path];
    return text === null || text === undefined ? null : new YamlText(path, text);
  }
  text(target: ChangeTarget, path: string): string | null {
    return this.current[target][path] ?? null;
  }
  commit(change: PlannedChange): void {
    Object.assign(this.current[change.target], change.files);
  }
}

function collect(edits: TextEdit[], deletions: string[] = []): Pick<PlannedChange, 'files' | 'edits'> {
  const files: Record<string, string | null> = {};
  const fileEdits: FileEdit[] = [];
  for (const e of edits) {
    if (!e.edits.length) continue;
    files[e.y.path] = e.result();
    fileEdits.push({ file: e.y.path, action: 'edit', hunks: e.hunks() });
  }
  for (const d of deletions) {
    files[d] = null;
    fileEdits.push({ file: d, action: 'delete', hunks: [] });
  }
  return { files, edits: fileEdits };
}

function noopEntry(y: YamlText, repo: string, dashLine: number, nameLine: number): string[] {
  const dash = y.line(dashLine);
  const keyIndent = ' '.repeat(indentOf(y.line(nameLine)));
  return [dash, y.line(nameLine), `${keyIndent}templates:`, `${keyIndent}  - noop-jobs`];
}

function gatingChange(ws: Workspace, repo: string): PlannedChange | null {
  const edits: TextEdit[] = [];
  const deletions: string[] = [];
  const zd = ws.yaml(PROJECT_CONFIG, PC.zuulProjects);
  const layout = ws.yaml(PROJECT_CONFIG, PC.layout);
  if (zd) {
    const e = new TextEdit(zd);
    const entry = zuulProjectEntry(zd, repo);
    if (entry) {
      const block = blockAt(zd.lines, entry.line);
      e.push({ start: block.start, end: block.end, insert: noopEntry(zd, repo, entry.line, entry.nameLine) });
    } else {
      // No entry yet (jobs came from the repository itself): add one, keeping the file's name order.
      const names = zuulProjectNames(zd);
      const next = names.find((n) => n.name.localeCompare(repo) > 0);
      const sample = names[0] ? zd.line(names[0].line) : '- project:';
      const dashIndent = ' '.repeat(indentOf(sample));
      const lines = [`${dashIndent}- project:`, `${dashIndent}    name: ${repo}`, `${dashIndent}    templates:`, `${dashIndent}      - noop-jobs`];
      const at = next ? next.line : zd.lines.length + (zd.lines[zd.lines.length - 1] === '' ? 0 : 1);
      e.push({ start: at, end: at - 1, insert: lines });
    }
    edits.push(e);
  } else if (layout) {
    const entry = layoutProject(layout, repo);
    if (!entry) return null;
    const e = new TextEdit(layout);
    const block = blockAt(layout.lines, entry.line);
    const dash = layout.line(entry.line);
    const key = ' '.repeat(indentOf(dash) + 2);
    e.push({ start: block.start, end: block.end, insert: [dash, `${key}template:`, `${key}  - name: noop-jobs`] });
    edits.push(e);
    const jenkins = ws.yaml(PROJECT_CONFIG, PC.jenkins);
    const jobs = jenkins ? jenkinsProject(jenkins, repo) : null;
    if (jenkins && jobs) {
      const je = new TextEdit(jenkins);
      je.push(removeBlock(jenkins.lines, blockAt(jenkins.lines, jobs.line)));
      edits.push(je);
    }
  } else return null;
  return {
    step: 'gating-ended',
    target: 'project-config',
    subject: `End project gating for ${repo}`,
    body: [`Replace the jobs of ${repo} with the noop-jobs template, the first step of retiring the repository: changes can then merge without running any job.`],
    ...collect(edits, deletions),
  };
}

function contentChange(inputs: RetireInputs, options: PlanOptions): PlannedChange {
  const { repository } = inputs;
  const files: Record<string, string | null> = {};
  const edits: FileEdit[] = [];
  for (const f of repository.files) {
    if ((KEPT_FILES as readonly string[]).includes(f)) continue;
    files[f] = null;
    edits.push({ file: f, action: 'delete', hunks: [] });
  }
  const readme = retiredReadme(repository.repo, options.alternative);
  if (repository.readme !== readme) {
    files['README.rst'] = readme;
    const old = repository.readme === null ? [] : repository.readme.replace(/\n$/, '').split('\n');
    edits.push({ file: 'README.rst', action: repository.readme === null ? 'create' : 'edit', hunks: [{ line: 1, removed: old, added: readme.replace(/\n$/, '').split('\n') }] });
  }
  const name = repository.repo.split('/').pop()!;
  return {
    step: 'content-removed',
    target: 'repository',
    subject: `Retire ${name}: remove project content`,
    body: [
      'This project is no longer maintained. Remove everything but README.rst and .gitreview, and say so in the README, as the infra manual describes for retiring a repository.',
    ],
    files,
    edits,
  };
}

function infraChange(ws: Workspace, repo: string): PlannedChange | null {
  const edits: TextEdit[] = [];
  const deletions: string[] = [];
  for (const path of [PC.zuulProjects, PC.layout, PC.jenkins]) {
    const y = ws.yaml(PROJECT_CONFIG, path);
    if (!y) continue;
    const entry = path === PC.zuulProjects ? zuulProjectEntry(y, repo) : path === PC.layout ? layoutProject(y, repo) : jenkinsProject(y, repo);
    if (!entry) continue;
    const e = new TextEdit(y);
    e.push(removeBlock(y.lines, blockAt(y.lines, entry.line)));
    edits.push(e);
  }
  const main = ws.yaml(PROJECT_CONFIG, PC.zuulMain);
  if (main) {
    const e = new TextEdit(main);
    for (const line of mentions(main, repo)) e.push({ ...blockAt(main.lines, line), insert: [] });
    edits.push(e);
  }
  const gerrit = ws.yaml(PROJECT_CONFIG, PC.gerritProjects);
  const gp = gerrit ? gerritProject(gerrit, repo) : null;
  if (gerrit && gp) {
    const e = new TextEdit(gerrit);
    const keyIndent = ' '.repeat(indentOf(gerrit.line(gp.line)) + 2);
    if (gp.aclConfig && gp.aclConfig.value !== RETIRED_ACL) {
      e.push({ start: gp.aclConfig.line, end: gp.aclConfig.line, insert: [`${keyIndent}acl-config: ${RETIRED_ACL}`] });
    } else if (!gp.aclConfig) {
      const end = blockAt(gerrit.lines, gp.line).end;
      e.push({ start: end + 1, end, insert: [`${keyIndent}acl-config: ${RETIRED_ACL}`] });
    }
    const d = gp.description;
    if (d && !/^RETIRED,/.test(d.value)) {
      // Only a one-line description is rewritten; a folded or multi-line one is left for a person.
      const text = gerrit.line(d.line);
      const m = /^(\s*description:\s*)(['"]?)(.*)$/.exec(text);
      if (m && m[3]!.length > 0 && !/^[>|]/.test(m[3]!)) e.push({ start: d.line, end: d.line, insert: [`${m[1]}${m[2]}RETIRED, ${m[3]}`] });
    }
    edits.push(e);
  }
  if (ws.text(PROJECT_CONFIG, aclPath(repo)) !== null) deletions.push(aclPath(repo));
  const bot = ws.yaml(PROJECT_CONFIG, PC.gerritbot);
  if (bot) {
    const e = new TextEdit(bot);
    for (const c of gerritbotChannels(bot, repo)) {
      // A channel that announced only this project goes with it.
      e.push(c.projectCount === 1 ? removeBlock(bot.lines, blockAt(bot.lines, c.channelLine)) : { ...blockAt(bot.lines, c.line), insert: [] });
    }
    edits.push(e);
  }
  const change = collect(edits, deletions);
  if (!change.edits.length) return null;
  return {
    step: 'infra-removed',
    target: 'project-config',
    subject: `Remove ${repo} from infrastructure`,
    body: [`${repo} is retired: remove its Zuul configuration and IRC notifications, and make its Gerrit project read-only with the common retired.config ACL.`],
    ...change,
  };
}

function deliverableBlock(indent: string, deliverable: string, repo: string, date: string, listStyle: boolean): string[] {
  if (listStyle) return [`${indent}- ${deliverable}:`, `${indent}    retired-on: ${date}`, `${indent}    repos:`, `${indent}      - ${repo}`];
  return [`${indent}${deliverable}:`, `${indent}  retired-on: ${date}`, `${indent}  repos:`, `${indent}    - ${repo}`];
}

function governanceChange(ws: Workspace, repo: string, options: PlanOptions): PlannedChange | null {
  const projects = ws.yaml(GOVERNANCE, GOV.projects);
  const legacy = ws.yaml(GOVERNANCE, GOV.legacy);
  const official = projects ? governanceEntry(projects, repo) : null;
  if (!projects || !official) return null;
  const edits: TextEdit[] = [];
  const pe = new TextEdit(projects);
  const alone = official.repos.length === 1;
  pe.push(alone ? removeBlock(projects.lines, blockAt(projects.lines, official.deliverableLine)) : { ...blockAt(projects.lines, official.repoLine), insert: [] });
  edits.push(pe);

  if (legacy && !governanceEntry(legacy, repo)) {
    const le = new TextEdit(legacy);
    const team = pairs(legacy.doc.contents).find((p) => scalarText(p.key) === official.team);
    const deliverable = alone ? official.deliverable : repo.split('/').pop()!;
    if (team) {
      const teamLine = legacy.lineOf(team)!;
      const teamBlock = blockAt(legacy.lines, teamLine);
      const delivLine = legacy.lines.slice(teamLine, teamBlock.end).findIndex((l) => /^\s*deliverables:\s*$/.test(l));
      if (delivLine >= 0) {
        const at = teamLine + 1 + delivLine;
        const block = blockAt(legacy.lines, at);
        const first = legacy.lines.slice(at, block.end).find((l) => l.trim() !== '') ?? '';
        const listStyle = first.trimStart().startsWith('- ');
        const indent = ' '.repeat(first ? indentOf(first) : indentOf(legacy.line(at)) + 2);
        le.push({ start: block.end + 1, end: block.end, insert: deliverableBlock(indent, deliverable, repo, options.date, listStyle) });
      } else {
        le.push({ start: teamBlock.end + 1, end: teamBlock.end, insert: ['  deliverables:', ...deliverableBlock('    ', deliverable, repo, options.date, false)] });
      }
    } else {
      // A new team entry, placed in the file's (case-insensitive) name order.
      const teams = pairs(legacy.doc.contents).map((p) => ({ name: scalarText(p.key) ?? '', line: legacy.lineOf(p)! }));
      const next = teams.find((t) => t.name.toLowerCase().localeCompare(official.team.toLowerCase()) > 0);
      const blockLines = [`${official.team}:`, '  partial: yes', '  deliverables:', ...deliverableBlock('    ', deliverable, repo, options.date, false)];
      if (next) le.push({ start: next.line, end: next.line - 1, insert: [...blockLines, ''] });
      else {
        const last = legacy.lines[legacy.lines.length - 1] === '' ? legacy.lines.length - 1 : legacy.lines.length;
        le.push({ start: last + 1, end: last, insert: ['', ...blockLines] });
      }
    }
    edits.push(le);
  }
  return {
    step: 'governance-retired',
    target: 'governance',
    subject: `Retire ${repo}`,
    body: [`${repo} is no longer maintained: remove it from the ${official.team} team's deliverables and record it in legacy.yaml as retired on ${options.date}.`],
    ...collect(edits),
  };
}

/** The changes still to make, in the procedure's order, each computed on the files the previous ones left. */
export function planRetirement(inputs: RetireInputs, state: RetirementState, options: PlanOptions): PlannedChange[] {
  const pending = new Set(state.steps.filter((s) => s.status === 'pending').map((s) => s.id));
  const repo = inputs.repository.repo;
  const ws = new Workspace(inputs);
  const changes: PlannedChange[] = [];
  const add = (c: PlannedChange | null): void => {
    if (!c) return;
    ws.commit(c);
    changes.push(c);
  };
  if (pending.has('gating-ended') && inputs.projectConfig) add(gatingChange(ws, repo));
  if (pending.has('content-removed')) add(contentChange(inputs, options));
  // A deprecation keeps the infrastructure and the deliverable until its last stable branch ends.
  if (state.state === 'deprecated') return changes;
  if (pending.has('infra-removed') && inputs.projectConfig) add(infraChange(ws, repo));
  if (pending.has('governance-retired') && inputs.governance) add(governanceChange(ws, repo, options));
  return changes;
}
