import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ISSUE_MARKER, mergeOrder, readIssue, renderIssue, type Checklist } from '../../src/checklist/index.js';
import { issueBody } from '../../src/cli/checklistIssue.js';
import { tempDir } from '../helpers/tmp.js';

function aster(): Checklist {
  return {
    project: 'openstack/aster',
    kind: 'migration',
    items: [
      {
        id: 'incubator:log',
        title: 'Replace the incubator copy of log with oslo.log',
        done: false,
        detail: ['Add oslo.log to requirements.txt'],
        places: [
          { file: 'aster/openstack/common/log.py', line: null },
          { file: 'aster/cmd/api.py', line: 3, note: 'from aster.openstack.common import log → from oslo_log import log' },
        ],
      },
      { id: 'namespace:oslo.config', title: 'Import oslo_config, not oslo.config', done: false, detail: [], places: [{ file: 'aster/cmd/api.py', line: 2 }] },
      { id: 'rootwrap:privsep', title: 'Move <aster> rootwrap calls to oslo.privsep', done: false, detail: [], places: [] },
    ],
  };
}

function birch(): Checklist {
  return { project: 'openstack/birch', kind: 'migration', items: [{ id: 'incubator:timeutils', title: 'Use oslo_utils.timeutils', done: false, detail: [], places: [] }] };
}

const without = (c: Checklist, id: string): Checklist => ({ ...c, items: c.items.filter((i) => i.id !== id) });

test('an issue body: a marker, a section per checklist, an item line with a stable id per item', () => {
  const body = renderIssue([aster(), birch()]);
  const lines = body.split('\n');
  assert.equal(lines[0], ISSUE_MARKER);
  assert.ok(lines.includes('## openstack/aster: migration <!-- oslo-audit:section openstack/aster/migration -->'));
  assert.ok(lines.includes('- [ ] Replace the incubator copy of log with oslo.log <!-- oslo-audit:item incubator:log@openstack/aster -->'));
  assert.ok(lines.includes('  - `aster/cmd/api.py:3`: from aster.openstack.common import log → from oslo_log import log'));
  assert.ok(lines.includes('  - `aster/openstack/common/log.py`'));
  // Titles cannot inject HTML.
  assert.ok(lines.includes('- [ ] Move &lt;aster&gt; rootwrap calls to oslo.privsep <!-- oslo-audit:item rootwrap:privsep@openstack/aster -->'));
  assert.match(body, /^4 open, 0 done\./m);
  assert.deepEqual(readIssue(body).map((s) => [s.id, s.items.map((i) => i.id)]), [
    ['openstack/aster/migration', ['incubator:log@openstack/aster', 'namespace:oslo.config@openstack/aster', 'rootwrap:privsep@openstack/aster']],
    ['openstack/birch/migration', ['incubator:timeutils@openstack/birch']],
  ]);
});

test('regenerating with nothing changed gives the same body', () => {
  const first = renderIssue([aster(), birch()]);
  assert.equal(renderIssue([aster(), birch()], { previous: first }), first);
});

test('an item fixed since yesterday stays where it was, ticked; nothing else changes but the count', () => {
  const yesterday = renderIssue([aster(), birch()]);
  const today = renderIssue([without(aster(), 'namespace:oslo.config'), birch()], { previous: yesterday });
  const a = yesterday.split('\n');
  const b = today.split('\n');
  assert.equal(a.length, b.length);
  const changed = a.flatMap((line, i) => (line !== b[i] ? [[line, b[i]]] : []));
  assert.deepEqual(changed, [
    [a.find((l) => l.startsWith('4 open'))!, b.find((l) => l.startsWith('3 open'))!],
    ['- [ ] Import oslo_config, not oslo.config <!-- oslo-audit:item namespace:oslo.config@openstack/aster -->', '- [x] Import oslo_config, not oslo.config <!-- oslo-audit:item namespace:oslo.config@openstack/aster -->'],
  ]);
  // And the day after, still there, still ticked.
  assert.equal(renderIssue([without(aster(), 'namespace:oslo.config'), birch()], { previous: today }), today);
});

test('a new finding adds an item; a project not regenerated keeps its section as it was', () => {
  const yesterday = renderIssue([aster(), birch()]);
  const more = birch();
  more.items.push({ id: 'incubator:lockutils', title: 'Use oslo_concurrency.lockutils', done: false, detail: [], places: [] });
  const today = renderIssue([more], { previous: yesterday });
  assert.match(today, /- \[ \] Use oslo_concurrency.lockutils <!-- oslo-audit:item incubator:lockutils@openstack\/birch -->/);
  const asterSection = (body: string) => body.slice(body.indexOf('## openstack/aster'), body.indexOf('## openstack/birch'));
  assert.equal(asterSection(today), asterSection(yesterday));
  assert.ok(today.indexOf('## openstack/aster') < today.indexOf('## openstack/birch'), 'sections keep their order');
});

test('the scan decides: an item ticked by hand but still found is open again; items done by the generator are ticked', () => {
  const yesterday = renderIssue([aster()]).replace('- [ ] Import oslo_config', '- [x] Import oslo_config');
  assert.match(renderIssue([aster()], { previous: yesterday }), /- \[ \] Import oslo_config/);
  const done = aster();
  done.items[0]!.done = true;
  assert.match(renderIssue([done]), /- \[x\] Replace the incubator copy of log/);
});

test('merging orders: kept keys go back after the key they followed', () => {
  assert.deepEqual(mergeOrder(['a', 'c'], ['a', 'b', 'c']), ['a', 'b', 'c']);
  assert.deepEqual(mergeOrder(['c', 'd'], ['b', 'c']), ['b', 'c', 'd']);
  assert.deepEqual(mergeOrder(['x'], []), ['x']);
});

test('--previous: the body is read from a file, and a file that is not one of ours is refused', () => {
  const dir = tempDir();
  const yesterday = join(dir, 'body.md');
  writeFileSync(yesterday, renderIssue([aster()]));
  assert.match(issueBody([without(aster(), 'rootwrap:privsep')], yesterday), /- \[x\] Move &lt;aster&gt; rootwrap calls/);
  writeFileSync(join(dir, 'other.md'), '# Some other issue\n- [ ] a task\n');
  assert.throws(() => issueBody([aster()], join(dir, 'other.md')), /is not an issue body written by oslo-audit/);
  assert.throws(() => issueBody([aster()], join(dir, 'missing.md')), /cannot read it \(ENOENT\)/);
});

test('code spans keep their text: a requirement reads >=, not an HTML entity', () => {
  const body = renderIssue([
    { project: 'p', kind: 'migration', items: [{ id: 'incubator:log', title: 'log <soon>', done: false, detail: ['Add to requirements.txt: `oslo.log>=1.0`'], places: [] }] },
  ]);
  assert.match(body, /Add to requirements\.txt: `oslo\.log>=1\.0`/);
  assert.match(body, /log &lt;soon&gt;/);
});
