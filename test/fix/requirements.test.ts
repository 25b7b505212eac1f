import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { addRequirement } from '../../src/fix/index.js';
import { FIX_FIXTURES } from '../helpers/fix.js';

const dir = join(FIX_FIXTURES, 'requirements');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

const CASES: [string, string, string][] = [
  ['sorted-licence', 'oslo.serialization', '1.2.0'],
  ['oslo-block', 'oslo.concurrency', '0.3.0'],
  ['no-oslo', 'oslo.utils', '1.2.0'],
];

for (const [name, library, min] of CASES) {
  test(`requirements golden: ${name}`, () => {
    assert.equal(addRequirement(read(`${name}.before.txt`), library, min), read(`${name}.after.txt`));
  });
}

test('a library already required, under another spelling and with a marker, is not added again', () => {
  assert.ok(existsSync(join(dir, 'present-with-marker.before.txt')));
  assert.equal(addRequirement(read('present-with-marker.before.txt'), 'oslo.concurrency', '0.3.0'), null);
});

test('CRLF files keep CRLF, files without a final line break keep none, bare names stay bare', () => {
  assert.equal(addRequirement('pbr\r\noslo.config\r\n', 'oslo.utils', '1.2.0'), 'pbr\r\noslo.config\r\noslo.utils\r\n');
  assert.equal(addRequirement('pbr>=1.6\noslo.config>=2.0', 'oslo.utils', '1.2.0'), 'pbr>=1.6\noslo.config>=2.0\noslo.utils>=1.2.0');
  assert.equal(addRequirement('', 'oslo.utils', '1.2.0'), 'oslo.utils>=1.2.0\n');
});
