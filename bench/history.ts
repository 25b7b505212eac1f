// Repositories with long histories, written quickly with `git fast-import`: one shaped like nova in
// January 2015 (about 1,400 Python files, 15 MB, 30,000 commits: each change a reviewed commit
// merged by the CI bot, with a sync from oslo-incubator every few hundred changes), and one shaped
// like oslo-incubator (thousands of versions of the files below `openstack/common/`). Deterministic
// from a seed, dated, and made without a work tree until the end.

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Random, pythonFile, repositoryFiles } from './corpus.js';

const HUMANS = Array.from({ length: 300 }, (_, i) => `Developer ${i} <dev${i}@example.org>`);
const CI_BOT = 'Jenkins <jenkins@review.openstack.org>';
const DIRS = ['api', 'compute', 'db', 'cmd', 'common', 'network', 'scheduler', 'objects', 'tests/unit', 'tests/functional', 'conductor', 'virt'];

/** A fast-import stream, written as it is made: the history never sits in memory as a whole. */
class Stream {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly flush: (data: Buffer) => Promise<void>) {}

  async write(text: string | Buffer): Promise<void> {
    const b = typeof text === 'string' ? Buffer.from(text) : text;
    this.chunks.push(b);
    this.size += b.length;
    if (this.size > 1 << 20) await this.end();
  }

  async data(content: string | Buffer): Promise<void> {
    const b = typeof content === 'string' ? Buffer.from(content) : content;
    await this.write(`data ${b.length}\n`);
    await this.write(b);
    await this.write('\n');
  }

  async end(): Promise<void> {
    const all = Buffer.concat(this.chunks);
    this.chunks.length = 0;
    this.size = 0;
    await this.flush(all);
  }
}

