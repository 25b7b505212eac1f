// tree-sitter is a native addon: it must load in worker threads, and the workers must answer
// exactly what the calling thread would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { Random, pythonFile } from '../../bench/corpus.js';
import { knowledge } from '../../src/knowledge/index.js';
import { BatchPacker, type Copies } from '../../src/scan/batch.js';
import { closeSharedPools, defaultJobs, ParsePool, poolRunning } from '../../src/scan/pool.js';
import { gitTreeSource, indexBytes } from '../../src/git/index.js';
import { scanTree } from '../../src/scan/scanner.js';
import { git } from '../helpers/remote.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';
import { planPython, triggersOf } from '../../src/scan/prefilter.js';
import { scanPythonText } from '../../src/scan/pythonFile.js';

const NO_COPIES: Copies = { copyModules: [], copyPackages: [] };

test('workers parse batches in parallel and answer like the calling thread', async () => {
  const pool = new ParsePool(2);
  try {
    const random = new Random(3);
    const batches: { file: string; text: string; usesCopies: boolean }[][] = [];
    for (let b = 0; b < 6; b++) {
      batches.push(
        Array.from({ length: 10 }, (_, i) => ({
          file: `nova/mod${b}_${i}.py`,
          // Non-ASCII text travels as UTF-8 bytes and must come back with the same columns.
          text: `# café ${b}\n` + pythonFile({ random, pkg: 'nova', era: random.pick(['legacy', 'current'] as const), copies: ['log'], py2: random.chance(0.5) }, 2000),
          // The copy lists travel once per batch; only files marked as using them see them.
          usesCopies: i % 2 === 0,
        })),
      );
    }
    const copies: Copies = { copyModules: ['log'], copyPackages: ['nova'] };
    const kb = knowledge();
    for (const prefilter of [true, false]) {
      const requests = batches.map((files) => {
        // A small capacity makes the packer grow its buffer on the way.
        const packer = new BatchPacker(1024);
        for (const f of files) packer.add(f.file, Buffer.from(f.text), f.usesCopies);
        assert.equal(packer.count, files.length);
        return packer.take(copies, prefilter);
      });
      const answers = await Promise.all(requests.map((r) => pool.run(r)));
      // The bytes were moved to the workers, not copied.
      assert.ok(requests.every((r) => r.bytes.byteLength === 0));
      const options = { knowledge: kb, triggers: prefilter ? triggersOf(kb) : null };
      const expected = batches.map((b) => b.map((f) => scanPythonText({ file: f.file, text: f.text, ...(f.usesCopies ? copies : NO_COPIES) }, options)));
      assert.deepEqual(answers, expected);
      // Files with and without the copy lists answer differently: the flag reached the worker.
      assert.ok(answers.flat().some((r) => r.findings.some((f) => f.kind === 'incubator-import' && f.detail.module === 'log')));
      const withoutCopies = batches.flat().filter((f) => !f.usesCopies);
      assert.ok(withoutCopies.length > 0);
    }
    assert.ok(pool.running);
  } finally {
    await pool.close();
  }
});

test('files planned by the sender answer in a worker like the calling thread, with their rows mapped back', async () => {
  const pool = new ParsePool(1);
  try {
    const kb = knowledge();
    const triggers = triggersOf(kb);
    const random = new Random(5);
    const texts = Array.from({ length: 12 }, (_, i) => `# café ${i}\n` + pythonFile({ random, pkg: 'nova', era: random.pick(['legacy', 'transition', 'current'] as const), copies: ['log'], py2: random.chance(0.5) }, 1500));
    // A fragment tree-sitter cannot read cleanly: the worker falls back to the file's own bytes.
    texts.push('from oslo_config import cfg, , x\nfrom oslo_log import log\n');
    const copies: Copies = { copyModules: ['log'], copyPackages: ['nova'] };
    const packer = new BatchPacker(256);
    const plans = texts.map((text) => planPython(text, triggers));
    texts.forEach((text, i) => {
      const plan = plans[i]!;
      if (plan.kind !== 'none') packer.add(`nova/m${i}.py`, Buffer.from(text), true, plan);
    });
    const sent = texts.filter((_, i) => plans[i]!.kind !== 'none');
    assert.ok(plans.some((p) => p.kind === 'fragments') && sent.length === packer.count);
    const answers = await pool.run(packer.take(copies, true));
    assert.equal(plans.at(-1)!.kind, 'fragments');
    const expected = sent.map((text) => scanPythonText({ file: `nova/m${texts.indexOf(text)}.py`, text, ...copies }, { knowledge: kb, triggers }));
    assert.deepEqual(answers, expected);
    assert.ok(answers.some((a) => a.parsed === 'fragments' && a.findings.some((f) => f.line !== null && f.line > 1)));
    assert.equal(answers.at(-1)!.parsed, 'whole');
  } finally {
    await pool.close();
  }
});

