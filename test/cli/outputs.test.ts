import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKinds, thresholdOf, verdictOf } from '../../src/cli/gate.js';
import { pairFormats, type OptionToken } from '../../src/cli/outputs.js';
import { UsageError } from '../../src/cli/exitCodes.js';
import { failedProject, makeReport } from '../../src/report/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { repoWith } from '../helpers/repo.js';

const opts = (...pairs: [string, string][]): OptionToken[] => pairs.map(([name, value]) => ({ kind: 'option', name, value }));

test('each --output goes with the --format before it, or else the one after it', () => {
  assert.deepEqual(pairFormats(opts(['format', 'json'], ['output', 'a'], ['format', 'sarif'], ['output', 'b']), 'table'), [
    { format: 'json', output: 'a' },
    { format: 'sarif', output: 'b' },
  ]);
  assert.deepEqual(pairFormats(opts(['output', 'a'], ['format', 'json']), 'table'), [{ format: 'json', output: 'a' }]);
  assert.deepEqual(pairFormats(opts(['format', 'table'], ['format', 'json'], ['output', 'a']), 'table'), [
    { format: 'table', output: undefined },
    { format: 'json', output: 'a' },
  ]);
  assert.deepEqual(pairFormats(opts(['output', 'a']), 'table'), [{ format: 'table', output: 'a' }]);
  assert.deepEqual(pairFormats([], 'table'), [{ format: 'table', output: undefined }]);
  assert.throws(() => pairFormats(opts(['format', 'json'], ['format', 'sarif'], ['output', '-']), 'table'), UsageError);
});

test('--fail-on takes kinds and groups, comma-separated or repeated', () => {
  assert.deepEqual(parseKinds(['rootwrap', 'namespace-import']), ['namespace-import', 'rootwrap-import', 'rootwrap-call', 'rootwrap-config']);
  assert.deepEqual(parseKinds(['incubator-copy,privsep-usage']), ['incubator-copy', 'privsep-usage']);
  assert.throws(() => parseKinds([',']), /needs at least one kind/);
  assert.equal(thresholdOf(undefined, undefined), null);
  assert.deepEqual(thresholdOf(['namespace'], undefined), { kinds: ['namespace-import'], max: 0 });
  assert.equal(thresholdOf(undefined, '5')!.max, 5);
  assert.equal(thresholdOf(undefined, '5')!.kinds.length, 7);
  assert.throws(() => thresholdOf(undefined, '-1'), /whole number/);
});

test('the verdict counts findings of the threshold kinds over all projects', async () => {
  const p = await scanCheckout({ path: await repoWith({ 'a.py': 'from oslo.config import cfg\nfrom oslo.utils import units\n' }) });
  const failed = failedProject({ name: 'x', repo: null, source: 'x' }, { stage: 'clone', message: 'no' });
  const report = makeReport([p, p]);
  assert.deepEqual(verdictOf(report, thresholdOf(['namespace'], '3')), { counted: 4, over: true, failedProjects: 0, exitCode: 1 });
  assert.deepEqual(verdictOf(report, thresholdOf(['namespace'], '4')), { counted: 4, over: false, failedProjects: 0, exitCode: 0 });
  assert.equal(verdictOf(makeReport([p, failed]), thresholdOf(['rootwrap'], undefined)).exitCode, 3);
  assert.equal(verdictOf(makeReport([p, failed]), thresholdOf(['namespace'], undefined)).exitCode, 1);
});
