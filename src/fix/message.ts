// OpenStack-style commit messages: a summary line of at most 50 characters where possible, a
// body wrapped at 72 saying what changed and why, and a Gerrit `Change-Id`.

import { wrapWords } from '../util/text.js';
import { createHash } from 'node:crypto';
import type { Rewrite } from './rewrites.js';

export interface MessageFacts {
  library: string;
  /** Namespace rewrites made (the old `oslo.X` names). */
  namespaces: Rewrite[];
  /** Incubator modules whose imports were swapped. */
  swapped: Rewrite[];
  /** Copied incubator files deleted. */
  deletedCopies: string[];
  /** Modules whose `openstack-common.conf` entries were removed. */
  confRemoved: string[];
  /** The line added to requirements.txt, if one was. */
  requirement: string | null;
}

const SUMMARY_MAX = 50;
const WIDTH = 72;

export function wrap(text: string, width = WIDTH): string {
  return wrapWords(text, width).join('\n');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function firstFits(...candidates: string[]): string {
  return candidates.find((c) => c.length <= SUMMARY_MAX) ?? candidates[candidates.length - 1]!;
}

export function summaryLine(f: MessageFacts): string {
  if (f.swapped.length === 0) {
    return firstFits(`Drop use of 'oslo' namespace for ${f.library}`, "Drop use of 'oslo' namespace package");
  }
  if (f.swapped.length === 1) return firstFits(`Use ${f.swapped[0]!.subject} from ${f.library}`, `Switch to ${f.library}`);
  return firstFits(`Switch to ${f.library}`, `Use ${f.library}`);
}

export function messageBody(f: MessageFacts): string {
  const paragraphs: string[] = [];
  if (f.swapped.length > 0) {
    const modules = f.swapped.map((r) => r.subject);
    const imports = f.swapped.map((r) => r.newImport);
    paragraphs.push(
      `The oslo-incubator ${modules.length === 1 ? 'module' : 'modules'} ${list(modules)} graduated to ${f.library}, ` +
        `which provides ${modules.length === 1 ? 'it' : 'them'} unchanged as ${list(imports)}. ` +
        `Import ${modules.length === 1 ? 'it' : 'them'} from the library instead of the copy under openstack/common.`,
    );
    const tidy: string[] = [];
    if (f.requirement) tidy.push(`Add ${f.requirement.trim()} to requirements.txt.`);
    if (f.deletedCopies.length > 0) {
      tidy.push(
        `Nothing imports the copied ${list(f.confRemoved.length ? f.confRemoved : modules)} any more, so delete ${f.deletedCopies.length === 1 ? 'the copy' : 'the copies'}` +
          `${f.confRemoved.length ? ' and ' + (f.confRemoved.length === 1 ? 'its entry' : 'their entries') + ' in openstack-common.conf' : ''}.`,
      );
    } else if (f.confRemoved.length > 0) {
      tidy.push(`Remove ${list(f.confRemoved)} from openstack-common.conf.`);
    }
    if (tidy.length) paragraphs.push(tidy.join(' '));
  }
  if (f.namespaces.length > 0) {
    const olds = f.namespaces.map((r) => r.subject);
    const news = f.namespaces.map((r) => r.newImport);
    paragraphs.push(
      `The 'oslo' namespace package is deprecated and has been removed from ${f.library}: ` +
        `import ${list(news)} instead of ${list(olds)}. Uses of the dotted name in code change with the imports.`,
    );
  }
  return paragraphs.map((p) => wrap(p)).join('\n\n');
}

/**
 * Gerrit's commit-msg hook makes a Change-Id from the commit's content; the change is not a
 * commit yet when it is planned, so the id hashes what defines it: the commit it starts from,
 * the library and the diff. The same change planned twice gets the same id.
 */
export function changeId(baseCommit: string, library: string, diff: string): string {
  return `I${createHash('sha1').update(`${baseCommit}\n${library}\n${diff}`).digest('hex')}`;
}

export function commitMessage(f: MessageFacts, id: string): string {
  return `${summaryLine(f)}\n\n${messageBody(f)}\n\nChange-Id: ${id}\n`;
}