test('a batch\'s buffer comes back with its answer, and the next batch is written over it', async () => {
  const pool = new ParsePool(1);
  try {
    const kb = knowledge();
    const triggers = triggersOf(kb);
    const expect = (file: string, text: string) => scanPythonText({ file, text, ...NO_COPIES }, { knowledge: kb, triggers });
    // The first batch's buffer is 8 KiB; a packer of 1 KiB writes into it once it is back.
    const first = new BatchPacker(8192, () => pool.spare());
    const long = `# ${'x'.repeat(3000)}\nimport oslo.config\nfrom oslo.db import api\n`;
    first.add('long.py', Buffer.from(long), false);
    const request = first.take(NO_COPIES, true);
    assert.equal(request.bytes.byteLength, 8192);
    assert.deepEqual(await pool.run(request), [expect('long.py', long)]);
    assert.equal(request.bytes.byteLength, 0, 'the buffer was moved to the worker');
    const second = new BatchPacker(1024, () => pool.spare());
    const short = 'from oslo_log import log\n';
    second.add('short.py', Buffer.from(short), false);
    const again = second.take(NO_COPIES, true);
    assert.equal(again.bytes.byteLength, 8192, 'written into the buffer that came back');
    // What the first batch left in it past the second one's bytes is never read.
    assert.deepEqual(await pool.run(again), [expect('short.py', short)]);
    // Buffers nobody takes are kept two per worker at most.
    const batches = Array.from({ length: 5 }, (_, i) => {
      const packer = new BatchPacker(512);
      packer.add(`m${i}.py`, Buffer.from('import oslo.config\n'), false);
      return packer.take(NO_COPIES, true);
    });
    await Promise.all(batches.map((b) => pool.run(b)));
    let kept = 0;
    while (pool.spare()) kept++;
    assert.equal(kept, 2);
  } finally {
    await pool.close();
  }
});

test('workers started ahead of their first batch do not keep a finished process alive', () => {
  const pool = new URL('../../src/scan/pool.js', import.meta.url).href;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `import { ParsePool } from ${JSON.stringify(pool)}; new ParsePool(2).start();`], { timeout: 60_000 });
  assert.equal(child.signal, null, 'the process was still running: killed');
  assert.equal(child.status, 0, String(child.stderr));
});

test('a closed pool refuses queued work instead of hanging', async () => {
  const pool = new ParsePool(1);
  const batch = (file: string, text: string) => {
    const packer = new BatchPacker(64);
    packer.add(file, Buffer.from(text), false);
    return packer.take(NO_COPIES, true);
  };
  const first = pool.run(batch('a.py', 'import oslo.config\n'));
  const queued = pool.run(batch('b.py', 'import oslo.db\n'));
  const closing = pool.close();
  await assert.rejects(queued, /closed/);
  await assert.rejects(first);
  await closing;
});

test('a scan told to expect much Python starts its worker before the tree is listed, and finds what a scan on one thread finds', async () => {
  const dir = await fixtureRepo('aster');
  const commit = git(dir, 'rev-parse', 'HEAD');
  assert.equal(poolRunning(defaultJobs()), false);
  // The fixture is small: without the hint its Python is parsed on this thread and no worker starts.
  const plain = await scanTree(gitTreeSource(dir, commit));
  assert.equal(poolRunning(defaultJobs()), false);
  const ahead = await scanTree(gitTreeSource(dir, commit), { workerAhead: true });
  assert.equal(poolRunning(defaultJobs()), true);
  assert.deepEqual(ahead.findings, plain.findings);
  assert.ok(plain.findings.length > 0);
  await closeSharedPools();
});

test('the size of a checkout\'s index, which tells a large checkout before git lists it; 0 where there is none', async () => {
  const dir = await fixtureRepo('aster');
  const files = git(dir, 'ls-files').split('\n').length;
  assert.ok(indexBytes(dir) > 60 * files, String(indexBytes(dir)));
  assert.equal(indexBytes(join(dir, 'no-such-folder')), 0);
  const bare = join(tempDir(), 'bare.git');
  git(tempDir(), 'clone', '-q', '--bare', dir, bare);
  assert.equal(indexBytes(bare), 0);
});
