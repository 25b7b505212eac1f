// Review lines for an incubator module whose successor's API differs from the copy
// (`successor-api.tsv`): names moved, dropped, regrouped or deprecated. Pure.

import type { Knowledge } from '../knowledge/index.js';

/** What to review by hand where the successor's API differs from the copy (successor-api.tsv). */
export function apiReview(modules: string[], kb: Knowledge): string[] {
  return modules.flatMap((m) =>
    kb.apiChangesOf(m).map((c) => {
      const name = `\`${m}.${c.name}\``;
      switch (c.change) {
        case 'moved':
          return `Review: ${name} is \`${c.target}.${c.name}\` in ${c.library} ${c.since}: its uses change with the import (\`fix\` does this).`;
        case 'dropped':
          return `Review: ${c.library} has no ${name}: ${c.note}. Change its uses by hand (\`fix\` will not swap a file that uses it).`;
        case 'option-group':
          return `Review: ${c.library} registers \`${c.name}\` in the [${c.target}] group: overrides in code (\`set_override\`, \`flags(…)\`, \`CONF.${c.name}\`) name the group (\`fix\` adds it).`;
        case 'listed':
          return `Review: ${name} is not public in ${c.library}: ${c.note}. A module-level option listing takes them from \`${c.target}()\` (\`fix\` does this); other uses change by hand (\`fix\` will not swap a file with one).`;
        default:
          return `Review: ${name} is deprecated in ${c.library} ${c.since}: ${c.note}.`;
      }
    }),
  );
}

