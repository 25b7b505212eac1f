// Driving an Ink app rendered with ink-testing-library: key presses in, frames out.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before } from 'node:test';
import { buildDemoWorkspace, type DemoProject } from '../../src/demo/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { makeReport, type Report } from '../../src/report/index.js';
import { tempDir } from '../helpers/tmp.js';

export const KEYS = { enter: '\r', escape: '\x1b', down: '\x1b[B', up: '\x1b[A', pageDown: '\x1b[6~', pageUp: '\x1b[5~', backspace: '\x7f' } as const;

/** The moment the demo histories are measured from: ages and candidacy in frames never drift. */
export const NOW = new Date('2026-11-24T10:00:00Z');

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `frame()` satisfies `ok`, failing with the last frame after `timeoutMs`. */
export async function waitForFrame(frame: () => string | undefined, ok: (f: string) => boolean, what: string, timeoutMs = 5000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const f = frame() ?? '';
    if (ok(f)) return f;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}; last frame:\n${f}`);
    await settle(10);
  }
}

/** Writes keys one at a time, letting Ink read each (a lone Esc is only taken as Esc once input pauses). */
export async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await settle(k === KEYS.escape ? 40 : 15);
  }
}

export interface DemoFixture {
  dir: string;
  projects: DemoProject[];
  report: Report;
}

/** The demo workspace (real git repositories with dated histories), scanned once per test file. */
export function demoFixture(): () => DemoFixture {
  let fixture: DemoFixture | undefined;
  // Made here, not in before(): the folder must outlive the hook and last until the file's tests end.
  const root = tempDir();
  before(async () => {
    const dir = join(root, 'demo');
    const projects = await buildDemoWorkspace(dir, NOW);
    const scanned = [];
    for (const p of projects) scanned.push(await scanCheckout({ path: p.dir, name: p.name }, { activity: { now: NOW } }));
    fixture = { dir, projects, report: makeReport(scanned) };
  });
  return () => {
    assert.ok(fixture, 'the demo fixture is built in before()');
    return fixture;
  };
}

/** The names of the project rows in a list frame, top to bottom. */
export function rowNames(frame: string, names: readonly string[]): string[] {
  return frame
    .split('\n')
    .map((line) => line.replace(/^[> ] /, '').split(/\s+/)[0] ?? '')
    .filter((n) => names.includes(n));
}
