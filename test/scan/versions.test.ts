// Scanning the versions of a path one after the other (a trend) spares work, never changes a result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random, pythonFile } from '../../bench/corpus.js';
import { knowledge } from '../../src/knowledge/index.js';
import { scanPythonText } from '../../src/scan/pythonFile.js';
import { triggersOf } from '../../src/scan/prefilter.js';
import { VersionPlanner } from '../../src/scan/versions.js';
import { mutate } from './fuzz.js';

const kb = knowledge();
const triggers = triggersOf(kb);

test('versions scanned path by path give what each gives alone', () => {
  const random = new Random(11);
  const planner = new VersionPlanner();
  let reused = 0;
  for (const path of ['nova/openstack/common/log.py', 'nova/api.py', 'nova/db/api.py']) {
    const imports = 'from oslo.config import cfg\nfrom nova.openstack.common import log as logging\nfrom nova.openstack.common import jsonutils\nfrom nova.openstack.common.mymod import helper\n';
    const call = '\n\ndef run(cmd):\n    return utils.execute(cmd, run_as_root=True)\n';
    let text = imports + pythonFile({ random, pkg: 'nova', era: 'transition', copies: [], py2: false }, 3000) + call;
    for (let version = 0; version < 25; version++) {
      // The copy lists change now and then; most versions change a line or two, away from the imports.
      const copyModules = version % 7 === 6 ? ['log'] : ['log', 'mymod'];
      const input = { file: path, text, copyModules };
      const alone = scanPythonText(input, { knowledge: kb, triggers });
      assert.deepEqual(scanPythonText(input, { knowledge: kb, triggers, planner }), alone, `${path} version ${version}`);
      if (random.chance(0.1)) text = mutate(text, random);
      else text = random.chance(0.8) ? `${text}\nx${version} = 1\n` : `import os\n${text}`;
      if (alone.parsed === 'fragments') reused++;
    }
  }
  assert.ok(reused > 20, `fragments met ${reused} times`);
});
