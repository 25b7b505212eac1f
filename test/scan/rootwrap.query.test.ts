// queries/rootwrap.scm: calls with run_as_root (not the constant False) or root_helper.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsIn } from '../helpers/python.js';

const calls = (src: string) =>
  findingsIn(src).flatMap((f) => (f.kind === 'rootwrap-call' ? [`${f.line}-${f.endLine} ${f.detail.callee} ${f.detail.keyword}=${f.detail.value}`] : []));

test('run_as_root anywhere in the call; the line is where the call starts', () => {
  const src = ['utils.execute(', "    'ip', 'link',", '    run_as_root=True,', '    check_exit_code=[0, 2])', ''].join('\n');
  assert.deepEqual(calls(src), ['1-4 utils.execute run_as_root=True']);
});

test('any value but the constant False counts, including variables and expressions', () => {
  const src = ['self._execute(*cmd, run_as_root=run_as_root)', 'execute("a", run_as_root=not False)', 'execute("b", run_as_root=False)', ''].join('\n');
  assert.deepEqual(calls(src), ['1-1 self._execute run_as_root=run_as_root', '2-2 execute run_as_root=not False']);
});

test('root_helper keyword, whatever its value', () => {
  assert.deepEqual(calls("processutils.execute('ls', root_helper=helper)\nconnector.connect(root_helper='sudo x')\n"), [
    '1-1 processutils.execute root_helper=helper',
    "2-2 connector.connect root_helper='sudo x'",
  ]);
});

test('nested calls: the keyword belongs to the inner call only', () => {
  assert.deepEqual(calls('LOG.debug(fmt(x, run_as_root=True))\n'), ['1-1 fmt run_as_root=True']);
});

test('negative: parameters, dictionary keys, strings, comments, other keywords', () => {
  const src = [
    'def execute(*cmd, run_as_root=False, root_helper=None):',
    '    pass',
    "kwargs = {'run_as_root': True}",
    "doc = 'execute(x, run_as_root=True)'",
    '# execute(x, run_as_root=True)',
    'execute(x, as_root=True, run_as_rootx=True)',
    '',
  ].join('\n');
  assert.deepEqual(calls(src), []);
});

test('Python 2 code and a syntax error elsewhere do not hide a call', () => {
  const src = ['print "starting"', 'try:', '    pass', 'except OSError, e:', '    pass', 'def broken(:', "    utils.execute('rm', run_as_root=True)", 'exec "x = 1"', ''].join('\n');
  assert.deepEqual(calls(src), ['7-7 utils.execute run_as_root=True']);
});
