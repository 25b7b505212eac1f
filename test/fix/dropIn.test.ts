import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledge } from '../../src/knowledge/index.js';
import { readTsv } from '../../src/knowledge/index.js';
import { knowledgeDataDir } from '../../src/paths.js';
import { join } from 'node:path';

test('every drop-in agrees with the incubator table on its successor, and says why', () => {
  const kb = knowledge();
  const rows = readTsv(join(knowledgeDataDir, 'drop-in.tsv'));
  assert.ok(rows.length > 20);
  for (const row of rows) {
    const facts = kb.dropIn(row['module']!)!;
    assert.ok(facts.reason.length > 20, `${facts.module} has a reason`);
    if (!facts.dropIn) continue;
    const successor = kb.incubatorModule(facts.module)?.successor;
    assert.equal(successor?.import, facts.newImport, `${facts.module}: new import`);
    assert.equal(successor?.package, facts.library, `${facts.module}: library`);
    assert.match(facts.minVersion, /^\d+\.\d+\.\d+$/);
  }
  for (const module of ['jsonutils', 'timeutils', 'importutils', 'excutils', 'strutils', 'units', 'uuidutils', 'network_utils', 'lockutils', 'processutils']) {
    assert.equal(kb.dropIn(module)?.dropIn, true, `${module} is a drop-in`);
  }
  for (const module of ['log', 'gettextutils', 'db', 'rpc', 'service', 'policy']) {
    assert.equal(kb.dropIn(module)?.dropIn, false, `${module} is not a drop-in`);
  }
});
