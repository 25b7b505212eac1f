// Adding a library to requirements.txt the way the file is already written: in its order
// (sorted files stay sorted; otherwise next to the other Oslo libraries), with a version floor
// when the file uses them, and with the licence comment its lines carry, if they carry one.
// Every other line stays as it was.

import { normaliseDistribution } from '../knowledge/index.js';
import { parseRequirements, type Requirement } from '../scan/index.js';
import { compareVersions } from '../util/index.js';
import { eolOf } from './edits.js';

/** The file with the library added, or null when it is already required (under any spelling or marker). */
export function addRequirement(text: string, library: string, minVersion: string): string | null {
  const key = normaliseDistribution(library);
  const reqs = parseRequirements(text);
  if (reqs.some((r) => normaliseDistribution(r.name) === key)) return null;

  const lines = text.split('\n');
  const spec = minVersion && (reqs.length === 0 || reqs.some((r) => r.spec)) ? `>=${minVersion}` : '';
  const line = `${library}${spec}${commentStyle(lines, reqs)}`;
  const index = insertionIndex(lines, reqs, key);

  const crlf = eolOf(text) === '\r\n';
  if (index >= lines.length) {
    // Appending after a last line that has no line break: give that line the break, keep none at the end.
    lines.push(line);
    if (crlf) lines[lines.length - 2] += '\r';
    return lines.join('\n');
  }
  lines.splice(index, 0, crlf ? `${line}\r` : line);
  return lines.join('\n');
}

function sortKey(name: string): string {
  return normaliseDistribution(name);
}

/** 0-based line index before which the new line goes. */
function insertionIndex(lines: string[], reqs: Requirement[], key: string): number {
  const afterLast = (): number => {
    if (reqs.length === 0) return lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    return reqs[reqs.length - 1]!.line; // the line after the last requirement (lines are 1-based)
  };
  const placeAmong = (scope: Requirement[]): number => {
    const before = scope.filter((r) => sortKey(r.name) < key);
    if (before.length > 0) return before[before.length - 1]!.line;
    return scope[0]!.line - 1;
  };
  const names = reqs.map((r) => sortKey(r.name));
  // `pbr` traditionally comes first whatever the order of the rest.
  const rest = names[0] === 'pbr' ? names.slice(1) : names;
  const sorted = rest.length > 1 && rest.every((n, i) => i === 0 || rest[i - 1]! <= n);
  if (sorted) return placeAmong(names[0] === 'pbr' ? reqs.slice(1) : reqs);
  const oslo = reqs.filter((r) => sortKey(r.name).startsWith('oslo.'));
  if (oslo.length > 0) {
    // The first run of consecutive Oslo lines, where a person would look for the new one.
    const run = [oslo[0]!];
    for (const r of oslo.slice(1)) {
      if (r.line === run[run.length - 1]!.line + 1) run.push(r);
      else break;
    }
    return placeAmong(run);
  }
  return afterLast();
}

/** The trailing comment most requirement lines carry (`  # Apache-2.0`), or '' when most carry none. */
function commentStyle(lines: string[], reqs: Requirement[]): string {
  const counts = new Map<string, number>();
  for (const r of reqs) {
    const raw = (lines[r.line - 1] ?? '').replace(/\r$/, '');
    const m = /(\s+#.*)$/.exec(raw);
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [comment, n] of [...counts].sort()) {
    if (n > bestCount) {
      best = comment;
      bestCount = n;
    }
  }
  return bestCount * 2 > reqs.length ? best : '';
}

/**
 * The file with the library's `>=` floor raised to `minVersion`, or null when the library is not
 * listed, has no `>=` floor, or already requires at least that. Only the version changes.
 */
export function raiseRequirement(text: string, library: string, minVersion: string): string | null {
  if (!minVersion) return null;
  const key = normaliseDistribution(library);
  const req = parseRequirements(text).find((r) => normaliseDistribution(r.name) === key);
  if (!req) return null;
  const floor = /(>=\s*)([0-9][\w.]*)/.exec(req.spec);
  if (!floor || compareVersions(floor[2]!, minVersion) >= 0) return null;
  const lines = text.split('\n');
  const line = lines[req.line - 1]!;
  const at = line.indexOf(floor[0], req.column);
  if (at < 0) return null;
  lines[req.line - 1] = line.slice(0, at) + floor[1] + minVersion + line.slice(at + floor[0].length);
  return lines.join('\n');
}

