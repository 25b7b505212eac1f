// The index's token digests: computed by a cursor walk in worker threads, they must be the digests of
// the token streams the copies are compared with.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenHash, tokenStream } from '../../src/provenance/index.js';
import { digestKey, digestVersions } from '../../src/provenance/digests.js';
import { tokenDigest } from '../../src/provenance/tokens.js';
import { git } from '../helpers/remote.js';
import { repoWith } from '../helpers/repo.js';

const TEXTS: Record<string, string> = {
  'plain.py': 'import os\n\n\ndef f(a, b=1):\n    return a + b  # a comment\n',
  'strings.py': 'x = u"caf\\u00e9" \'b\' """doc\nstring"""\ny = f"{x!r:>10} and {{braces}}"\nz = rb"\\d+"\n',
  'python2.py': 'print "hello", x\nexec code in ns\nraise E, "message"\nx = 0777L\nprint >>sys.stderr, `x`\n',
  'continuation.py': 'total = 1 + \\\n    2\nif (a and\n        b):\n    pass\n',
  'broken.py': 'def f(:\n    return [1, 2\nclass\n',
  'unicode.py': '# -*- coding: utf-8 -*-\nname = "ünïcödé ☃"\n\u00e9t\u00e9 = 1\n',
  'conf.txt': '[DEFAULT]\n  module=log   # comment stays a word\n\nbase=nova\n',
  'empty.py': '',
};

test('the lean digest of a text is the digest of its token stream', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    const py = name.endsWith('.py');
    assert.equal(tokenDigest(text, py), tokenHash(tokenStream(text, py)), name);
  }
  // Whitespace and comments do not count; a changed token does.
  assert.equal(tokenDigest('x = 1  # one\n', true), tokenDigest('x=1\n', true));
  assert.notEqual(tokenDigest('x = 1\n', true), tokenDigest('x = 2\n', true));
});

test('digests computed in the workers from git blobs are those of the texts, and a blob that is not text digests as empty', async () => {
  const files: Record<string, string | Buffer> = { ...TEXTS, 'binary.py': Buffer.from([0x66, 0x00, 0x6f]), 'latin1.py': Buffer.from([0x78, 0x3d, 0xe9, 0x0a]) };
  const dir = await repoWith(files);
  const wanted = Object.keys(files).map((path) => ({ path, blob: git(dir, 'rev-parse', `HEAD:${path}`), isPython: path.endsWith('.py') }));
  // conf.txt read as Python too: the same blob gets both digests.
  wanted.push({ ...wanted.find((w) => w.path === 'conf.txt')!, isPython: true });
  for (const workers of [1, 2]) {
    const digests = await digestVersions(dir, wanted, workers);
    for (const w of wanted) {
      const text = files[w.path]!;
      const expected = Buffer.isBuffer(text) ? '' : tokenHash(tokenStream(text, w.isPython));
      assert.equal(digests.get(digestKey(w.blob, w.isPython)), expected, `${w.path} ${w.isPython}`);
    }
  }
});

test('versions of one file parsed one from the other digest as each parsed alone', async () => {
  const versions = [
    'import os\n\n\ndef f(a):\n    return a\n',
    'import os\nimport sys\n\n\ndef f(a):\n    return a  # now commented\n',
    'import os\nimport sys\n\n\ndef f(a:\n    return [a\n',
    'import os\nimport sys\n\n\ndef f(a, b):\n    """Doc."""\n    return a + b\n',
    '"""Module doc."""\nimport sys\n\n\ndef f(a, b):\n    return a + b\n\n\ndef g():\n    pass\n',
    '',
    'x = 1\n',
  ];
  const { writeCommits } = await import('../../src/git/index.js');
  const { tempDir } = await import('../helpers/tmp.js');
  const { join } = await import('node:path');
  const dir = join(tempDir(), 'versions');
  const wanted: { path: string; blob: string; isPython: boolean }[] = [];
  for (const [i, text] of versions.entries()) {
    await writeCommits(dir, [{ date: `2014-01-0${i + 1}T00:00:00Z`, author: 'Jane Developer <jane@example.org>', message: `v${i}`, files: { 'openstack/common/f.py': text } }]);
    wanted.push({ path: 'openstack/common/f.py', blob: git(dir, 'rev-parse', 'HEAD:openstack/common/f.py'), isPython: true });
  }
  const digests = await digestVersions(dir, wanted, 1);
  versions.forEach((text, i) => assert.equal(digests.get(digestKey(wanted[i]!.blob, true)), tokenHash(tokenStream(text, true)), `version ${i}`));
});
