// The prefilter decides what reaches tree-sitter; these tests pin what it keeps and what it drops,
// and that a file scanned through it gives exactly the findings of a whole-file parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledge } from '../../src/knowledge/index.js';
import { Random, pythonFile } from '../../bench/corpus.js';
import { planPython, textVerdict, triggersOf } from '../../src/scan/prefilter.js';
import { scanPythonText } from '../../src/scan/pythonFile.js';

const kb = knowledge();
const triggers = triggersOf(kb);

/** Scans a snippet both ways and insists on the same answer; returns how the prefilter parsed it. */
function same(text: string, file = 'nova/compute/manager.py', copyModules: string[] = []): { parsed: string; findings: string[] } {
  const input = { file, text, copyModules };
  const whole = scanPythonText(input, { knowledge: kb, triggers: null });
  const filtered = scanPythonText(input, { knowledge: kb, triggers });
  assert.deepEqual(filtered.findings, whole.findings, `findings differ for:\n${text}`);
  assert.deepEqual([...filtered.adopted].sort(), [...whole.adopted].sort(), `adopted libraries differ for:\n${text}`);
  return { parsed: filtered.parsed, findings: filtered.findings.map((f) => `${f.kind}@${f.line}:${f.column}-${f.endLine}`) };
}

test('trigger words come from the queries and the knowledge base, reduced to the fewest byte strings', () => {
  assert.ok(triggers.importNames.has('oslo') && triggers.importNames.has('openstack') && triggers.importNames.has('stevedore'));
  assert.ok(triggers.anyNames.has('run_as_root') && triggers.anyNames.has('PrivContext'));
  const literals = triggers.literals.map(String);
  assert.ok(literals.includes('oslo'));
  assert.ok(!literals.includes('oslo_utils'), 'oslo_utils is covered by oslo');
  assert.ok(!literals.includes('entrypoint_with_timeout'), 'covered by entrypoint');
});

test('text without a trigger or a relative import is not a candidate', () => {
  assert.deepEqual(textVerdict('import os\n\ndef f():\n    return os.getcwd()\n', triggers), { candidate: false, usesCopies: false });
  assert.deepEqual(textVerdict('from . import utils\n', triggers), { candidate: true, usesCopies: true });
  assert.deepEqual(textVerdict('from \\\n  ..db import api\n', triggers), { candidate: true, usesCopies: true });
  assert.deepEqual(textVerdict('from oslo_config import cfg\n', triggers), { candidate: true, usesCopies: false });
  assert.deepEqual(textVerdict('from nova.openstack.common import log\n', triggers), { candidate: true, usesCopies: true });
});

test('each literal alone makes a candidate, and the verdict agrees with searching for each literal in turn', () => {
  for (const literal of triggers.literals.map(String)) {
    assert.equal(textVerdict(`x = 1\n# ${literal}\n`, triggers).candidate, true, literal);
    assert.equal(textVerdict(`x = 1\n# ${literal.slice(0, -1)}\n`, triggers).candidate, triggers.literals.some((l) => `${literal.slice(0, -1)}`.includes(String(l))), `${literal} cut short`);
  }
  assert.deepEqual(textVerdict('from\t\\\r\n .x import y\n', triggers), { candidate: true, usesCopies: true });
  // Anywhere in the text, even a comment: the lexer decides later whether it is code.
  assert.deepEqual(textVerdict('x = 1  # from .5\n', triggers), { candidate: true, usesCopies: true });
  // A line break without a backslash does not join.
  assert.deepEqual(textVerdict('x = 1  # from\n.5\n', triggers), { candidate: false, usesCopies: false });
  assert.deepEqual(textVerdict('def f(x):\n    return x.frm\n', triggers), { candidate: false, usesCopies: false });
  const random = new Random(3);
  for (let seed = 0; seed < 300; seed++) {
    const text = pythonFile({ random, pkg: 'nova', era: random.pick(['legacy', 'transition', 'current'] as const), copies: ['log'], py2: random.chance(0.5) }, 800);
    const cut = text.replace(/oslo|openstack|run_as_root|PrivContext|entrypoint|from \./g, (m: string) => (random.chance(0.8) ? 'xx' : m));
    const bytes = Buffer.from(cut);
    const expected = bytes.includes('openstack') || /from[ \t]*\./.test(cut) || triggers.literals.some((l) => bytes.includes(l));
    assert.equal(textVerdict(cut, triggers).candidate, expected, `seed ${seed}`);
  }
});

test('a docstring or comment that mentions an import is never parsed as code', () => {
  const text = '"""Usage::\n\n    from oslo.config import cfg\n    utils.execute("ls", run_as_root=True)\n"""\n# from oslo.config import cfg\nimport os\n';
  assert.equal(planPython(text, triggers).kind, 'none');
  assert.deepEqual(same(text), { parsed: 'none', findings: [] });
  const strings = "x = 'from oslo.config import cfg'\ny = r'''run_as_root=True'''\nz = b\"PrivContext(\"\n";
  assert.deepEqual(same(strings), { parsed: 'none', findings: [] });
});

