// The long tokens the statement lexer reads by regular expressions: names, string literals, and the
// notable names it tells apart by shape. Each is pinned against what tree-sitter and Python read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledge } from '../../src/knowledge/index.js';
import { isNameStart, nameEnd, Odd, readString, type StringSpan } from '../../src/scan/pythonTokens.js';
import { KEYWORDS, notableAt, shapeOf, triggersOf } from '../../src/scan/triggers.js';

const span = (): StringSpan => ({ end: -1, rows: -1 });

test('a name runs over letters, digits, underscores and anything beyond ASCII, surrogate pairs included', () => {
  assert.equal(nameEnd('abc_9 = 1', 0), 5);
  assert.equal(nameEnd('x.y', 0), 1);
  assert.equal(nameEnd('café(1)', 0), 4);
  assert.equal(nameEnd('a\u{1d49c}b+c', 0), 4);
  assert.equal(nameEnd('  foo', 2), 5);
  assert.equal(nameEnd('q', 0), 1);
  for (const c of ['a', 'Z', '_', 'é']) assert.ok(isNameStart(c.charCodeAt(0)), c);
  for (const c of ['1', '.', ' ', '"', '$']) assert.ok(!isNameStart(c.charCodeAt(0)), c);
});

test('strings end at their own quote, past escapes, and count the lines they span', () => {
  const s = span();
  readString(`x = "a\\"b" + 1`, 4, 0, s);
  assert.deepEqual(s, { end: 10, rows: 0 });
  readString(`'it''s'`, 0, 0, s);
  assert.deepEqual(s, { end: 4, rows: 0 });
  const doc = '"""one\n"two" \\""" \'\'\'\r\nthree"""rest';
  readString(doc, 0, 0, s);
  assert.deepEqual(s, { end: doc.indexOf('rest'), rows: 2 });
  // An escaped line break joins lines inside a one-line string.
  readString("'a\\\nb' x", 0, 0, s);
  assert.deepEqual(s, { end: 6, rows: 1 });
  readString('`repr`', 0, 0, s);
  assert.deepEqual(s, { end: 6, rows: 0 });
  // Python 2 backquotes are never triple.
  readString('``x', 0, 0, s);
  assert.deepEqual(s, { end: 2, rows: 0 });
});

test('a string that never ends, or a lone carriage return in one, is odd, with the line it is on', () => {
  const s = span();
  assert.throws(() => readString('"abc\nd"', 0, 4, s), (e: unknown) => e instanceof Odd && /line 5/.test(e.message));
  assert.throws(() => readString('"""abc\n\ndef', 0, 0, s), (e: unknown) => e instanceof Odd && /unterminated string at line 3/.test(e.message));
  assert.throws(() => readString('"abc\\', 0, 0, s), Odd);
  assert.throws(() => readString('"""a\rb"""', 0, 0, s), /carriage return/);
});

test('every keyword and trigger is told apart by its shape, and plain names are not', () => {
  const triggers = triggersOf(knowledge());
  const names = [...KEYWORDS, ...triggers.importNames, ...triggers.anyNames].filter((n) => /^[A-Za-z_]\w*$/.test(n));
  for (const name of names) {
    const text = `(${name})`;
    assert.equal(notableAt(text, 1, 1 + name.length, triggers)?.name, name, name);
    // One character more or less is another name.
    assert.equal(notableAt(`${name}x`, 0, name.length + 1, triggers)?.name ?? null, names.includes(`${name}x`) ? `${name}x` : null);
  }
  for (const plain of ['self', 'oslox', 'osl', 'Import', 'café', 'x']) assert.equal(notableAt(plain, 0, plain.length, triggers), null, plain);
  assert.equal(shapeOf('é', 0, 1), -1);
  const entry = notableAt('run_as_root', 0, 11, triggers)!;
  assert.deepEqual([entry.anyName, entry.importName, entry.keyword], [true, false, false]);
  assert.deepEqual([notableAt('oslo', 0, 4, triggers)!.importName, notableAt('import', 0, 6, triggers)!.keyword], [true, true]);
});
