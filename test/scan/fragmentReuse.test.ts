// A changed Python file whose prefilter cuts out the same statements as an earlier version takes that
// version's findings, moved to its rows, without a parse; anything else is parsed as usual.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledge } from '../../src/knowledge/index.js';
import { triggersOf } from '../../src/scan/prefilter.js';
import { scanPythonText, type PriorResult } from '../../src/scan/pythonFile.js';

const kb = knowledge();
const options = { knowledge: kb, triggers: triggersOf(kb) };
const file = 'nova/compute/api.py';
const before = 'from oslo.config import cfg\nimport os\n\n\ndef run(cmd):\n    return utils.execute(cmd,\n                         run_as_root=True)\n';
const scan = (text: string, prior?: PriorResult) => scanPythonText({ file, text, copyModules: [], ...(prior ? { prior } : {}) }, options);
/** The earlier version's result as the cache hands it back, its messages marked to tell a reuse from a parse. */
function marked(text: string): PriorResult {
  const r = scan(text);
  assert.equal(r.parsed, 'fragments');
  return { plan: r.plan!, findings: r.findings.map((f) => ({ ...f, message: `reused: ${f.message}` })), adopted: r.adopted };
}

test('the same statements elsewhere in the file: the earlier findings, at the new rows', () => {
  const after = `"""Docs."""\n\nimport sys\n${before.replace('def run', 'X = 1\n\n\ndef run')}`;
  const reused = scan(after, marked(before));
  const parsed = scan(after);
  assert.ok(reused.findings.length === 2 && reused.findings.every((f) => f.message.startsWith('reused: ')));
  assert.deepEqual(
    reused.findings.map((f) => ({ ...f, message: f.message.slice('reused: '.length) })),
    parsed.findings,
  );
  assert.deepEqual(parsed.findings.map((f) => [f.line, f.endLine]), [[4, 4], [12, 13]]);
  assert.deepEqual(reused.plan, parsed.plan);
});

test('a changed statement, even inside a call spanning lines, is parsed again', () => {
  const prior = marked(before);
  for (const after of [before.replace('oslo.config', 'oslo_config'), before.replace('run_as_root=True', 'run_as_root=False'), before.replace('import os', 'import os\nfrom oslo import messaging')]) {
    const r = scan(after, prior);
    assert.ok(r.findings.every((f) => !f.message.startsWith('reused: ')), after);
    assert.deepEqual(r, scan(after));
  }
});

test('a prior whose lines do not match its findings is not trusted', () => {
  const prior = marked(before);
  const r = scan(before, { ...prior, plan: { ...prior.plan, lines: prior.plan.lines.slice(2) } });
  assert.deepEqual(r, scan(before));
});
