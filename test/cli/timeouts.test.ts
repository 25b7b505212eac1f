// A git remote that accepts the connection and never says a word: that target fails at the timeout,
// the batch goes on, and no git process outlives the run.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { packageRoot } from '../../src/paths.js';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

/** Command lines of the processes now running that mention `text`. */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
      if (cmd.includes(text) && state !== 'Z') found.push(`${pid}: ${cmd}`);
    } catch {
      /* ended meanwhile */
    }
  }
  return found;
}

/** A TCP server on 127.0.0.1 that accepts connections and never says a word, for the length of `body`. */
async function withSilentRemote(body: (port: number, sockets: Socket[]) => Promise<void>): Promise<void> {
  const sockets: Socket[] = [];
  const silent = createServer((s) => void sockets.push(s));
  await new Promise<void>((res) => silent.listen(0, '127.0.0.1', res));
  try {
    await body((silent.address() as AddressInfo).port, sockets);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((res) => silent.close(() => res()));
  }
}

test('a silent git remote fails at --timeout; the other targets are scanned; no git left running', { timeout: 120_000 }, async () => {
  await withSilentRemote(async (port, sockets) => {
    const aster = await fixtureRepo('aster');
    const url = `http://127.0.0.1:${port}/openstack/silent.git`;
    const r = await runCli(['scan', url, aster, '--timeout', '2', '--cache-dir', tempDir(), '-f', 'json', '--quiet']);
    assert.equal(r.code, 3, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.projects[0].error.stage, 'clone');
    assert.match(report.projects[0].error.message, /timed out: nothing from the remote for 2 s \(--timeout\)/);
    assert.equal(report.projects[1].error, null);
    assert.ok(report.projects[1].findings.length > 0);
    assert.ok(sockets.length > 0, 'git did connect');
    assert.deepEqual(processesMentioning(`127.0.0.1:${port}`), []);
  });
});

test('Ctrl-C during a clone that hangs: exit 130, no report, no git left running', { timeout: 120_000 }, async () => {
  await withSilentRemote(async (port, sockets) => {
    const url = `http://127.0.0.1:${port}/openstack/hangs.git`;
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'oslo-audit.js'), 'scan', url, '--cache-dir', tempDir(), '-f', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
    // Once git has connected, the clone is under way.
    while (sockets.length === 0) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    assert.equal(await exited, 130, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /interrupted; no report written/);
    assert.deepEqual(processesMentioning(`127.0.0.1:${port}`), []);
  });
});

test('SIGTERM during a clone that hangs: the run ends by the signal, and its git with it', { timeout: 120_000 }, async () => {
  await withSilentRemote(async (port, sockets) => {
    const url = `http://127.0.0.1:${port}/openstack/hangs.git`;
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'oslo-audit.js'), 'scan', url, '--cache-dir', tempDir()], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('close', (_code, signal) => res(signal)));
    while (sockets.length === 0) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM');
    // Killed before the run ended; the kernel may take a moment to finish them off.
    for (let i = 0; i < 50 && processesMentioning(`127.0.0.1:${port}`).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(processesMentioning(`127.0.0.1:${port}`), []);
  });
});
