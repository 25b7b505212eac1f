import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { assertSafeUrl, redactText, redactUrl } from '../../src/git/index.js';
import { runBatch } from '../../src/pipeline/index.js';
import { parseTarget } from '../../src/sources/index.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';

const REFUSED: Array<[string, RegExp]> = [
  ['--upload-pack=touch /tmp/oslo-audit-pwned', /starts with "-"/],
  ['-oProxyCommand=x', /starts with "-"/],
  ['ext::sh -c touch% /tmp/oslo-audit-pwned', /remote-helper|whitespace/],
  ['ext::sh', /remote-helper/],
  ['fd::17', /remote-helper/],
  ['transport::x', /remote-helper/],
  ['gopher://example.org/repo', /transport "gopher" is not allowed/],
  ['https://example.org/openstack/nova\n--upload-pack=x', /control characters/],
  ['https://example.org/open stack/nova', /whitespace/],
  ['https://example.org/openstack/nova\x07', /control characters/],
  ['ssh://-oProxyCommand=touch@example.org/x', /host or user starts with "-"/],
  ['ssh://example.org:22/x', /^$/], // allowed: the control row
  ['-host:path', /starts with "-"/],
  ['user@-oProxyCommand=x:path', /host or user starts with "-"/],
];

test('each unsafe URL form is refused before it reaches git', () => {
  for (const [url, why] of REFUSED) {
    if (why.source === '^$') {
      assert.equal(assertSafeUrl(url), url);
      continue;
    }
    assert.throws(() => assertSafeUrl(url), why, url);
  }
  for (const ok of ['https://opendev.org/openstack/nova', 'http://127.0.0.1:8080/nova.git', 'ssh://git@github.com/openstack/nova.git', 'git@github.com:openstack/nova.git', 'git://git.example.org/nova', 'file:///srv/git/nova.git']) {
    assert.equal(assertSafeUrl(ok), ok);
  }
});

test('unsafe targets become projects that failed at resolve, and no git command runs for them', async () => {
  const cacheDir = tempDir();
  const targets = REFUSED.filter(([, why]) => why.source !== '^$').map(([t]) => parseTarget(t, { cwd: tempDir() }));
  assert.ok(targets.every((t) => t.location.kind === 'unresolved'), JSON.stringify(targets.filter((t) => t.location.kind !== 'unresolved')));
  const report = await runBatch(targets, { cacheDir, jobs: 2 });
  assertValidReport(report);
  assert.equal(report.projects.length, targets.length);
  for (const p of report.projects) assert.equal(p.error?.stage, 'resolve');
  assert.equal(existsSync('/tmp/oslo-audit-pwned'), false);
  // Control characters are shown escaped in the report, never raw.
  // eslint-disable-next-line no-control-regex
  assert.ok(report.projects.every((p) => !/[\x00-\x1f]/.test(p.source + p.name)));
});

test('credentials are removed from URLs and from git messages', () => {
  assert.equal(redactUrl('https://user:tok3n@opendev.org/openstack/nova'), 'https://opendev.org/openstack/nova');
  assert.equal(redactUrl('https://tok3n@github.com/o/r.git'), 'https://github.com/o/r.git');
  assert.equal(redactUrl('ssh://git:pa55@host/x'), 'ssh://git@host/x');
  assert.equal(redactUrl('git@github.com:o/r.git'), 'git@github.com:o/r.git');
  assert.equal(
    redactText("fatal: unable to access 'https://bot:tok3n@example.org/x.git/': The requested URL returned error: 403"),
    "fatal: unable to access 'https://example.org/x.git/': The requested URL returned error: 403",
  );
});
