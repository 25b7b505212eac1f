// One cache layout: `--cache-dir ROOT` is the root of every cache for every command, each kind of
// cache in its own folder below it; without it the root is `$XDG_CACHE_HOME/oslo-audit`.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { cacheLayout } from '../../src/cacheLayout.js';
import { cacheKey } from '../../src/git/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { buildIncubator, buildProject, LOCKUTILS_3, updatePyRewrite, type IncubatorFixture } from '../provenance/fixtures.js';

const work = tempDir();
let fixture: IncubatorFixture;
let project: string;

before(async () => {
  fixture = await buildIncubator(work);
  project = await buildProject(work, 'dunlin', { 'lockutils.py': updatePyRewrite(LOCKUTILS_3, 'dunlin') }, '[DEFAULT]\nmodule=lockutils\nbase=dunlin\n');
});

const listing = (dir: string): string[] => readdirSync(dir).sort();

test('the layout: one root, XDG resolved once, a folder per cache', () => {
  const xdg = cacheLayout(undefined, { XDG_CACHE_HOME: '/var/cache/x' });
  assert.deepEqual(xdg, {
    root: '/var/cache/x/oslo-audit',
    clones: '/var/cache/x/oslo-audit/repos',
    scanResults: '/var/cache/x/oslo-audit/scan-cache',
    provenance: '/var/cache/x/oslo-audit/provenance',
    demo: '/var/cache/x/oslo-audit/demo',
  });
  assert.equal(cacheLayout(undefined, {}).root, join(homedir(), '.cache', 'oslo-audit'));
  assert.equal(cacheLayout('some/where', {}).clones, resolve('some/where', 'repos'));
});

test('scan --cache-dir ROOT: clones, scan results, history records and the incubator index all under ROOT', async () => {
  const root = join(tempDir(), 'cache');
  const url = pathToFileURL(project).href;
  const r = await runCli(['scan', url, '--incubator', fixture.dir, '--cache-dir', root, '--format', 'json', '--quiet'], { env: { XDG_CACHE_HOME: join(work, 'unused') } });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listing(root), ['provenance', 'repos', 'scan-cache']);
  assert.ok(existsSync(join(root, 'repos', cacheKey(url), 'HEAD')), 'the clone');
  const records = listing(join(root, 'scan-cache', 'v1'));
  for (const kind of ['.commit.json', '.history.json']) assert.ok(records.some((f) => f.endsWith(kind)), `${kind} in ${records.join(', ')}`);
  assert.ok(existsSync(join(root, 'provenance', `${fixture.head}.json`)), 'the incubator index');
  assert.equal(existsSync(join(work, 'unused')), false, 'nothing under XDG_CACHE_HOME');
});

test('provenance --cache-dir ROOT keeps its index in ROOT/provenance, as scan does', async () => {
  const root = join(tempDir(), 'cache');
  const r = await runCli(['provenance', project, '--incubator', fixture.dir, '--cache-dir', root]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listing(root), ['provenance']);
  assert.ok(existsSync(join(root, 'provenance', `${fixture.head}.json`)));
  // The next run, given the same root through scan, finds the index provenance made.
  const again = await runCli(['scan', project, '--incubator', fixture.dir, '--cache-dir', root, '--format', 'json', '--quiet']);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(listing(join(root, 'provenance')).filter((f) => f.endsWith('.json')), [`${fixture.head}.json`]);
});

test('without --cache-dir every cache is under $XDG_CACHE_HOME/oslo-audit, where earlier versions kept them', async () => {
  const xdg = tempDir();
  const url = pathToFileURL(project).href;
  const r = await runCli(['scan', url, '--incubator', fixture.dir, '--format', 'json', '--quiet'], { env: { XDG_CACHE_HOME: xdg } });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listing(join(xdg, 'oslo-audit')), ['provenance', 'repos', 'scan-cache']);
  assert.ok(existsSync(join(xdg, 'oslo-audit', 'repos', cacheKey(url), 'HEAD')));
});

test('an empty --cache-dir is a usage error', async () => {
  const r = await runCli(['provenance', project, '--incubator', fixture.dir, '--cache-dir', '']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--cache-dir needs a folder/);
});
