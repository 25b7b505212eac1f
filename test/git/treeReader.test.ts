// The shared tree reader: one long-lived `sh` that lists and reads repository after repository,
// answering exactly what a git process of each repository's own would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gitTreeSource, openCheckout, openTree } from '../../src/git/index.js';
import { openTreeShared } from '../../src/git/treeReader.js';
import type { OpenTree, TreeEntry } from '../../src/scan/index.js';
import { repoWith } from '../helpers/repo.js';

/** Process ids of this process's readers (sh running the reader's loop). */
function readers(): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('read -r root');
    } catch {
      return false;
    }
  });
}

/** Processes whose working folder is `dir`. */
function workingIn(dir: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/cwd`) === dir;
    } catch {
      return false;
    }
  });
}

/** Waits (up to 5 s) for processes that were told to end to be gone. */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
}

async function readAll(tree: OpenTree, wanted: TreeEntry[]): Promise<Map<string, Buffer | null>> {
  const got = new Map<string, Buffer | null>();
  for await (const r of tree.read(wanted)) got.set(r.entry.path, r.data === null ? null : Buffer.from(r.data));
  return got;
}

async function repos(count: number): Promise<{ root: string; commit: string }[]> {
  const made = [];
  for (let i = 0; i < count; i++) {
    const files: Record<string, string | Buffer> = { [`pkg${i}/a.py`]: `import oslo_config  # ${i}\n`, 'bin/tool': Buffer.from([0, 1, 2, 255, i]), 'big.txt': `${i}`.repeat(200_000) };
    made.push(await openCheckout(await repoWith(files, `repo${i}`)));
  }
  return made;
}

test('one reader serves repository after repository, answering as each repository\'s own git does', async () => {
  const checkouts = await repos(3);
  for (const { root, commit } of checkouts) {
    const own = await openTree(root, commit);
    const shared = await openTreeShared(root, commit);
    assert.deepEqual(shared.entries, own.entries);
    assert.deepEqual(await readAll(shared, shared.entries), await readAll(own, own.entries));
  }
  // Each repository was handed back when read: one reader did all three. (openTree's readers of
  // their own end once read; they are waited for.)
  await settle(() => readers().length === 1 && checkouts.every(({ root }) => workingIn(root).length === 0));
  assert.equal(readers().length, 1);
  // Between repositories the reader waits at the top of the file system, in no repository.
  for (const { root } of checkouts) assert.deepEqual(workingIn(root), []);
});

test('repositories read at the same time get readers of their own', async () => {
  const checkouts = await repos(2);
  const trees = await Promise.all(checkouts.map(({ root, commit }) => openTreeShared(root, commit)));
  const reads = await Promise.all(trees.map((t) => readAll(t, t.entries.filter((e) => e.path.endsWith('.py')))));
  assert.deepEqual(
    reads.map((r) => [...r.values()].map((b) => b?.toString())),
    [['import oslo_config  # 0\n'], ['import oslo_config  # 1\n']],
  );
});

test('a commit the repository lacks fails with git\'s message, and the next repository is still served', async () => {
  const [good] = await repos(1);
  await assert.rejects(openTreeShared(good!.root, 'f'.repeat(40)), /git ls-tree f{40}: .+/);
  await assert.rejects(openTreeShared(good!.root, '--output=/tmp/x'), /refusing ref/);
  const tree = await openTreeShared(good!.root, good!.commit);
  assert.deepEqual(
    tree.entries.map((e) => e.path),
    ['big.txt', 'bin/tool', 'pkg0/a.py'],
  );
  assert.equal((await readAll(tree, tree.entries)).get('big.txt')!.length, 200_000);
});

test('a blob git cannot give is answered as unreadable with git\'s reason, and reading goes on', async () => {
  const [checkout] = await repos(1);
  const tree = await openTreeShared(checkout!.root, checkout!.commit);
  const ghost = { path: 'ghost.py', mode: '100644', blob: 'e'.repeat(40), size: 3 };
  const got = [];
  for await (const r of tree.read([ghost, ...tree.entries])) got.push([r.entry.path, r.data === null ? r.error : r.data.length]);
  assert.deepEqual(got, [
    ['ghost.py', 'missing from the object store'],
    ['big.txt', 200_000],
    ['bin/tool', 5],
    ['pkg0/a.py', 24],
  ]);
});

test('a reader left mid-answer is not reused, and leaves no git waiting', async () => {
  const [checkout] = await repos(1);
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`f${i}.txt`] = `${i}`.repeat(100_000);
  const busy = await openCheckout(await repoWith(files, 'busy'));
  const tree = await openTreeShared(busy.root, busy.commit);
  let n = 0;
  for await (const _ of tree.read(tree.entries)) if (++n === 2) break;
  // The next repository gets a reader in step with it.
  const next = await openTreeShared(checkout!.root, checkout!.commit);
  assert.equal((await readAll(next, next.entries)).get('pkg0/a.py')!.toString(), 'import oslo_config  # 0\n');
  await settle(() => workingIn(busy.root).length === 0);
  assert.deepEqual(workingIn(busy.root), []);
});

test('a folder whose name holds a line break is read through a git process of its own', async () => {
  const plain = await repoWith({ 'a.py': 'import oslo.config\n' }, 'plain');
  const odd = join(dirname(plain), 'odd\nname');
  renameSync(plain, odd);
  const { root, commit } = await openCheckout(odd);
  const tree = await gitTreeSource(root, commit).open!();
  assert.deepEqual(
    tree.entries.map((e) => e.path),
    ['a.py'],
  );
  assert.equal((await readAll(tree, tree.entries)).get('a.py')!.toString(), 'import oslo.config\n');
  await assert.rejects(openTreeShared(root, commit), /cannot be written on one line/);
});

test('idle readers do not keep a process alive', async () => {
  const [checkout] = await repos(1);
  const checkoutModule = fileURLToPath(new URL('../../src/git/index.js', import.meta.url));
  const script = `
    const { gitTreeSource } = await import(${JSON.stringify(checkoutModule)});
    const tree = await gitTreeSource(${JSON.stringify(checkout!.root)}, ${JSON.stringify(checkout!.commit)}).open();
    let n = 0;
    for await (const r of tree.read(tree.entries)) n += r.data ? 1 : 0;
    console.log(n);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(child.signal, null, 'the process had to be killed: an idle reader kept it alive');
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), '3');
});
