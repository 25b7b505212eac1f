// The prefilter, the worker pool and the cache only decide what is read and parsed, and where:
// findings must be exactly those of reading and parsing every file whole on one thread.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Random, pythonFile, writeCorpus } from '../../bench/corpus.js';
import { gitTreeSource, openCheckout } from '../../src/git/index.js';
import { knowledge } from '../../src/knowledge/index.js';
import { scanTree, type ScanOptions, type ScanResult } from '../../src/scan/index.js';
import { triggersOf } from '../../src/scan/prefilter.js';
import { scanPythonText } from '../../src/scan/pythonFile.js';
import { mutate } from './fuzz.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

async function scan(dir: string, options: ScanOptions): Promise<ScanResult> {
  const { root, commit } = await openCheckout(dir);
  return scanTree(gitTreeSource(root, commit), options);
}

/** Everything but the statistics, which differ by design. */
function outcome(r: ScanResult): Omit<ScanResult, 'stats'> {
  const { stats: _stats, ...rest } = r;
  return rest;
}

const BASELINE: ScanOptions = { prefilter: false, workers: 0 };

test('fixture projects: same findings with prefilter, workers and cache as parsing everything whole', async () => {
  const cache = tempDir();
  for (const name of ['aster', 'birch', 'cedar', 'dunlin']) {
    const dir = await fixtureRepo(name);
    const baseline = await scan(dir, BASELINE);
    assert.ok(baseline.findings.length > 0 || name === 'cedar', `${name} has findings to compare`);
    const cold = await scan(dir, { cache, workers: 2 });
    const warm = await scan(dir, { cache, workers: 2 });
    const inThread = await scan(dir, { workers: 0 });
    assert.deepEqual(outcome(cold), outcome(baseline), name);
    assert.deepEqual(outcome(warm), outcome(baseline), name);
    assert.deepEqual(outcome(inThread), outcome(baseline), name);
    assert.equal(warm.stats.cached, warm.stats.files, `${name}: the warm scan reads nothing`);
    assert.ok(cold.stats.parsed.none + cold.stats.parsed.fragments > 0, `${name}: the prefilter spared some parsing`);
  }
});

test('generated corpus (Python 2, docstrings naming imports, syntax errors): same findings every way', async () => {
  const dir = tempDir();
  const repos = await writeCorpus(dir, { seed: 7, repos: 6, largeFiles: 120, averageSize: 3000, medianFiles: 25 });
  const cache = tempDir();
  let findings = 0;
  for (const repo of repos) {
    const baseline = await scan(repo, BASELINE);
    findings += baseline.findings.length;
    // Beside other scans (`alongside`) the parse workers, not this thread, make the text pass and plan.
    const alongside: ScanOptions[] = [{ workers: 2, alongside: true }, { workers: 0, alongside: true }];
    for (const options of [{ workers: 2, cache }, { workers: 2, cache }, { workers: 0 }, { workers: 1, prefilter: false }, ...alongside] satisfies ScanOptions[]) {
      assert.deepEqual(outcome(await scan(repo, options)), outcome(baseline), `${repo} ${JSON.stringify(options)}`);
    }
  }
  assert.ok(findings > 100, `the corpus has findings to compare (${findings})`);
});

test('a docstring that mentions an import is neither parsed nor reported', async () => {
  const text = '"""Configuration.\n\nUse it as::\n\n    from oslo.config import cfg\n"""\nimport os\n';
  const dir = await (await import('../helpers/repo.js')).repoWith({ 'nova/conf.py': text, 'nova/real.py': `${text}from oslo.config import cfg\n` });
  const r = await scan(dir, { workers: 0 });
  assert.deepEqual(r.findings.map((f) => `${f.kind} ${f.file}:${f.line}`), ['namespace-import nova/real.py:8']);
  assert.deepEqual(r.stats.parsed, { none: 1, fragments: 1, whole: 0 });
  assert.deepEqual(outcome(r), outcome(await scan(dir, BASELINE)));
});

test('mutated sources (syntax errors of every kind): the prefilter agrees with a whole parse', () => {
  const kb = knowledge();
  const triggers = triggersOf(kb);
  let whole = 0;
  for (let seed = 1; seed <= 1500; seed++) {
    const random = new Random(seed);
    const era = random.pick(['legacy', 'transition', 'current'] as const);
    const base = pythonFile({ random, pkg: 'nova', era, copies: ['log', 'jsonutils'], py2: random.chance(0.5) }, 1500);
    const text = mutate(base, random);
    const input = { file: 'nova/openstack/common/db/api.py', text, copyModules: ['log'] };
    const a = scanPythonText(input, { knowledge: kb, triggers: null });
    const b = scanPythonText(input, { knowledge: kb, triggers });
    if (b.parsed === 'whole') whole++;
    assert.deepEqual(b.findings, a.findings, `seed ${seed}`);
    assert.deepEqual([...b.adopted].sort(), [...a.adopted].sort(), `seed ${seed}`);
  }
  assert.ok(whole > 100 && whole < 1500, `some mutations are parsed whole, some not (${whole})`);
});

test('the fixture with a syntax error is still read as a whole file', async () => {
  const path = join(process.cwd(), 'fixtures/projects/aster/aster/cmd/api.py');
  const text = readFileSync(path, 'utf8');
  const r = scanPythonText({ file: 'aster/cmd/api.py', text, copyModules: [] }, { knowledge: knowledge(), triggers: triggersOf(knowledge()) });
  assert.equal(r.parsed, 'whole');
  assert.ok(r.findings.some((f) => f.kind === 'rootwrap-call'));
});
