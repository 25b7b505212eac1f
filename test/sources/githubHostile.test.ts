// A GitHub API that answers garbage, loops its pages, never answers, or echoes the token: one clear
// error for the organisation, within the timeout, with no token in it.

import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SourceError, targetsFromGitHubOrg } from '../../src/sources/index.js';
import { runCli } from '../helpers/cli.js';

const TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';

describe('hostile GitHub API answers', () => {
  let apiUrl = '';
  let requests = 0;
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const org = url.pathname.split('/')[2];
    const repo = (name: string, clone = `${apiUrl}/openstack/${name}.git`) => ({ name, full_name: `openstack/${name}`, clone_url: clone, default_branch: 'master' });
    const json = (body: unknown, headers: Record<string, string> = {}, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    switch (org) {
      case 'loop':
        return json([repo('nova')], { link: `<${apiUrl}${url.pathname}${url.search}>; rel="next"` });
      case 'loop2': {
        const page = url.searchParams.get('page') ?? '1';
        return json([repo(`r${page}`)], { link: `<${apiUrl}/orgs/loop2/repos?page=${page === '1' ? '2' : '1'}>; rel="next"` });
      }
      case 'many': {
        const page = Number(url.searchParams.get('page') ?? '1');
        return json([repo(`r${page}`)], { link: `<${apiUrl}/orgs/many/repos?page=${page + 1}>; rel="next"` });
      }
      case 'hang':
        hanging.push(res);
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html><body>Sign in</body></html>');
      case 'object':
        return json({ message: 'ok', items: [] });
      case 'nulls':
        return json([null]);
      case 'noclone':
        return json([{ name: 'nova', full_name: 'openstack/nova' }]);
      case 'fileurl':
        return json([repo('nova', 'file:///etc/secrets')]);
      case 'foreign':
        return json([repo('nova', 'https://elsewhere.example/openstack/nova.git')]);
      case 'echo':
        return json({ message: `Bad credentials: Authorization: ${req.headers.authorization}`, request_headers: req.headers }, {}, 500);
      case 'dup':
        return json([repo('nova'), { ...repo('nova-old'), clone_url: `${apiUrl}/openstack/nova.git` }, repo('cinder')]);
      default:
        return json({ message: 'Not Found' }, {}, 404);
    }
  });
  before(async () => {
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((res) => server.close(() => res()));
  });

  const rejects = (org: string, pattern: RegExp, extra: Parameters<typeof targetsFromGitHubOrg>[1] = {}) =>
    assert.rejects(targetsFromGitHubOrg(org, { apiUrl, ...extra }), (e: Error) => e instanceof SourceError && pattern.test(e.message) && !e.message.includes('\n'));

  test('a Link that points back to a page already read stops with a clear error', async () => {
    requests = 0;
    await rejects('loop', /listing loop: page 2 points back to a page already read \(a loop\); stopped/);
    assert.equal(requests, 1);
    await rejects('loop2', /listing loop2: page 4 points back to a page already read/);
  });

  test('pages are followed up to the limit', async () => {
    await rejects('many', /listing many: more than 5 pages; stopped/, { maxPages: 5 });
  });

  test('an API that never answers fails within the timeout', { timeout: 60_000 }, async () => {
    await rejects('hang', /no answer from the GitHub API at .* within 1 s listing hang \(--timeout\)/, { timeoutMs: 1000 });
  });

  test('garbage is one clear error naming the organisation', async () => {
    await rejects('html', /unexpected answer listing html \(page 1\): an HTML page, not a list of repositories/);
    await rejects('object', /unexpected answer listing object \(page 1\): an object, not a list of repositories/);
    await rejects('nulls', /unexpected answer listing nulls \(page 1\): entry 1 is null, not a repository/);
    await rejects('noclone', /listing noclone \(page 1\): openstack\/nova has no clone_url/);
  });

  test('a clone URL off the API site or on file:// is refused unless asked', async () => {
    await rejects('fileurl', /openstack\/nova has clone_url file:\/\/\/…, not on 127\.0\.0\.1; refused \(--github-any-clone-host allows it\)/);
    await rejects('foreign', /clone_url https:\/\/elsewhere\.example\/…, not on 127\.0\.0\.1; refused/);
    const allowed = await targetsFromGitHubOrg('foreign', { apiUrl, anyCloneHost: true });
    assert.deepEqual(allowed.map((t) => t.source), ['https://elsewhere.example/openstack/nova.git']);
  });

  test('repositories sharing a clone URL are scanned once and the merge is told', async () => {
    const notes: string[] = [];
    const targets = await targetsFromGitHubOrg('dup', { apiUrl, onNote: (n) => notes.push(n) });
    assert.deepEqual(targets.map((t) => t.repo), ['openstack/nova', 'openstack/cinder']);
    assert.deepEqual(notes, ['GitHub dup: openstack/nova-old has the clone URL of openstack/nova; scanned once, as openstack/nova']);
  });

  test('an error body echoing the token: no token in the message', async () => {
    await assert.rejects(targetsFromGitHubOrg('echo', { apiUrl, token: TOKEN }), (e: Error) => /GitHub API answered 500 listing echo/.test(e.message) && !e.message.includes(TOKEN) && !e.message.includes('0123456789abcdef'));
  });

  test('the CLI: --timeout bounds a silent API, one line, exit 2, no token anywhere', async () => {
    const hang = await runCli(['scan', '--github-org', 'hang', '--github-api', apiUrl, '--timeout', '1'], { env: { GITHUB_TOKEN: TOKEN } });
    assert.equal(hang.code, 2, hang.stderr);
    assert.equal(hang.stderr.trim().split('\n').length, 1);
    assert.match(hang.stderr, /^oslo-audit scan: no answer from the GitHub API at .* within 1 s listing hang/);
    const echo = await runCli(['scan', '--github-org', 'echo', '--github-api', apiUrl], { env: { GITHUB_TOKEN: TOKEN } });
    assert.equal(echo.code, 2, echo.stderr);
    assert.match(echo.stderr, /^oslo-audit scan: GitHub API answered 500 listing echo/);
    assert.ok(!`${echo.stdout}${echo.stderr}`.includes(TOKEN.slice(4, 20)));
  });
});
