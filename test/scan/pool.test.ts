// tree-sitter is a native addon: it must load in worker threads, and the workers must answer
// exactly what the calling thread would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random, pythonFile } from '../../bench/corpus.js';
import { knowledge } from '../../src/knowledge/index.js';
import { ParsePool } from '../../src/scan/pool.js';
import { triggersOf } from '../../src/scan/prefilter.js';
import { scanPythonText, type PythonFileInput } from '../../src/scan/pythonFile.js';

test('workers parse batches in parallel and answer like the calling thread', async () => {
  const pool = new ParsePool(2);
  try {
    const random = new Random(3);
    const batches: PythonFileInput[][] = [];
    for (let b = 0; b < 6; b++) {
      batches.push(
        Array.from({ length: 10 }, (_, i) => ({
          file: `nova/mod${b}_${i}.py`,
          text: pythonFile({ random, pkg: 'nova', era: random.pick(['legacy', 'current'] as const), copies: ['log'], py2: random.chance(0.5) }, 2000),
          copyModules: ['log'],
        })),
      );
    }
    const kb = knowledge();
    for (const prefilter of [true, false]) {
      const answers = await Promise.all(batches.map((b) => pool.run(b, prefilter)));
      const expected = batches.map((b) => b.map((f) => scanPythonText(f, { knowledge: kb, triggers: prefilter ? triggersOf(kb) : null })));
      assert.deepEqual(answers, expected);
      assert.ok(answers.flat().some((r) => r.findings.length > 0));
    }
    assert.ok(pool.running);
  } finally {
    await pool.close();
  }
});

test('a closed pool refuses queued work instead of hanging', async () => {
  const pool = new ParsePool(1);
  const first = pool.run([{ file: 'a.py', text: 'import oslo.config\n', copyModules: [] }], true);
  const queued = pool.run([{ file: 'b.py', text: 'import oslo.db\n', copyModules: [] }], true);
  const closing = pool.close();
  await assert.rejects(queued, /closed/);
  await assert.rejects(first);
  await closing;
});
