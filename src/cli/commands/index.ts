import type { Command, CommandEntry } from './types.js';

// The command table. Each command's module, and so every station and dependency it uses, is imported
// only when that command runs: `--help` and `--version` load nothing but this table.

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'scan',
    summary: 'scan repositories (checkouts, URLs, namespace/name, governance, GitHub orgs) for what stands between them and the Oslo libraries',
    load: async () => (await import('./scan.js')).scanCommand,
  },
  {
    name: 'review',
    summary: 'review projects in an interactive terminal UI: progress, findings with source and provenance, checklists, fixes and retirement',
    load: async () => (await import('./review.js')).reviewCommand,
  },
  {
    name: 'checklist',
    summary: 'migration checklists: the changes to propose per incubator module, namespace library and rootwrap use',
    load: async () => (await import('./checklist.js')).checklistCommand,
  },
  {
    name: 'fix',
    summary: 'rewrite namespace imports and swap drop-in incubator modules: print the diff, or commit it locally with --apply',
    load: async () => (await import('./fix.js')).fixCommand,
  },
  {
    name: 'retire',
    summary: 'retirement state of a repository, its checklist, and (--apply) the remaining changes as local commits',
    load: async () => (await import('./retire.js')).retireCommand,
  },
  {
    name: 'merge',
    summary: 'merge JSON reports (the shards of a batch) into one report',
    load: async () => (await import('./merge.js')).mergeCommand,
  },
  {
    name: 'provenance',
    summary: 'tell which oslo-incubator version each copied file came from, and what was changed locally',
    load: async () => (await import('./provenance.js')).provenanceCommand,
  },
  {
    name: 'trend',
    summary: 'scan each target at points of its history (release tags, dates, refs) and chart the burndown',
    load: async () => (await import('./trend.js')).trendCommand,
  },
  {
    name: 'demo',
    summary: 'build a demo workspace of OpenStack-like git repositories and review it (a table when not on a terminal)',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'rules',
    summary: 'test rule packs against their own snippets, or list the packs',
    load: async () => (await import('./rules.js')).rulesCommand,
  },
];
export type { Command, CommandEntry };
