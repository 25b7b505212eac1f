// Start-up loads only what a command uses: `--version`, `--help` and a command's `--help` must not load
// the UI, the GitHub client, the schema validator or the parser. Every module the process resolves
// (ES modules through a loader hook, CommonJS through require's cache) is recorded and checked.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const HEAVY = ['ink', 'react', 'react-reconciler', 'yoga-layout', '@octokit/rest', '@octokit/core', 'ajv', 'ajv-formats', 'tree-sitter', 'tree-sitter-python'];

function tracer(dir: string): { preload: string; out: string } {
  const out = join(dir, 'modules.txt');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, [
    "import { appendFileSync } from 'node:fs';",
    'export async function resolve(spec, ctx, next) {',
    '  const r = await next(spec, ctx);',
    `  appendFileSync(${JSON.stringify(out)}, r.url + '\\n');`,
    '  return r;',
    '}',
  ].join('\n'));
  const preload = join(dir, 'preload.mjs');
  writeFileSync(preload, [
    "import { register, createRequire } from 'node:module';",
    "import { appendFileSync } from 'node:fs';",
    `register(${JSON.stringify(pathToFileURL(hooks).href)});`,
    'const require = createRequire(import.meta.url);',
    `process.on('exit', () => appendFileSync(${JSON.stringify(out)}, Object.keys(require.cache).join('\\n') + '\\n'));`,
  ].join('\n'));
  writeFileSync(out, '');
  return { preload, out };
}

/** The npm packages a module list names, as `node_modules/<package>` segments. */
function packagesOf(list: string): Set<string> {
  const found = new Set<string>();
  for (const m of list.matchAll(/node_modules\/((?:@[^/\s]+\/)?[^/\s]+)/g)) found.add(m[1]!);
  return found;
}

for (const args of [['--version'], ['--help'], ['scan', '--help'], ['review', '--help'], ['checklist', '--help']]) {
  test(`oslo-audit ${args.join(' ')} loads none of ${HEAVY.join(', ')}`, async () => {
    const { preload, out } = tracer(tempDir());
    const r = await runCli(args, { env: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` } });
    assert.equal(r.code, 0, r.stderr);
    const loaded = packagesOf(readFileSync(out, 'utf8'));
    // The tracer itself must have seen the CLI's own modules, or the check below proves nothing.
    assert.ok(readFileSync(out, 'utf8').includes('/dist/bundle/main.js'), 'the module trace recorded nothing');
    for (const name of HEAVY) assert.ok(!loaded.has(name), `${name} was loaded`);
  });
}

test('the trace sees a heavy module when a command does load one', async () => {
  // `merge` validates each report against the schema, so it must load ajv: if the trace missed it, the
  // checks above would pass for the wrong reason.
  const dir = tempDir();
  const { preload, out } = tracer(dir);
  writeFileSync(join(dir, 'r.json'), '{"schemaVersion": 1}');
  const r = await runCli(['merge', join(dir, 'r.json')], { env: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` } });
  assert.equal(r.code, 2, r.stderr);
  assert.ok(packagesOf(readFileSync(out, 'utf8')).has('ajv'), 'ajv should have been loaded to validate the report');
});

test('a scan of a checkout runs from the bundle and loads the parser, but not the UI, the GitHub client, the schema validator or the YAML parser', async () => {
  const dir = tempDir();
  const { preload, out } = tracer(dir);
  const repo = await fixtureRepo('aster');
  const r = await runCli(['scan', repo, '--format', 'json', '--no-cache'], { env: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` } });
  assert.equal(r.code, 0, r.stderr);
  const trace = readFileSync(out, 'utf8');
  const loaded = packagesOf(trace);
  assert.ok(loaded.has('tree-sitter'), 'the scan parsed nothing');
  for (const name of ['ink', 'react', '@octokit/rest', 'ajv', 'yaml']) assert.ok(!loaded.has(name), `${name} was loaded`);
  // The project's own code: a few files of the bundle (the entry, the scan command and the chunks they
  // share), never the compiled modules one by one, which are over 200.
  const ours = new Set(trace.split('\n').filter((m) => m.includes('/dist/')));
  assert.ok(ours.has(pathToFileURL(join(packageRoot, 'dist', 'bundle', 'main.js')).href), 'the bundle did not run');
  assert.deepEqual([...ours].filter((m) => m.includes('/dist/src/')), [], 'modules of dist/src were loaded one by one');
  assert.ok(ours.size <= 24, `the scan loaded ${ours.size} files of the bundle`);
});
