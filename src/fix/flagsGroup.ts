// `self.flags(lock_path=x)` becomes `self.flags(lock_path=x, group='oslo_concurrency')` only if
// the project's test helper passes a group on. Nova's does (`group = kw.pop('group', None)`);
// manila's of 2014 set every keyword as an option of [DEFAULT], where `group` would fail with
// NoSuchOptError. A helper of that one-loop form learns the group the way nova's has it:
//
//     def flags(self, **kw):                     def flags(self, **kw):
//         for k, v in six.iteritems(kw):             group = kw.pop('group', None)
//             CONF.set_override(k, v)                for k, v in six.iteritems(kw):
//                                                        CONF.set_override(k, v, group)
//
// Any other helper that does not take a group refuses the swap (pure: tree in, edits out).

import type { SyntaxNode } from '../scan/index.js';
import { eolOf, indentAt, type Edit } from './edits.js';
import type { PythonAnalysis } from './python.js';

export interface FlagsHelper {
  line: number;
  /** True when it already takes a group. */
  takesGroup: boolean;
  /** The edits that make it take one, or null when its form is not the one-loop form. */
  extension: Edit[] | null;
}

function named(children: SyntaxNode[]): SyntaxNode[] {
  return children.filter((c) => c.type !== 'comment');
}

export function flagsHelpers(root: SyntaxNode, text: string): FlagsHelper[] {
  return root.descendantsOfType('function_definition').flatMap((def) => {
    if (def.childForFieldName('name')?.text !== 'flags') return [];
    const params = named(def.childForFieldName('parameters')?.namedChildren ?? []);
    const body = def.childForFieldName('body')!;
    const takesGroup = params.some((p) => p.text === 'group' || p.childForFieldName('name')?.text === 'group') || /['"]group['"]/.test(body.text);
    return [{ line: def.startPosition.row + 1, takesGroup, extension: takesGroup ? null : extension(params, body, text) }];
  });
}

function extension(params: SyntaxNode[], body: SyntaxNode, text: string): Edit[] | null {
  const kwargs = params[1];
  if (params.length !== 2 || params[0]!.text !== 'self' || kwargs?.type !== 'dictionary_splat_pattern') return null;
  const kw = kwargs.namedChildren[0]?.text ?? '';
  const statements = named(body.namedChildren);
  const docstring = statements[0]?.type === 'expression_statement' && statements[0].namedChildren[0]?.type === 'string';
  const loop = statements[docstring ? 1 : 0];
  if (!loop || statements.length !== (docstring ? 2 : 1) || loop.type !== 'for_statement') return null;
  const targets = loop.childForFieldName('left');
  const names = named(targets?.namedChildren ?? []).map((n) => n.text);
  if (targets?.type !== 'pattern_list' || names.length !== 2) return null;
  if (!loop.childForFieldName('right')?.descendantsOfType('identifier').some((id) => id.text === kw)) return null;
  const inner = named(loop.childForFieldName('body')?.namedChildren ?? []);
  const call = inner[0]?.namedChildren[0];
  const fn = call?.childForFieldName('function');
  const args = call?.childForFieldName('arguments');
  if (inner.length !== 1 || call?.type !== 'call' || fn?.childForFieldName('attribute')?.text !== 'set_override' || !args) return null;
  const values = named(args.namedChildren);
  if (values.map((v) => v.text).join(',') !== names.join(',')) return null;
  const indent = indentAt(text, loop.startIndex);
  return [
    { start: loop.startIndex, end: loop.startIndex, text: `group = ${kw}.pop('group', None)${eolOf(text)}${indent}` },
    { start: values[1]!.endIndex, end: values[1]!.endIndex, text: ', group' },
  ];
}

/**
 * Where a swap adds the group to `self.flags(…)` calls, the project's `flags` helpers must take it:
 * a helper of the one-loop form learns it (a site of the swap in the helper's file); any other
 * refuses the swap, with the reason, by key.
 */
export function flagsGroupSites(analyses: readonly { path: string; analysis: PythonAnalysis }[]): Map<string, { reason: string; file: string }> {
  const refused = new Map<string, { reason: string; file: string }>();
  const keys = [...new Set(analyses.flatMap(({ analysis }) => analysis.sites.filter((s) => s.flagsCall).flatMap((s) => s.keys)))].sort();
  if (keys.length === 0) return refused;
  // A call that already passes `group=` to a helper without one sets an option named group: it must stay so.
  const grouped = analyses.find(({ analysis }) => /\bflags\([^)]*\bgroup\s*=/.test(analysis.text));
  for (const { path, analysis } of analyses) {
    for (const helper of analysis.flags) {
      if (helper.takesGroup) continue;
      const edits = helper.extension;
      if (grouped) {
        for (const key of keys) refused.set(key, { reason: `${path} line ${helper.line}: flags() takes no group, and ${grouped.path} already passes one to it`, file: path });
        continue;
      }
      if (!edits) {
        for (const key of keys) refused.set(key, { reason: `${path} line ${helper.line}: flags() sets each keyword as an option and takes no group, in a form fix does not change`, file: path });
        continue;
      }
      analysis.sites.push({ keys, kind: 'option-group', render: (active) => (keys.some((k) => active.has(k)) ? edits : []) });
      keys.forEach((k) => analysis.keys.add(k));
    }
  }
  return refused;
}
