// Lexing a version from the one before must give exactly what lexing it alone gives: the same kept
// lines, the same Odd, whatever the two texts are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random, pythonFile } from '../../bench/corpus.js';
import { knowledge } from '../../src/knowledge/index.js';
import { logicalLines, type LexMemo } from '../../src/scan/logicalLines.js';
import { planPython, triggersOf } from '../../src/scan/prefilter.js';
import { VersionPlanner } from '../../src/scan/versions.js';
import { mutate } from './fuzz.js';

const triggers = triggersOf(knowledge());

/** The kept lines of `text`, or the Odd's message. */
function lex(text: string, memo?: LexMemo): unknown {
  try {
    return logicalLines(text, triggers, memo);
  } catch (e) {
    return `odd: ${(e as Error).message}`;
  }
}

/** The record of lexing `text` alone (null when it is odd). */
function recordOf(text: string): LexMemo['out'] {
  const memo: LexMemo = { record: true };
  lex(text, memo);
  return memo.out ?? null;
}

/** Edits that keep most of a text: a line changed, removed, added or moved, an indentation changed. */
function edit(text: string, random: Random): string {
  const lines = text.split('\n');
  for (let k = random.int(1, 4); k > 0; k--) {
    const at = random.int(0, lines.length - 1);
    switch (random.int(0, 5)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, lines[random.int(0, lines.length - 1)]!);
        break;
      case 2:
        lines[at] = `    ${lines[at]}`;
        break;
      case 3:
        lines.splice(at, 0, random.pick(['    @property', 'def added(self):', '        return run_as_root', 'from oslo.config import cfg', '"""', '    x = (1,', '']));
        break;
      case 4:
        lines[at] = lines[at]!.replace(/\w+/, 'oslo');
        break;
      default: {
        const [moved] = lines.splice(at, random.int(1, 12));
        lines.splice(random.int(0, lines.length), 0, moved!);
      }
    }
  }
  return lines.join('\n');
}

test('a version lexed from the one before gives what it gives alone', () => {
  let taken = 0;
  let odd = 0;
  for (let seed = 1; seed <= 1200; seed++) {
    const random = new Random(seed);
    const era = random.pick(['legacy', 'transition', 'current'] as const);
    const first = pythonFile({ random, pkg: 'nova', era, copies: ['log'], py2: random.chance(0.5) }, random.int(500, 6000));
    // Edited as releases do, or broken as the mutation tests break files; sometimes with line ends changed.
    let next = random.chance(0.7) ? edit(first, random) : mutate(first, random);
    if (random.chance(0.05)) next = next.replace(/\n/g, '\r\n');
    const base = recordOf(first);
    if (!base) continue;
    const memo: LexMemo = { base, record: true };
    const alone = lex(next);
    assert.deepEqual(lex(next, memo), alone, `seed ${seed}`);
    if (typeof alone === 'string') odd++;
    else {
      // Its own record then serves the version after it as well.
      const after = edit(next, random);
      assert.ok(memo.out, `seed ${seed}: a record`);
      assert.deepEqual(lex(after, { base: memo.out }), lex(after), `seed ${seed}, the version after`);
      // Statements taken from the base share its records of the open blocks (the same objects).
      const shared = new Set(base.blocks);
      if (memo.out.blocks.some((b) => shared.has(b))) taken++;
    }
  }
  assert.ok(taken > 250 && odd > 20, `both kinds met (${taken} lexed in part from their base, ${odd} odd)`);
});

test('a run is taken only where the states agree: the same text after another indentation or decorator', () => {
  const body = '    def f(self):\n        return run_as_root\n';
  const cases = [
    ['class A(object):\n' + body, 'if True:\n    class A(object):\n' + body.replace(/^/gm, '    ')],
    ['class A(object):\n' + body, 'class A(object):\n    @staticmethod\n' + body],
    ['from oslo.config import cfg\nx = 1\n', 'x = (\nfrom oslo.config import cfg\nx = 1\n'],
    ['x = """\nfrom oslo.config import cfg\n"""\n', 'x = 1\nfrom oslo.config import cfg\n"""\n'],
    // The statement before differs only in its first token, or in whether it was kept.
    ['x = 1\nfoo()\ny = 2\n', '@dec\nfoo()\ny = 2\n'],
    ['@priv.entrypoint\ndef f():\n    pass\n', '@other\ndef f():\n    pass\n'],
    ['@other\ndef f():\n    pass\n', '@priv.entrypoint\ndef f():\n    pass\n'],
  ];
  for (const [before, after] of cases) {
    const base = recordOf(before!);
    assert.ok(base);
    assert.deepEqual(lex(after!, { base }), lex(after!), after);
  }
});

test('VersionPlanner plans each version as planPython does, from the last version of the same path', () => {
  const random = new Random(3);
  const planner = new VersionPlanner();
  let text = pythonFile({ random, pkg: 'nova', era: 'legacy', copies: ['log'], py2: false }, 8000);
  for (let version = 0; version < 30; version++) {
    for (const path of ['nova/a.py', 'nova/b.py']) {
      assert.deepEqual(planner.plan(path, text, triggers), planPython(text, triggers), `${path} version ${version}`);
    }
    text = random.chance(0.2) ? mutate(text, random) : edit(text, random);
  }
});