test('only the statements that name a trigger are parsed, at their own lines and columns', () => {
  const text = [
    '# header', //                                       1
    'import os', //                                      2
    'from oslo.config import cfg', //                    3
    '', //                                               4
    'class Driver(object):', //                          5
    '    def plug(self, dev):', //                       6
    '        """Plugs a device."""', //                  7
    '        if dev:', //                                8
    '            utils.execute("ip", "link", dev,', //   9
    '                          run_as_root=True)', //   10
    '        elif other(root_helper=h):', //            11
    '            pass', //                              12
    '        try:', //                                  13
    '            pass', //                              14
    '        except execute(run_as_root=True):', //     15
    '            pass', //                              16
    '', //                                              17
    '    @ctx.entrypoint', //                           18
    '    def priv(self):', //                           19
    '        return 1', //                              20
  ].join('\n') + '\n';
  const plan = planPython(text, triggers);
  assert.equal(plan.kind, 'fragments');
  const r = same(text);
  assert.equal(r.parsed, 'fragments');
  assert.deepEqual(r.findings, [
    'namespace-import@3:1-3',
    'rootwrap-call@9:13-10',
    'rootwrap-call@11:14-11',
    'rootwrap-call@15:16-15',
    'privsep-usage@18:5-18',
  ]);
  if (plan.kind === 'fragments') assert.ok(!plan.source.includes('import os'), 'statements without a trigger are not parsed');
});

test('Python 2 files are read through the prefilter like any other', () => {
  const text = [
    'from nova.openstack.common import log as logging',
    'from oslo import messaging',
    'print "hello %s" % name',
    'print >>sys.stderr, `x`',
    'exec "code" in ns',
    'try:',
    '    import json',
    'except ImportError, e:',
    '    from oslo.rootwrap import wrapper',
    'x = ur"unicode raw" + 0777 + 10L',
    'if a <> b: utils.execute("rm", run_as_root=True)',
  ].join('\n') + '\n';
  const r = same(text, 'nova/virt/disk.py', ['log']);
  assert.equal(r.parsed, 'fragments');
  assert.equal(r.findings.length, 5);
});

test('a file with a syntax error is parsed whole, so error recovery reads it as before', () => {
  // tree-sitter reads the import below as part of the broken expression: no finding in the whole file.
  const broken = 'x = 1 +\nfrom oslo.config import cfg\n';
  assert.equal(planPython(broken, triggers).kind, 'whole');
  assert.equal(same(broken).parsed, 'whole');
  for (const text of ['def main(:\n    from oslo.config import cfg\n', 'x = (1,\nfrom oslo import messaging\n', 's = "unterminated\nimport oslo.db\n', 'if x\n    import oslo.db\n']) {
    assert.equal(planPython(text, triggers).kind, 'whole', text);
    same(text);
  }
});

test('relative imports resolve against the path whatever they name', () => {
  same('from . import log\nfrom .common import jsonutils\nfrom ..openstack.common import timeutils\n', 'nova/openstack/common/db/api.py', ['log', 'jsonutils']);
  same('from . import log\n', 'nova/openstack/__init__.py', ['log']);
  const r = same('from .common import log\n', 'nova/openstack/__init__.py', ['log']);
  assert.equal(r.findings.length, 1);
  same('from . import wrapper\n', 'oslo_rootwrap/cmd.py');
});

test('f-strings hold code: a trigger inside their braces is parsed', () => {
  const r = same('msg = f"{utils.execute(\'ls\', run_as_root=True)}"\n');
  assert.deepEqual(r.findings, ['rootwrap-call@1:10-1']);
});

test('continuation clauses, one-line bodies, decorators with calls and odd layouts agree', () => {
  same('for x in y: execute(x, run_as_root=True)\nelse: execute(root_helper=h)\n');
  same('    \nclass A:\n    @entrypoint_with_timeout(5)\n    @other\n    def f(self): pass\n');
  same('def f(x=execute(run_as_root=True)):\n    return x\n');
  same('with f(root_helper=h) as g:\n    pass\n');
  same('import os; from oslo.config import cfg\n');
  same('x = [\n    execute(run_as_root=False),\n    execute(run_as_root=0),\n]\n');
  same('from oslo_utils import *\nimport stevedore\n');
  same('def f():\n\tif x:\n\t\tfrom oslo.db import api\n\treturn api\n');
  same('x = 1\r\nfrom oslo.config import cfg\r\n');
  same('match cmd:\n    case Foo(run_as_root=True):\n        pass\n');
  same('async def f():\n    async with g(root_helper=h):\n        pass\n');
  same('def f():\n    ...\nfrom oslo import config\n');
});
