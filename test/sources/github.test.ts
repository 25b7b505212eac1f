import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { SourceError, targetsFromGitHubOrg, type GitHubEntry } from '../../src/sources/index.js';

interface Behaviour {
  /** Answers the first request for this page with a rate limit resetting `resetIn` seconds later. */
  limitPage?: number;
  resetIn?: number;
  status429?: boolean;
}

function repo(i: number, site: string) {
  return {
    name: `repo${i}`,
    full_name: `openstack/repo${i}`,
    clone_url: `${site}/openstack/repo${i}.git`,
    archived: i % 3 === 0,
    pushed_at: `2016-0${(i % 9) + 1}-01T00:00:00Z`,
    default_branch: i === 4 ? 'main' : 'master',
  };
}

/** A GitHub REST API for `GET /orgs/openstack/repos`: 5 repositories, 2 a page, with Link headers. */
async function fakeGitHub(behaviour: Behaviour = {}) {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  let limited = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ url: url.pathname + url.search, headers: req.headers });
    if (url.pathname !== '/orgs/openstack/repos') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    if (behaviour.limitPage === page && !limited) {
      limited = true;
      const reset = Math.floor(Date.now() / 1000) + (behaviour.resetIn ?? 1);
      res.writeHead(behaviour.status429 ? 429 : 403, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) });
      res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
      return;
    }
    const all = [1, 2, 3, 4, 5].map((i) => repo(i, `http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orgs/openstack/repos?per_page=2`;
    const last = 3;
    const links = [page < last ? `<${base}&page=${page + 1}>; rel="next"` : '', `<${base}&page=${last}>; rel="last"`].filter(Boolean).join(', ');
    res.writeHead(200, { 'content-type': 'application/json', link: links });
    res.end(JSON.stringify(all.slice((page - 1) * 2, page * 2)));
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { apiUrl, seen, close: () => new Promise<void>((res) => server.close(() => res())) };
}

test('an organisation is listed across pages, with archived, pushed_at and default branch', async () => {
  const gh = await fakeGitHub();
  try {
    const targets = await targetsFromGitHubOrg('openstack', { apiUrl: gh.apiUrl, token: 'ghp_s3cr3t' });
    assert.deepEqual(targets.map((t) => t.repo), ['openstack/repo1', 'openstack/repo2', 'openstack/repo3', 'openstack/repo4', 'openstack/repo5']);
    assert.equal(gh.seen.length, 3);
    assert.deepEqual(targets[2]!.extra?.['github'] as GitHubEntry, { archived: true, pushedAt: '2016-04-01T00:00:00Z', defaultBranch: 'master' });
    assert.equal(targets[3]!.ref, 'main');
    assert.equal(targets[0]!.source, `${gh.apiUrl}/openstack/repo1.git`);
    assert.ok(gh.seen.every((r) => r.headers.authorization === 'token ghp_s3cr3t'));
    const skipped = await targetsFromGitHubOrg('openstack', { apiUrl: gh.apiUrl, skipArchived: true });
    assert.deepEqual(skipped.map((t) => t.name), ['repo1', 'repo2', 'repo4', 'repo5']);
    assert.equal(gh.seen.at(-1)!.headers.authorization, undefined);
  } finally {
    await gh.close();
  }
});

test('a rate limit that resets soon is waited out and the same page asked again', async () => {
  for (const status429 of [false, true]) {
    const gh = await fakeGitHub({ limitPage: 2, resetIn: 2, status429 });
    try {
      const waits: number[] = [];
      const told: Date[] = [];
      const targets = await targetsFromGitHubOrg('openstack', {
        apiUrl: gh.apiUrl,
        maxWaitMs: 60_000,
        sleep: async (ms) => void waits.push(ms),
        onWait: (reset) => told.push(reset),
      });
      assert.equal(targets.length, 5);
      assert.equal(waits.length, 1);
      assert.ok(waits[0]! > 0 && waits[0]! <= 4000, `waited ${waits[0]} ms`);
      assert.equal(told.length, 1);
      assert.deepEqual(gh.seen.map((r) => new URL(r.url, 'http://x').searchParams.get('page')), [null, '2', '2', '3']);
    } finally {
      await gh.close();
    }
  }
});

test('a rate limit that resets later stops the listing with the reset time', async () => {
  const gh = await fakeGitHub({ limitPage: 1, resetIn: 3600 });
  try {
    await assert.rejects(
      targetsFromGitHubOrg('openstack', { apiUrl: gh.apiUrl, maxWaitMs: 5000, token: 'ghp_s3cr3t', sleep: async () => assert.fail('must not wait') }),
      (e: Error) => e instanceof SourceError && /rate limit reached while listing openstack; it resets at \d{4}-\d\d-\d\dT/.test(e.message) && !e.message.includes('s3cr3t'),
    );
  } finally {
    await gh.close();
  }
});

test('an unknown organisation and an unreachable API are clear errors', async () => {
  const gh = await fakeGitHub();
  await assert.rejects(targetsFromGitHubOrg('nosuchorg', { apiUrl: gh.apiUrl }), /GitHub organisation nosuchorg not found/);
  await gh.close();
  await assert.rejects(targetsFromGitHubOrg('openstack', { apiUrl: gh.apiUrl }), /cannot reach the GitHub API/);
  await assert.rejects(targetsFromGitHubOrg('--evil', { apiUrl: gh.apiUrl }), /not a GitHub organisation name/);
});