async function git(dir: string, args: string[], input?: (stream: Stream) => Promise<void>): Promise<void> {
  const child = spawn('git', args, { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const closed = new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  if (input) {
    const stream = new Stream((data) => new Promise((done, fail) => child.stdin.write(data, (e) => (e ? fail(e) : done()))));
    await input(stream);
    await stream.end();
  }
  child.stdin.end();
  if ((await closed) !== 0) throw new Error(`git ${args[0]}: ${err.trim()}`);
}

const person = (who: string, seconds: number): string => `${who} ${seconds} +0000`;

async function commit(s: Stream, c: { mark: number; who: string; at: number; message: string; from?: number; merge?: number; files: Record<string, string> }): Promise<void> {
  await s.write(`commit refs/heads/master\nmark :${c.mark}\nauthor ${person(c.who, c.at)}\ncommitter ${person(c.who, c.at)}\n`);
  await s.data(c.message);
  if (c.from) await s.write(`from :${c.from}\n`);
  if (c.merge) await s.write(`merge :${c.merge}\n`);
  for (const [path, text] of Object.entries(c.files)) {
    await s.write(`M 100644 inline ${path}\n`);
    await s.data(text);
  }
}

/**
 * Writes a repository at `dir` whose history `history` streams into `git fast-import`, drawing on one
 * `Random` from `seed`, and checks it out.
 */
async function writeRepository(dir: string, seed: number, history: (s: Stream, random: Random) => Promise<void>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await git(dir, ['init', '-q', '--initial-branch=master']);
  const random = new Random(seed);
  await git(dir, ['fast-import', '--quiet'], (s) => history(s, random));
  await git(dir, ['checkout', '-q', '-f', 'master']);
}

export interface NovaLikeSpec {
  seed: number;
  pythonFiles: number;
  averageSize: number;
  /** Reviewed changes; each is two commits (the change and its merge). */
  changes: number;
}

export const NOVA_LIKE: NovaLikeSpec = { seed: 2015, pythonFiles: 1400, averageSize: 10_700, changes: 15_000 };

/** Writes a nova-like repository with a long history at `dir` and checks it out. */
export async function writeNovaLike(dir: string, spec: NovaLikeSpec = NOVA_LIKE): Promise<void> {
  await writeRepository(dir, spec.seed, async (s, random) => {
    const files = repositoryFiles(random, { name: 'nova', era: 'transition', pythonFiles: spec.pythonFiles }, spec.averageSize) as Record<string, string>;
    const copies = Object.keys(files).filter((p) => p.includes('/openstack/common/') && p.endsWith('.py') && !p.endsWith('__init__.py'));
    const start = Date.parse('2010-08-01T00:00:00Z') / 1000;
    const end = Date.parse('2015-01-31T00:00:00Z') / 1000;
    const step = Math.floor((end - start) / (spec.changes + 1));
    await commit(s, { mark: 1, who: HUMANS[0]!, at: start, message: 'Initial import', files });
    let main = 1;
    let mark = 2;
    const synced = new Map<string, number>();
    for (let k = 1; k <= spec.changes; k++) {
      const at = start + k * step;
      const who = random.pick(HUMANS);
      let change: Record<string, string>;
      let message: string;
      if (copies.length > 0 && k % 250 === 0) {
        // A sync from the incubator: one copied module changes.
        const path = random.pick(copies);
        const n = (synced.get(path) ?? 0) + 1;
        synced.set(path, n);
        change = { [path]: `${files[path]}\n# synced ${n}\n` };
        message = `Sync ${path.split('/').pop()!.replace('.py', '')} from oslo-incubator`;
      } else {
        change = { [`nova/${DIRS[k % DIRS.length]}/CHANGES.txt`]: `change ${k}\n` };
        message = `Change ${k}: ${random.pick(['Fix', 'Add', 'Remove', 'Refactor'])} ${random.pick(['instance', 'volume', 'network', 'host'])} handling`;
      }
      const side = mark++;
      await commit(s, { mark: side, who, at, message, from: main, files: change });
      const merge = mark++;
      await commit(s, { mark: merge, who: CI_BOT, at: at + 600, message: `Merge "${message}"`, from: main, merge: side, files: change });
      main = merge;
    }
  });
}

export interface IncubatorLikeSpec {
  seed: number;
  /** Files below `openstack/common/`. */
  modules: number;
  /** Versions of each file. */
  versions: number;
  averageSize: number;
}

export const INCUBATOR_LIKE: IncubatorLikeSpec = { seed: 2013, modules: 60, versions: 40, averageSize: 14_000 };

/** Writes an oslo-incubator-like repository: every module's versions, one commit each, on the mainline. */
export async function writeIncubatorLike(dir: string, spec: IncubatorLikeSpec = INCUBATOR_LIKE): Promise<void> {
  await writeRepository(dir, spec.seed, async (s, random) => {
    const names = ['log', 'jsonutils', 'timeutils', 'importutils', 'excutils', 'gettextutils', 'lockutils', 'fileutils', 'uuidutils', 'strutils', 'processutils', 'loopingcall', 'service', 'network_utils', 'local', 'policy', 'periodic_task', 'threadgroup', 'eventlet_backdoor', 'context'];
    const modules = Array.from({ length: spec.modules }, (_, i) => `${names[i % names.length]}${i < names.length ? '' : `_${i}`}.py`);
    const texts = new Map(modules.map((m) => [m, pythonFile({ random, pkg: 'openstack', era: 'legacy', copies: [], py2: random.chance(0.5) }, spec.averageSize)]));
    let at = Date.parse('2011-06-01T00:00:00Z') / 1000;
    let mark = 0;
    for (let v = 0; v < spec.versions; v++) {
      for (const m of modules) {
        // Each version adds a small function before one of the file's top-level definitions, or
        // replaces one it added earlier: a few lines, still valid Python, as most incubator commits.
        const lines = texts.get(m)!.split('\n');
        const tops = lines.flatMap((l, i) => (/^(def|class) /.test(l) ? [i] : []));
        const where = tops.length > 0 ? random.pick(tops) : lines.length;
        lines.splice(where, 0, `def helper_${v}(context, value=${random.int(0, 999)}):`, `    return context.get(value, ${random.int(0, 999)})`, '', '');
        texts.set(m, lines.join('\n'));
        mark++;
        await commit(s, { mark, who: random.pick(HUMANS), at: (at += 3_600), message: `Update ${m}`, from: mark > 1 ? mark - 1 : undefined, files: { [`openstack/common/${m}`]: texts.get(m)! } });
      }
    }
  });
}
