// A scan beside others (a batch, a trend: `alongside`) leaves planning to the parse workers, which
// decode the bytes they are sent. Findings and skipped files must be exactly those of a scan that
// reads every file on its own thread, whatever the bytes are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gitTreeSource, openCheckout } from '../../src/git/index.js';
import { scanTree, type ScanOptions, type ScanResult } from '../../src/scan/index.js';
import { repoWith } from '../helpers/repo.js';

const IMPORT = 'from oslo.config import cfg\nfrom nova.openstack.common import log\n';

async function scan(dir: string, options: ScanOptions): Promise<Omit<ScanResult, 'stats'>> {
  const { root, commit } = await openCheckout(dir);
  const { stats: _stats, ...rest } = await scanTree(gitTreeSource(root, commit), options);
  return rest;
}

test('odd bytes read beside other scans give what they give read alone', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(IMPORT, 'utf16le')]);
  const dir = await repoWith({
    'nova/accents.py': `# -*- coding: utf-8 -*-\n"""Café, naïve, 東京."""\nñame = 1\n${IMPORT}x = "oslo" + "é"\n`,
    'nova/bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(IMPORT)]),
    'nova/latin1.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${IMPORT}`)]),
    'nova/overlong.py': Buffer.concat([Buffer.from(IMPORT), Buffer.from([0xc0, 0xaf, 0x0a])]),
    'nova/surrogate.py': Buffer.concat([Buffer.from(IMPORT), Buffer.from([0xed, 0xa0, 0x80, 0x0a])]),
    'nova/utf16.py': utf16,
    'nova/binary.py': Buffer.concat([Buffer.from(IMPORT), Buffer.from([0, 1, 2])]),
    'nova/astral.py': `s = "😀 oslo"\n${IMPORT}def f():\n    return utils.execute("x", run_as_root=True)\n`,
    'nova/plain.py': 'import os\n',
    'nova/relative.py': 'from . import log\n',
    // A copy the knowledge base does not know: what the import names depends on the tree's copies.
    'nova/openstack/common/__init__.py': '',
    'nova/openstack/common/zwidgets/__init__.py': '',
    'nova/openstack/common/zwidgets/helper.py': '',
    'nova/uses.py': 'from nova.openstack.common.zwidgets import helper\n',
  });
  const alone = await scan(dir, { workers: 0 });
  assert.deepEqual(
    alone.skipped.map((s) => `${s.file} ${s.reason}`).sort(),
    ['nova/binary.py binary', 'nova/latin1.py invalid-utf8', 'nova/overlong.py invalid-utf8', 'nova/surrogate.py invalid-utf8', 'nova/utf16.py utf-16'],
  );
  assert.ok(alone.findings.some((f) => f.file === 'nova/bom.py' && f.line === 1 && f.column === 1), 'a BOM is not part of the source');
  assert.deepEqual(alone.findings.filter((f) => f.file === 'nova/uses.py').map((f) => (f.detail as { module: string }).module), ['zwidgets.helper']);
  for (const options of [{ alongside: true, workers: 2 }, { alongside: true, workers: 0 }, { alongside: true }] satisfies ScanOptions[]) {
    assert.deepEqual(await scan(dir, options), alone, JSON.stringify(options));
  }
});
