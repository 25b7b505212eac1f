// A project whose releases burn down: each release drops a namespace import, an incubator copy or a
// rootwrap call, with fixed dates and tags, so trend figures are known in advance.
import { join } from 'node:path';
import { tagCommit, writeCommits } from '../../src/git/index.js';
import { DEV } from './repo.js';
import { tempDir } from './tmp.js';

const GITREVIEW = (name: string) => `[gerrit]\nhost=review.example.org\nport=29418\nproject=openstack/${name}.git\n`;
const API = (imports: string[], calls: number) =>
  [...imports, '', ...Array.from({ length: calls }, (_, i) => `def run${i}(utils):\n    return utils.execute('ls', run_as_root=True)\n`)].join('\n');

/** Release → tree: 3, then 2, then 1 namespace import; 2 then 1 then 0 incubator modules; 2, 1, 0 rootwrap calls. */
export const RELEASES = [
  { tag: '1.0.0', date: '2015-01-10T12:00:00Z', imports: ['from oslo.config import cfg', 'from oslo.messaging import rpc', 'from oslo.i18n import _'], copies: ['jsonutils', 'timeutils'], calls: 2 },
  { tag: '1.1.0', date: '2015-04-10T12:00:00Z', imports: ['from oslo.config import cfg', 'from oslo.messaging import rpc'], copies: ['jsonutils', 'timeutils'], calls: 2 },
  { tag: '2.0.0', date: '2015-09-10T12:00:00Z', imports: ['from oslo.config import cfg', 'from oslo.messaging import rpc'], copies: ['jsonutils'], calls: 1 },
  { tag: '3.0.0', date: '2016-03-10T12:00:00Z', imports: ['from oslo.config import cfg'], copies: [], calls: 0 },
] as const;

/** A repository with one commit (and tag) per release, plus an untagged commit between releases. */
export async function releasedRepo(name = 'svc'): Promise<string> {
  const dir = join(tempDir(), name);
  let previous: readonly string[] = [];
  for (const r of RELEASES) {
    const files: Record<string, string | null> = {
      '.gitreview': GITREVIEW(name),
      [`${name}/__init__.py`]: '',
      [`${name}/api.py`]: API([...r.imports], r.calls),
      // A file that never changes: every point after the first reads it from the results cache.
      [`${name}/stable.py`]: 'import os\n\n\ndef helper():\n    return os.sep\n',
      [`${name}/openstack/__init__.py`]: '',
      [`${name}/openstack/common/__init__.py`]: '',
    };
    for (const m of previous) if (!r.copies.includes(m as never)) files[`${name}/openstack/common/${m}.py`] = null;
    for (const m of r.copies) files[`${name}/openstack/common/${m}.py`] = `# ${m} copied from oslo-incubator\nimport json\n`;
    previous = r.copies;
    const untagged = new Date(Date.parse(r.date) - 86_400_000 * 20).toISOString();
    await writeCommits(dir, [{ date: untagged, author: DEV, message: `Work before ${r.tag}`, files: { 'README.rst': `before ${r.tag}\n` } }]);
    const head = await writeCommits(dir, [{ date: r.date, author: DEV, message: `Release ${r.tag}`, files }]);
    await tagCommit(dir, r.tag, head);
  }
  return dir;
}
