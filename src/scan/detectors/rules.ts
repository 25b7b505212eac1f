// Findings of the rules that are data (packs such as eventlet and rbac): every match of a rule's query
// is one finding at its `@finding` capture (or the capture the rule names), with the rule's message,
// what replaces it and its goal's references. Pure: looks only at the tree.

import type { Rule } from '../../knowledge/index.js';
import type { Finding } from '../../report/index.js';
import { makeFinding, spanOf } from '../finding.js';
import { holdsWord, ruleQuery, type SyntaxNode, type Tree } from '../treeSitter.js';

export type DataRule = Omit<Rule, 'testFile'>;

/** The message with `{name}` replaced by the text of capture `@name` (whitespace collapsed). */
function fill(template: string, captures: ReadonlyMap<string, SyntaxNode>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const node = captures.get(name);
    return node ? node.text.replace(/\s+/g, ' ') : whole;
  });
}

/** The nodes one rule's query places findings at in `tree`, each with its match's captures. */
export function ruleMatches(rule: DataRule, tree: Tree): { node: SyntaxNode; captures: Map<string, SyntaxNode> }[] {
  if (!holdsWord(tree, rule.words)) return [];
  const out: { node: SyntaxNode; captures: Map<string, SyntaxNode> }[] = [];
  const seen = new Set<number>();
  for (const m of ruleQuery(rule.query).matches(tree.rootNode)) {
    const captures = new Map<string, SyntaxNode>();
    for (const c of m.captures) if (!captures.has(c.name)) captures.set(c.name, c.node);
    const node = captures.get(rule.capture);
    // One finding per place: several patterns of a rule may match one node.
    if (!node || seen.has(node.startIndex)) continue;
    seen.add(node.startIndex);
    out.push({ node, captures });
  }
  return out;
}

export function detectRules(file: string, tree: Tree, rules: readonly DataRule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const { node, captures } of ruleMatches(rule, tree)) {
      const kind = rule.kind === 'adoption' ? 'goal-adoption' : 'goal-usage';
      findings.push(
        makeFinding(kind, file, spanOf(node), fill(rule.message, captures), {
          rule: rule.id,
          pack: rule.packs[0]!,
          goal: rule.goal,
          severity: rule.severity,
          replacement: fill(rule.replacement, captures),
          references: rule.references,
        }),
      );
    }
  }
  return findings;
}
