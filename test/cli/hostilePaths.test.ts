// File names with terminal escapes and newlines: quoted as git quotes them in `fix` diffs (so
// `git apply` takes the patch), and shown escaped in every human-readable output.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { shownToTheUi } from '../../src/cli/review/printableUi.js';
import { reviewFunctions } from '../ui/functions.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { makeReport } from '../../src/report/index.js';
import { quoteGitPath } from '../../src/util/text.js';
import { runCli } from '../helpers/cli.js';
import { repoWith } from '../helpers/repo.js';

const ESC_NAME = 'proj/evil\x1b[31mred\x1b[0m.py';
const NL_NAME = 'proj/two\nlines.py';
const IMPORT = 'from oslo.config import cfg\n';

describe('hostile file names', () => {
  let repo: string;
  before(async () => {
    repo = await repoWith({ [ESC_NAME]: IMPORT, [NL_NAME]: IMPORT, 'proj/plain.py': IMPORT, 'proj/__init__.py': '' }, 'hostile');
  });

  test('paths are quoted as git does', () => {
    assert.equal(quoteGitPath('a/plain/path.py'), 'a/plain/path.py');
    assert.equal(quoteGitPath(`a/${ESC_NAME}`), '"a/proj/evil\\033[31mred\\033[0m.py"');
    assert.equal(quoteGitPath(`a/${NL_NAME}`), '"a/proj/two\\nlines.py"');
    assert.equal(quoteGitPath('a/caf\u00e9 "q".py'), '"a/caf\\303\\251 \\"q\\".py"');
  });

  test('the fix diff names them as git does, and git apply takes it', async () => {
    const r = await runCli(['fix', repo]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes('diff --git "a/proj/evil\\033[31mred\\033[0m.py" "b/proj/evil\\033[31mred\\033[0m.py"'), r.stdout);
    assert.ok(r.stdout.includes('--- "a/proj/two\\nlines.py"'));
    assert.ok(!r.stdout.includes('\x1b'));
    execFileSync('git', ['apply', '--check', '-'], { cwd: repo, input: r.stdout });
    // git's own diff of the applied patch is the same text.
    execFileSync('git', ['apply', '-'], { cwd: repo, input: r.stdout });
    const own = execFileSync('git', ['-c', 'core.quotePath=true', 'diff', '--no-color', '--no-ext-diff'], { cwd: repo, encoding: 'utf8' });
    execFileSync('git', ['checkout', '--quiet', '--', '.'], { cwd: repo });
    assert.equal(r.stdout.replace(/^index .*\n/gm, ''), own.replace(/^index .*\n/gm, ''));
  });

  for (const format of ['table', 'markdown']) {
    test(`${format}: no raw escape or stray line break from a file name`, async () => {
      const r = await runCli(['scan', repo, '-f', format, '--no-cache', '--quiet']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!r.stdout.includes('\x1b'), 'no terminal escape');
      if (format === 'markdown') {
        assert.ok(r.stdout.includes('proj/evil\\033[31mred\\033[0m.py'));
        assert.ok(r.stdout.includes('proj/two\\nlines.py'));
      }
      assert.ok(!r.stdout.split('\n').some((l) => l.startsWith('lines.py')), 'no line starts inside a file name');
    });
  }

  test('checklist: escaped too', async () => {
    const r = await runCli(['checklist', repo, '--no-cache']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('\x1b'));
    assert.ok(r.stdout.includes('two\\nlines.py'));
  });
});

describe('hostile file names in the review UI', () => {
  test('the UI gets escaped text, and what it asks for is mapped back to the real file', async () => {
    const repo = await repoWith({ [ESC_NAME]: IMPORT, 'proj/__init__.py': '' }, 'hostile-ui');
    const project = await scanCheckout({ path: repo });
    const report = makeReport([project]);
    const asked: string[] = [];
    const props = shownToTheUi({ report, readSource: async (_p, file) => (asked.push(file), 'text'), ...reviewFunctions() });
    const shown = props.report!.projects[0]!;
    assert.ok(!JSON.stringify(shown).includes('\\u001b'), 'no escape character reaches the UI');
    const finding = shown.findings.find((f) => f.file.includes('evil'))!;
    assert.equal(finding.file, 'proj/evil\\033[31mred\\033[0m.py');
    await props.readSource!(shown, finding.file);
    assert.deepEqual(asked, [ESC_NAME]);
  });
});
