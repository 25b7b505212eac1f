import assert from 'node:assert/strict';
import { test } from 'node:test';
import { removeConfModules } from '../../src/fix/index.js';

const CONF = ['[DEFAULT]', '', '# modules to copy', 'module=jsonutils', 'module = timeutils', 'modules=gettextutils, timeutils,units', 'base=kite', ''].join('\n');

test('module= lines go whole; values of a modules= list go with their comma; the rest stays', () => {
  assert.equal(
    removeConfModules(CONF, new Set(['timeutils'])),
    ['[DEFAULT]', '', '# modules to copy', 'module=jsonutils', 'modules=gettextutils, units', 'base=kite', ''].join('\n'),
  );
  assert.equal(
    removeConfModules(CONF, new Set(['units', 'timeutils'])),
    ['[DEFAULT]', '', '# modules to copy', 'module=jsonutils', 'modules=gettextutils', 'base=kite', ''].join('\n'),
  );
  assert.equal(
    removeConfModules(CONF, new Set(['gettextutils', 'timeutils', 'units', 'jsonutils'])),
    ['[DEFAULT]', '', '# modules to copy', 'base=kite', ''].join('\n'),
  );
  assert.equal(removeConfModules(CONF, new Set(['log'])), CONF);
});
