// `--output` into something that is not a regular file (a pipe, /dev/null, /dev/stdout) writes into it:
// the atomic temp-file-and-rename used for files would replace the device or pipe with a file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

test('--output naming a pipe writes the report into the pipe and leaves it a pipe', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  const fifo = join(dir, 'report.pipe');
  execFileSync('mkfifo', [fifo]);
  const repo = await fixtureRepo('aster');
  // The reader must be there before the writer opens the pipe.
  const chunks: Buffer[] = [];
  const read = new Promise<string>((resolve, reject) => {
    const s = createReadStream(fifo);
    s.on('data', (c) => chunks.push(c as Buffer));
    s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    s.on('error', reject);
  });
  const r = await runCli(['scan', repo, '--format', 'json', '--output', fifo]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(await read) as { projects: { name: string }[] };
  assert.equal(report.projects[0]!.name, 'aster');
  assert.ok(lstatSync(fifo).isFIFO(), 'the pipe is still a pipe');
});

test('--output naming a regular file still replaces it whole', async () => {
  const dir = tempDir();
  const out = join(dir, 'report.json');
  writeFileSync(out, 'old');
  const r = await runCli(['scan', await fixtureRepo('cedar'), '--format', 'json', '--output', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(lstatSync(out).isFile());
  assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { projects: unknown[] }).projects.length, 1);
});
