import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { scanCheckout } from '../../src/pipeline/index.js';
import { FINGERPRINT_KEY, KINDS, failedProject, makeReport, renderSarif, type Project } from '../../src/report/index.js';
import { commitsOf, SVC_HISTORY } from '../helpers/history.js';
import { fixtureRepo, repoWithHistory } from '../helpers/repo.js';
import { assertValidSarif } from '../helpers/sarif.js';

const NOW = new Date('2014-08-01T00:00:00Z');

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifRun {
  tool: { driver: { rules: { id: string; help: { text: string } }[] } };
  results: SarifResult[];
  originalUriBaseIds: Record<string, { uri?: string; description: { text: string } }>;
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[];
  properties: { droppedResults: number };
}

function sarifOf(projects: Project[], maxResults?: number): { log: { version: string; runs: SarifRun[] }; run: SarifRun } {
  const text = renderSarif(makeReport(projects, NOW), { maxResults });
  const log = JSON.parse(text) as { version: string; runs: SarifRun[] };
  assertValidSarif(log);
  return { log, run: log.runs[0]! };
}

async function scanned(fixture: string): Promise<Project> {
  const p = await scanCheckout({ path: await fixtureRepo(fixture) }, { activity: { now: NOW } });
  assert.equal(p.error, null);
  return p;
}

test('SARIF of several repositories validates against SARIF 2.1.0, with one rule per kind of migration finding', async () => {
  const aster = await scanned('aster');
  const birch = await scanned('birch');
  const { log, run } = sarifOf([aster, birch]);
  assert.equal(log.version, '2.1.0');
  const ruleIds: string[] = run.tool.driver.rules.map((r) => r.id);
  assert.deepEqual([...ruleIds], KINDS.filter((k) => k !== 'privsep-usage' && k !== 'oslo-requirement'));
  // Help names the library that replaces what was found.
  const help = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!.help.text;
  assert.match(help('namespace-import'), /oslo_config.*oslo\.config/);
  assert.match(help('rootwrap-call'), /oslo\.privsep/);
  assert.match(help('incubator-copy'), /oslo\.log/);

  const expected = [aster, birch].flatMap((p) => p.findings.filter((f) => ruleIds.includes(f.kind)));
  assert.equal(run.results.length, expected.length);
  for (const r of run.results) {
    assert.equal(ruleIds[r.ruleIndex], r.ruleId);
    assert.ok(!r.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('/'), 'paths are relative');
  }
  // One base per repository, each pointing at its checkout.
  const bases = Object.keys(run.originalUriBaseIds);
  assert.deepEqual(bases, ['SRCROOT_openstack_aster', 'SRCROOT_openstack_birch']);
  assert.equal(run.originalUriBaseIds['SRCROOT_openstack_aster']!.uri, pathToFileURL(aster.source + '/').href);
  const asterResults = run.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uriBaseId === 'SRCROOT_openstack_aster');
  assert.equal(asterResults.length, aster.findings.filter((f) => ruleIds.includes(f.kind)).length);

  const call = run.results.find((r) => r.ruleId === 'rootwrap-call')!;
  const finding = aster.findings.find((f) => f.kind === 'rootwrap-call')!;
  assert.equal(call.locations[0]!.physicalLocation.region!.startLine, finding.line);
  // Fingerprints tell every result apart.
  const fps = run.results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uriBaseId} ${r.partialFingerprints[FINGERPRINT_KEY]}`);
  assert.equal(new Set(fps).size, fps.length);
  assert.equal(run.invocations[0]!.executionSuccessful, true);
});

test('a single repository uses %SRCROOT%, and fingerprints stay the same when code moves down', async () => {
  const dir = await repoWithHistory(SVC_HISTORY, 'svc');
  const [first, second] = commitsOf(dir);
  const before = sarifOf([await scanCheckout({ path: dir, ref: first! })]).run;
  const after = sarifOf([await scanCheckout({ path: dir, ref: second! })]).run;
  assert.deepEqual(Object.keys(before.originalUriBaseIds), ['%SRCROOT%']);
  const lines = (run: SarifRun) => run.results.map((r) => r.locations[0]!.physicalLocation.region?.startLine ?? null);
  assert.notDeepEqual(lines(before), lines(after));
  const fps = (run: SarifRun) => run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]).sort();
  assert.deepEqual(fps(after), fps(before));
});

test('over the results limit, SARIF keeps the limit, says what it left out, and stays valid', async () => {
  const aster = await scanned('aster');
  const total = aster.findings.filter((f) => f.kind !== 'privsep-usage' && f.kind !== 'oslo-requirement').length;
  assert.ok(total > 5);
  const { run } = sarifOf([aster], 5);
  assert.equal(run.results.length, 5);
  assert.equal(run.properties.droppedResults, total - 5);
  const note = run.invocations[0]!.toolExecutionNotifications!.map((n) => n.message.text).join('\n');
  assert.match(note, new RegExp(`^${total - 5} results left out to stay within 5 results a run \\(`));
});

test('a project that failed is a notification, not a result', async () => {
  const failed = failedProject({ name: 'gone', repo: 'openstack/gone', source: '/nowhere/gone' }, { stage: 'resolve', message: 'not a git checkout' });
  const { run } = sarifOf([failed, await scanned('cedar')]);
  assert.equal(run.results.length, 0);
  assert.equal(run.invocations[0]!.executionSuccessful, false);
  assert.match(run.invocations[0]!.toolExecutionNotifications![0]!.message.text, /openstack\/gone was not scanned: error during resolve: not a git checkout/);
});
