import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { locationHash } from '../../src/scan/cache.js';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

// A results cache that cannot be written is a warning: the findings stand and the exit code is that of the scan.
describe('a results cache that cannot be written', () => {
  let aster: string;
  let expected: number;
  before(async () => {
    aster = await fixtureRepo('aster');
    const r = await runCli(['scan', aster, '--no-cache', '-f', 'json']);
    assert.equal(r.code, 0, r.stderr);
    expected = JSON.parse(r.stdout).projects[0].findings.length;
    assert.ok(expected > 0);
  });

  const scanJson = async (env: Record<string, string>, extra: string[] = []) => {
    const r = await runCli(['scan', aster, '-f', 'json', '--quiet', ...extra], { env });
    return { ...r, report: r.stdout ? JSON.parse(r.stdout) : null };
  };

  test('XDG_CACHE_HOME pointing at a file: one warning, findings kept, exit 0', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const r = await scanJson({ XDG_CACHE_HOME: file });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.report.projects[0].error, null);
    assert.equal(r.report.projects[0].findings.length, expected);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
    assert.equal(warnings.length, 1, r.stderr);
    assert.match(warnings[0]!, /^oslo-audit: warning: cannot write the results cache in .*not-a-folder.*findings are kept/);
  });

  test('a folder where the commit record should be: the project is still scanned', async () => {
    const cacheHome = tempDir();
    const v1 = join(cacheHome, 'oslo-audit', 'scan-cache', 'v1');
    // The location is the checkout's real path, as the scanner names it.
    mkdirSync(join(v1, `${locationHash(realpathSync(aster))}.commit.json`), { recursive: true });
    mkdirSync(join(v1, `${locationHash(realpathSync(aster))}.json`), { recursive: true });
    const r = await scanJson({ XDG_CACHE_HOME: cacheHome });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.report.projects[0].findings.length, expected);
    assert.match(r.stderr, /warning: cannot write the results cache/);
    // And again: nothing half-written is trusted, the same findings come back.
    const again = await scanJson({ XDG_CACHE_HOME: cacheHome });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.report.projects[0].findings.length, expected);
  });

  test('--cache-dir naming a file: a local checkout is still scanned', async () => {
    const file = join(tempDir(), 'cache-file');
    writeFileSync(file, 'x');
    const r = await scanJson({}, ['--cache-dir', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.report.projects[0].findings.length, expected);
  });
});
