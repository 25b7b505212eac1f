// Remotes for batch tests: bare repositories by path and file:// URL, and smart HTTP through
// `git http-backend` behind a small server on 127.0.0.1.

import { spawn, spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCommits, type CommitSpec } from '../../src/git/index.js';
import { tempDir } from './tmp.js';

export interface Remote {
  /** The bare repository. */
  path: string;
  url: string;
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A bare repository `<root>/<name>.git` holding `commits`; also returns the work repo to add more. */
export async function bareRemote(root: string, name: string, commits: CommitSpec[]): Promise<Remote & { work: string }> {
  const work = join(root, 'work', name);
  await writeCommits(work, commits);
  const path = join(root, `${name}.git`);
  git(root, 'clone', '--quiet', '--bare', work, path);
  // Lets clients ask for partial clones and for single commits by id.
  git(path, 'config', 'uploadpack.allowFilter', 'true');
  git(path, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  return { path, url: pathToFileURL(path).href, work };
}

/** Pushes new commits of the work repo to its bare remote. */
export async function pushMore(remote: Remote & { work: string }, commits: CommitSpec[]): Promise<string> {
  const head = await writeCommits(remote.work, commits);
  git(remote.work, 'push', '--quiet', remote.path, 'HEAD:master');
  return head;
}

export function remotesRoot(): string {
  return tempDir('oslo-audit-remotes-');
}

export interface GitHttpServer {
  url: string;
  /** Request lines seen, `POST /nova.git/git-upload-pack`. */
  requests: string[];
  /** While set, upload-pack POSTs wait on it: lets a test interrupt a clone mid-transfer. */
  hold: Promise<void> | null;
  /** Resolves when a held request arrives. */
  held: Promise<void>;
  close(): Promise<void>;
}

/** Serves the bare repositories under `root` over smart HTTP. */
export async function gitHttpServer(root: string): Promise<GitHttpServer> {
  let heldArrived!: () => void;
  const state: GitHttpServer = {
    url: '',
    requests: [],
    hold: null,
    held: new Promise<void>((res) => (heldArrived = res)),
    close: async () => undefined,
  };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.requests.push(`${req.method} ${url.pathname}`);
    if (state.hold && req.method === 'POST' && url.pathname.endsWith('/git-upload-pack')) {
      heldArrived();
      await state.hold;
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => chunks.push(c));
    cgi.on('close', () => {
      const out = Buffer.concat(chunks);
      const split = out.indexOf('\r\n\r\n');
      const head = out.subarray(0, split).toString();
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n')) {
        const i = line.indexOf(':');
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = Number(v.split(' ')[0]);
        else if (k) headers[k] = v;
      }
      res.writeHead(status, headers);
      res.end(out.subarray(split + 4));
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () =>
    new Promise<void>((res) => {
      server.closeAllConnections();
      server.close(() => res());
    });
  return state;
}
