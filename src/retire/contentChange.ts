// The change that empties the repository: everything but README.rst and .gitreview goes, and the README
// says the project is no longer maintained.

import { KEPT_FILES, type RetireInputs } from './inputs.js';
import type { FileEdit, PlannedChange, PlanOptions } from './plan.js';

/** The README a retired repository keeps (the infra manual's wording, with an optional pointer to an alternative). */
function retiredReadme(alternative?: { name: string; url: string } | null): string {
  const lines = [
    'This project is no longer maintained.',
    '',
    'The contents of this repository are still available in the Git',
    'source code management system.  To see the contents of this',
    'repository before it reached its end of life, please check out the',
    'previous commit with "git checkout HEAD^1".',
    '',
  ];
  if (alternative) lines.push(`For an alternative project, please see ${alternative.name} at`, `${alternative.url}`, '');
  lines.push(
    'For any further questions, please email',
    'openstack-discuss@lists.openstack.org or join #openstack-dev on',
    'OFTC.',
  );
  return `${lines.join('\n')}\n`;
}

export function contentChange(inputs: RetireInputs, options: PlanOptions): PlannedChange {
  const { repository } = inputs;
  const files: Record<string, string | null> = {};
  const edits: FileEdit[] = [];
  for (const f of repository.files) {
    if ((KEPT_FILES as readonly string[]).includes(f)) continue;
    files[f] = null;
    edits.push({ file: f, action: 'delete', hunks: [] });
  }
  const readme = retiredReadme(options.alternative);
  if (repository.readme !== readme) {
    files['README.rst'] = readme;
    const old = repository.readme === null ? [] : repository.readme.replace(/\n$/, '').split('\n');
    edits.push({ file: 'README.rst', action: repository.readme === null ? 'create' : 'edit', hunks: [{ line: 1, removed: old, added: readme.replace(/\n$/, '').split('\n') }] });
  }
  const name = repository.repo.split('/').pop()!;
  return {
    step: 'content-removed',
    target: 'repository',
    subject: `Retire ${name}: remove project content`,
    body: [
      'This project is no longer maintained. Remove everything but README.rst and .gitreview, and say so in the README, as the infra manual describes for retiring a repository.',
    ],
    files,
    edits,
  };
}
