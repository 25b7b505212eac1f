// What the scanner reads: tracked files at the scanned commit, and every file it cannot scan
// listed in `skipped` with its reason, never silently and never a crash.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { simpleGit } from 'simple-git';
import { writeCommits } from '../../src/git/index.js';
import { makeReport } from '../../src/report/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { DEV, FIXED_DATE, repoWith } from '../helpers/repo.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';

const NS = 'from oslo.config import cfg\n';

describe('files come from git', () => {
  test('untracked and ignored files are never scanned; uncommitted edits neither', async () => {
    const dir = await repoWith({ '.gitignore': 'build/\n', 'pkg/a.py': NS, 'pkg/b.py': 'x = 1\n' });
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'build/gen.py'), NS);
    writeFileSync(join(dir, 'pkg/untracked.py'), NS);
    writeFileSync(join(dir, 'pkg/b.py'), NS); // modified in the work tree only
    const p = await scanCheckout({ path: dir });
    assert.deepEqual(p.findings.map((f) => f.file), ['pkg/a.py']);
  });

  test('--ref scans another commit; a subfolder of a checkout scans the whole repository', async () => {
    const dir = join(tempDir(), 'r');
    await writeCommits(dir, [
      { date: FIXED_DATE, author: DEV, message: 'one', files: { 'pkg/a.py': NS } },
      { date: '2015-01-01T00:00:00Z', author: DEV, message: 'two', files: { 'pkg/a.py': 'from oslo_config import cfg\n' } },
    ]);
    await simpleGit({ baseDir: dir }).raw(['tag', 'v1', 'HEAD~1']);
    assert.equal((await scanCheckout({ path: dir })).findings.length, 0);
    const old = await scanCheckout({ path: dir, ref: 'v1' });
    assert.equal(old.findings.length, 1);
    assert.equal((await scanCheckout({ path: join(dir, 'pkg') })).error, null);
  });
});

describe('files that cannot be scanned are skipped with a reason', () => {
  test('binary, invalid UTF-8, too large, symlink', async () => {
    const dir = await repoWith({
      'pkg/binary.py': Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]),
      'pkg/latin1.py': Buffer.from('# -*- coding: latin-1 -*-\nname = "caf\xe9"\nfrom oslo.config import cfg\n', 'latin1'),
      'pkg/big.py': NS + '# padding\n'.repeat(200),
      'pkg/link.py': { symlink: '../../../../etc/passwd' },
      'requirements.txt': { symlink: '/etc/hostname' },
      'pkg/ok.py': NS,
      'pkg/image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]),
    });
    const p = await scanCheckout({ path: dir }, { maxFileSize: 1000 });
    assert.deepEqual(p.skipped, [
      { file: 'pkg/big.py', reason: 'too-large' },
      { file: 'pkg/binary.py', reason: 'binary' },
      { file: 'pkg/latin1.py', reason: 'invalid-utf8' },
      { file: 'pkg/link.py', reason: 'symlink' },
      { file: 'requirements.txt', reason: 'symlink' },
    ]);
    assert.deepEqual(p.findings.map((f) => f.file), ['pkg/ok.py']);
    assertValidReport(makeReport([p]));
  });

  test('a blob missing from the object store is unreadable, and the rest is still scanned', async () => {
    const dir = await repoWith({ 'pkg/gone.py': 'from oslo.messaging import x  # unique\n', 'pkg/ok.py': NS });
    const blob = (await simpleGit({ baseDir: dir }).raw(['rev-parse', 'HEAD:pkg/gone.py'])).trim();
    const objects = join(dir, '.git', 'objects', blob.slice(0, 2));
    for (const f of readdirSync(objects)) if (blob.endsWith(f)) rmSync(join(objects, f), { force: true });
    const p = await scanCheckout({ path: dir });
    assert.deepEqual(p.skipped, [{ file: 'pkg/gone.py', reason: 'unreadable' }]);
    assert.deepEqual(p.findings.map((f) => f.file), ['pkg/ok.py']);
  });

  test('a symlinked copy tree is still listed as a copy, but never followed', async () => {
    const dir = await repoWith({ 'proj/openstack/common/log.py': { symlink: '/usr/lib/python3/log.py' } });
    const p = await scanCheckout({ path: dir });
    assert.deepEqual(p.findings.map((f) => `${f.kind} ${f.file}`), ['incubator-copy proj/openstack/common/log.py']);
    assert.deepEqual(p.skipped, [{ file: 'proj/openstack/common/log.py', reason: 'symlink' }]);
  });

  test('an extensionless script in bin/ is scanned when its #! line says python', async () => {
    const dir = await repoWith({ 'bin/tool': '#!/usr/bin/env python\nfrom oslo.rootwrap import cmd\n', 'bin/shell': '#!/bin/sh\nfrom oslo.config import cfg\n' });
    const p = await scanCheckout({ path: dir });
    assert.deepEqual(p.findings.map((f) => `${f.kind} ${f.file}`), ['namespace-import bin/tool', 'rootwrap-import bin/tool']);
  });
});

describe('targets that are not scannable checkouts become the project error', () => {
  test('missing path, plain folder, a file, an empty repository, an unknown ref', async () => {
    const root = tempDir();
    const plain = join(root, 'plain');
    mkdirSync(plain);
    const file = join(root, 'file.txt');
    writeFileSync(file, 'x');
    const empty = join(root, 'empty');
    mkdirSync(empty);
    await simpleGit({ baseDir: empty }).init();
    const repo = await repoWith({ 'a.py': NS });
    const cases = [
      [join(root, 'nope'), undefined, /no such directory/],
      [plain, undefined, /not a git checkout/],
      [file, undefined, /not a directory/],
      [empty, undefined, /no commits/],
      [repo, 'no-such-branch', /unknown ref no-such-branch/],
      [repo, '--output=/tmp/x', /refusing ref/],
    ] as const;
    for (const [path, ref, message] of cases) {
      const p = await scanCheckout({ path, ref });
      assert.equal(p.error?.stage, 'resolve', path);
      assert.match(p.error!.message, message);
      assert.deepEqual(p.findings, []);
      assertValidReport(makeReport([p]));
    }
  });

  test('an unreadable work tree folder is an error or, for root, still scanned: never a crash', async () => {
    const dir = await repoWith({ 'a.py': NS });
    chmodSync(dir, 0o000);
    try {
      const p = await scanCheckout({ path: dir });
      // root can still read it: then the scan succeeds; otherwise it is a resolve error.
      assert.ok(p.error === null ? p.findings.length === 1 : p.error.stage === 'resolve');
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
