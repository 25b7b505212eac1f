// The change that takes the project out of the infrastructure: its Zuul entries and mentions, its Jenkins
// jobs, its IRC notifications, and a read-only Gerrit project. Since 2017-04-18 that is the common
// retired ACL (`acl-config` in gerrit/projects.yaml, the project's own ACL deleted, and from 2018 a
// `RETIRED,` description); a project-config from before it (no common ACL, no zuul.d) had the project's
// own ACL reduced to a read-only [project] section, and the change follows the tree it is made for.

import { collect, TextEdit, type Workspace } from './fileEdits.js';
import { aclPath, PC, predatesCommonAcl, PROJECT_CONFIG, READ_ONLY_ACL, RETIRED_ACL } from './inputs.js';
import { gerritbotChannels, gerritProject, jenkinsProject, layoutProject, mentions, zuulProjectEntry } from './locate.js';
import type { PlannedChange } from './plan.js';
import { blockAt, indentOf, LinedText, removeBlock } from './yamlText.js';

/** The project's own ACL of a retired project before the common one: Gerrit refuses every change. */
const OWN_ACL_READ_ONLY = ['[project]', 'state = read only'];

export function infraChange(ws: Workspace, repo: string): PlannedChange | null {
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
  const commonAcl = !predatesCommonAcl((path) => ws.text(PROJECT_CONFIG, path));
  const gerrit = ws.yaml(PROJECT_CONFIG, PC.gerritProjects);
  const gp = gerrit ? gerritProject(gerrit, repo) : null;
  if (!commonAcl) {
    const own = ws.text(PROJECT_CONFIG, aclPath(repo));
    if (own === null || !READ_ONLY_ACL.test(own)) {
      const acl = new LinedText(aclPath(repo), own ?? '');
      const e = new TextEdit(acl);
      e.push({ start: 1, end: acl.lastLine, insert: OWN_ACL_READ_ONLY });
      edits.push(e);
    }
  } else if (gerrit && gp) {
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
  if (commonAcl && ws.text(PROJECT_CONFIG, aclPath(repo)) !== null) deletions.push(aclPath(repo));
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
    body: [`${repo} is retired: remove its Zuul configuration and IRC notifications, and make its Gerrit project read-only ${commonAcl ? 'with the common retired.config ACL' : 'through its own ACL'}.`],
    ...change,
  };
}
