// SARIF 2.1.0 for code scanning (GitHub and others): one rule per kind of migration finding, results
// with paths relative to a base per repository, and fingerprints that survive code moving around.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { occurrenceFingerprints } from '../baseline.js';
import type { Finding, Kind, Project, Report } from '../types.js';
import { packRuleOf, packRules } from './sarifRules.js';

/** GitHub code scanning takes at most this many results in one run and drops the rest silently. */
export const GITHUB_MAX_RESULTS = 25_000;

/** The partialFingerprints key; a new version of the fingerprint gets a new key. */
export const FINGERPRINT_KEY = 'osloAudit/v1';

interface RuleText {
  name: string;
  short: string;
  full: string;
  help: string;
}

// Only what stands between a project and the libraries is a result; oslo.privsep use and Oslo
// requirements are adoption, not problems, and stay in the JSON report.
const RULES: Partial<Record<Kind, RuleText>> = {
  'incubator-copy': {
    name: 'IncubatorCopy',
    short: 'Copy of oslo-incubator code',
    full: 'A file inside a copy of oslo-incubator (<package>/openstack/common/). The incubator was retired in 2016; its modules graduated into Oslo libraries.',
    help: 'Delete the copy and depend on the library the module graduated to, named in each result (for example oslo.log for log, oslo.utils for timeutils, oslo.config for the config package, oslo.i18n for gettextutils, oslo.serialization for jsonutils). Modules dropped without a library name their replacement (for example six).',
  },
  'incubator-config': {
    name: 'IncubatorConfig',
    short: 'Module listed in openstack-common.conf',
    full: 'openstack-common.conf names an oslo-incubator module to copy into the project.',
    help: 'Remove the line once the copy is gone, and add the successor library named in the result (oslo.log, oslo.utils, oslo.concurrency, …) to requirements.txt. Delete openstack-common.conf when nothing is left in it.',
  },
  'incubator-import': {
    name: 'IncubatorImport',
    short: 'Import of an oslo-incubator copy',
    full: 'An import of a module from the project copy of oslo-incubator.',
    help: 'Import the successor library named in the result instead, for example `from oslo_log import log as logging` (oslo.log) in place of `from nova.openstack.common import log as logging`.',
  },
  'namespace-import': {
    name: 'NamespaceImport',
    short: 'Import through the retired oslo namespace package',
    full: 'An import through the oslo. namespace package, which the Oslo libraries dropped (oslo.config 2.0, oslo.messaging 2.0, …).',
    help: 'Import the same library under its current name: `from oslo_config import cfg` (oslo.config), `import oslo_messaging as messaging` (oslo.messaging), `from oslo_i18n import …` (oslo.i18n). The PyPI distribution keeps its name.',
  },
  'rootwrap-import': {
    name: 'RootwrapImport',
    short: 'Import of oslo.rootwrap',
    full: 'An import of oslo.rootwrap, which the community goal "Migrate from oslo.rootwrap to oslo.privsep" replaces.',
    help: 'Move the privileged operations to oslo.privsep entrypoints (a PrivContext and @context.entrypoint functions), then drop oslo.rootwrap from requirements.txt.',
  },
  'rootwrap-call': {
    name: 'RootwrapCall',
    short: 'Command run as root through rootwrap',
    full: 'A call with run_as_root or root_helper: the command runs as root through the rootwrap helper.',
    help: 'Replace the call with an oslo.privsep entrypoint that does the privileged work in Python, and delete its rootwrap filter.',
  },
  'rootwrap-config': {
    name: 'RootwrapConfig',
    short: 'rootwrap configuration',
    full: 'A rootwrap.conf, a rootwrap.d/*.filters file or a *-rootwrap console script.',
    help: 'Delete once every command it allows has moved to oslo.privsep; the oslo.privsep helper (privsep-helper) needs no filters.',
  },
};

const RULE_KINDS = Object.keys(RULES) as Kind[];

