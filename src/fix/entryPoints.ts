// setup.cfg entry points that name a module of a renamed package
// (`oslo.messaging.notify._impl_log:LogDriver`, `nova-rootwrap = oslo.rootwrap.cmd:main`).
// Only the module part of a `name = module:attr` value in `[entry_points]` changes; group names
// (`oslo.config.opts =`) are not module paths. Entry points into the incubator copy are left for
// review: the copy stays while they name it.

import type { RewriteCatalog } from './rewrites.js';
import type { Mention } from './sites.js';

export const SETUP_CFG = 'setup.cfg';

const VALUE = /^(\s*[^=#\s][^=]*?=\s*)([A-Za-z_][\w.]*)(\s*:\s*[A-Za-z_][\w.]*.*)$/;

interface EntryPointSite {
  key: string;
  line: number;
  text: string;
}

function sites(text: string, catalog: RewriteCatalog): { edits: EntryPointSite[]; mentions: Mention[] } {
  const edits: EntryPointSite[] = [];
  const mentions: Mention[] = [];
  let section = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1]!.trim();
      return;
    }
    if (section !== 'entry_points') return;
    const m = VALUE.exec(line);
    if (!m) return;
    const match = catalog.match(m[2]!);
    if (!match) return;
    if (match.rewrite.kind === 'namespace' && match.rest !== '') {
      edits.push({ key: match.rewrite.key, line: i, text: `${m[1]}${match.rewrite.newImport}${match.rest}${m[3]}` });
    } else {
      mentions.push({ key: match.rewrite.key, line: i + 1, what: `the entry point ${line.trim()}` });
    }
  });
  return { edits, mentions };
}

/** Rewrite keys that setup.cfg's entry points call for. */
export function entryPointKeys(text: string, catalog: RewriteCatalog): string[] {
  return [...new Set(sites(text, catalog).edits.map((e) => e.key))];
}

export function entryPointMentions(text: string, catalog: RewriteCatalog): Mention[] {
  return sites(text, catalog).mentions;
}

/** setup.cfg with the entry points of the active rewrites changed, and which keys changed something. */
export function rewriteEntryPoints(text: string, catalog: RewriteCatalog, active: ReadonlySet<string>): { text: string; used: string[] } {
  const lines = text.split('\n');
  const used = new Set<string>();
  for (const e of sites(text, catalog).edits) {
    if (!active.has(e.key)) continue;
    lines[e.line] = e.text + (lines[e.line]!.endsWith('\r') ? '\r' : '');
    used.add(e.key);
  }
  return { text: lines.join('\n'), used: [...used] };
}
