// The shape of the source tree (docs/architecture.md): a station (a top-level folder of src/) is reached
// from another station only through its index.ts, and a module above 250 lines is one job, named in the
// list below with the reason it stays whole.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Compiled to dist/test/, so the sources are two folders up.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');
const LIMIT = 250;

/** Modules above the limit that do one job, each with why it stays whole. */
const LONG_SINGLE_JOB: Record<string, string> = {};

/**
 * Modules above the limit known to mix jobs, with the jobs to split them by. The list only shrinks: the
 * test fails when one of them is no longer above the limit, so its entry goes with the split.
 */
const NOT_YET_SPLIT: Record<string, string> = {};

function modules(dir = SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...modules(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The relative specifiers a module imports or re-exports, static or dynamic. */
function specifiers(text: string): string[] {
  return imports(text).map((i) => i.spec);
}

/** Each relative import or re-export of a module, and whether it brings types only. */
function imports(text: string): { spec: string; typeOnly: boolean }[] {
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/(^\s*(?:import|export)\s+type\b[^;]*?)?(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    found.push({ spec: m[2]!, typeOnly: m[1] !== undefined });
  }
  return found;
}

/**
 * The floors of docs/architecture.md: a station imports stations on lower floors only. Upward, only
 * types: the fates knowledge's facts speak of, and the tree and activity types git fills in.
 */
const FLOORS: Record<string, number> = {
  util: 0, knowledge: 0, report: 1, scan: 2, git: 3, sources: 4, provenance: 4, demo: 4, checklist: 5,
  fix: 6, retire: 6, trend: 6, pipeline: 6, ui: 7, cli: 8,
};
const TYPES_UPWARD: Record<string, string[]> = { knowledge: ['report'], git: ['report', 'scan'] };
/** The review UI draws what it is handed: it never reaches git, the scanner or the planners. */
const NEVER: Record<string, string[]> = { ui: ['git', 'scan', 'sources', 'checklist', 'fix', 'retire', 'trend', 'demo'] };

/** The source file a compiled specifier (`./x.js`) names. */
function sourceOf(from: string, spec: string): string {
  const target = resolve(dirname(from), spec);
  const bare = target.replace(/\.js$/, '');
  for (const candidate of [`${bare}.ts`, `${bare}.tsx`, target, join(target, 'index.ts')]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return target;
}

/** The station a path under src/ belongs to, or null for a module at src/'s top (paths.ts, version.ts). */
function stationOf(path: string): string | null {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : null;
}

/** `from → to` for each import that enters another station other than through its index.ts. */
function importsPastIndex(): string[] {
  const out: string[] = [];
  for (const file of modules()) {
    const own = stationOf(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = sourceOf(file, spec);
      const station = stationOf(target);
      if (station === null || station === own) continue;
      if (relative(join(SRC, station), target) === 'index.ts') continue;
      out.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
    }
  }
  return out;
}

/** `from → to` for each import between stations that goes up a floor, or where a station must never go. */
function importsAgainstFloors(): string[] {
  const out: string[] = [];
  for (const file of modules()) {
    const own = stationOf(file);
    if (own === null) continue;
    for (const { spec, typeOnly } of imports(readFileSync(file, 'utf8'))) {
      const station = stationOf(sourceOf(file, spec));
      if (station === null || station === own) continue;
      const up = FLOORS[station]! >= FLOORS[own]!;
      const allowed = !up || (typeOnly && (TYPES_UPWARD[own] ?? []).includes(station));
      if (!allowed || (NEVER[own] ?? []).includes(station)) out.push(`${relative(ROOT, file)} → ${station}${typeOnly ? ' (types)' : ''}`);
    }
  }
  return out;
}

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

test('the import scan sees imports between stations', () => {
  // If the pattern stopped matching, the check below would pass for the wrong reason.
  const crossing = modules().flatMap((f) => specifiers(readFileSync(f, 'utf8')).map((s) => [f, sourceOf(f, s)] as const)).filter(([f, t]) => stationOf(t) !== null && stationOf(t) !== stationOf(f));
  assert.ok(crossing.length > 50, `only ${crossing.length} imports between stations were found`);
});

test("imports between stations go through the station's index.ts", () => {
  assert.deepEqual(importsPastIndex(), []);
});

test('every station has a floor, and stations import only lower floors', () => {
  const stations = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory()).sort();
  assert.deepEqual(stations, Object.keys(FLOORS).sort(), 'a new station needs its floor here and in docs/architecture.md');
  assert.deepEqual(importsAgainstFloors(), []);
});

test('modules above 250 lines are the single-job ones listed, and each listed one is still that long', () => {
  const long = modules()
    .filter((f) => lineCount(f) > LIMIT)
    .map((f) => relative(ROOT, f));
  const listed = { ...LONG_SINGLE_JOB, ...NOT_YET_SPLIT };
  assert.deepEqual(long.filter((f) => !(f in listed)), [], 'split these by job, or list them with the reason they are one job');
  assert.deepEqual(Object.keys(listed).filter((f) => !long.includes(f)), [], 'no longer above the limit: take them off the list');
});