/** The uriBaseId of each project: `%SRCROOT%` alone, or one per repository when the report has several. */
function baseIds(projects: readonly Project[]): Map<Project, string> {
  const ids = new Map<Project, string>();
  const used = new Set<string>();
  for (const p of projects) {
    if (projects.length === 1) {
      ids.set(p, '%SRCROOT%');
      continue;
    }
    const stem = `SRCROOT_${(p.repo ?? p.name).replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    let id = stem;
    for (let n = 2; used.has(id); n++) id = `${stem}_${n}`;
    used.add(id);
    ids.set(p, id);
  }
  return ids;
}

/** Where a project's files are, when the report says: a local absolute path or a URL. */
function baseUri(source: string): string | undefined {
  if (/^https?:\/\//.test(source)) return source.endsWith('/') ? source : `${source}/`;
  if (isAbsolute(source)) return pathToFileURL(source.endsWith('/') ? source : `${source}/`).href;
  return undefined;
}

function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(f: Finding): object | undefined {
  if (f.line === null) return undefined;
  return { startLine: f.line, ...(f.column !== null ? { startColumn: f.column } : {}), ...(f.endLine !== null ? { endLine: f.endLine } : {}) };
}

export interface SarifOptions {
  /** At most this many results; the rest are left out and counted in a notification. */
  maxResults?: number;
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const maxResults = options.maxResults ?? GITHUB_MAX_RESULTS;
  const ids = baseIds(report.projects);
  const extra = packRules(report);
  const results: object[] = [];
  const dropped = new Map<Kind, number>();
  const notifications: object[] = [];

  for (const p of report.projects) {
    if (p.error) {
      notifications.push({
        level: 'error',
        descriptor: { id: 'project-failed' },
        message: { text: `${p.repo ?? p.name} was not scanned: error during ${p.error.stage}: ${p.error.message}` },
      });
      continue;
    }
    const fingerprints = occurrenceFingerprints(p.findings);
    p.findings.forEach((f, i) => {
      const pack = packRuleOf(f);
      const ruleIndex = pack ? RULE_KINDS.length + extra.findIndex((r) => r.id === pack.id) : RULE_KINDS.indexOf(f.kind);
      if (ruleIndex < 0) return;
      if (results.length >= maxResults) {
        dropped.set(f.kind, (dropped.get(f.kind) ?? 0) + 1);
        return;
      }
      const where = region(f);
      results.push({
        ruleId: pack?.id ?? f.kind,
        ruleIndex,
        level: pack?.level ?? 'warning',
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(f.file), uriBaseId: ids.get(p) }, ...(where ? { region: where } : {}) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] },
        properties: { project: p.name, repo: p.repo, detail: f.detail },
      });
    });
  }

  const droppedTotal = [...dropped.values()].reduce((a, b) => a + b, 0);
  if (droppedTotal > 0) {
    const byKind = [...dropped].map(([k, n]) => `${k} ${n}`).join(', ');
    notifications.push({
      level: 'warning',
      descriptor: { id: 'results-dropped' },
      message: { text: `${droppedTotal} results left out to stay within ${maxResults} results a run (${byKind}); the JSON report has them all.` },
    });
  }

  const originalUriBaseIds = Object.fromEntries(
    report.projects.map((p) => {
      const uri = baseUri(p.source);
      const description = `${p.repo ?? p.name}${p.commit ? ` at ${p.commit}` : ''}`;
      return [ids.get(p)!, { ...(uri ? { uri } : {}), description: { text: description } }];
    }),
  );

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: RULE_KINDS.map((kind) => {
              const r = RULES[kind]!;
              return {
                id: kind,
                name: r.name,
                shortDescription: { text: r.short },
                fullDescription: { text: r.full },
                help: { text: r.help, markdown: r.help },
                defaultConfiguration: { level: 'warning' },
                properties: { tags: ['oslo', 'maintainability'] },
              };
            }).concat(extra.map((r) => r.descriptor) as never[]),
          },
        },
        invocations: [
          {
            executionSuccessful: !report.projects.some((p) => p.error),
            endTimeUtc: report.generatedAt,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds,
        results,
        columnKind: 'unicodeCodePoints',
        properties: { droppedResults: droppedTotal },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
