import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyLineEdits, blockAt } from '../../src/retire/index.js';
import { removeBlock, YamlText } from '../../src/retire/yamlText.js';

const TEXT = ['# top', '- a: 1', '  b:', '    - x', '', '  # inner comment', '  c: 2', '', '- d: 3', ''].join('\n');

test('a block runs over deeper-indented lines and blank lines inside it, not trailing blanks', () => {
  const lines = TEXT.split('\n');
  assert.deepEqual(blockAt(lines, 2), { start: 2, end: 7 });
  assert.deepEqual(blockAt(lines, 9), { start: 9, end: 9 });
});

test('removing a block drops one blank line with it only when it sat between blank lines; other lines are untouched', () => {
  const lines = TEXT.split('\n');
  assert.equal(applyLineEdits(TEXT, [removeBlock(lines, blockAt(lines, 2))]), ['# top', '', '- d: 3', ''].join('\n'));
  const spaced = ['- a: 1', '', '- b: 2', '  c: 3', '', '- d: 4', ''];
  assert.equal(applyLineEdits(spaced.join('\n'), [removeBlock(spaced, blockAt(spaced, 3))]), ['- a: 1', '', '- d: 4', ''].join('\n'));
});

test('edits keep CRLF line endings, including on inserted lines', () => {
  const text = 'a: 1\r\nb: 2\r\n';
  assert.equal(applyLineEdits(text, [{ start: 2, end: 2, insert: ['b: 3', 'c: 4'] }]), 'a: 1\r\nb: 3\r\nc: 4\r\n');
});

test('overlapping edits are refused rather than applied wrongly', () => {
  assert.throws(() => applyLineEdits('a\nb\nc\n', [{ start: 1, end: 2, insert: [] }, { start: 2, end: 3, insert: [] }]), /overlapping/);
});

test('invalid YAML is a one-line error naming the file', () => {
  assert.throws(() => new YamlText('zuul/main.yaml', 'a: [1, 2\nb: }\n'), /^Error: zuul\/main.yaml: not valid YAML/);
});
