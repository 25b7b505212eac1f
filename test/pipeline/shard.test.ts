import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShard, selectShard, shardOf } from '../../src/pipeline/index.js';
import { parseTarget } from '../../src/sources/index.js';

const names = Array.from({ length: 60 }, (_, i) => `openstack/project-${i}`);
const targets = names.map((n) => parseTarget(n, { cwd: '/nonexistent' }));

test('shards split the targets: every target in exactly one shard', () => {
  const shards = [1, 2, 3, 4].map((index) => selectShard(targets, { index, count: 4 }));
  assert.deepEqual(shards.flat().map((t) => t.repo).sort(), [...names].sort());
  assert.ok(shards.every((s) => s.length > 0));
});

test('a target\'s shard depends on itself only: not on order, nor on the other targets', () => {
  const before = new Map(targets.map((t) => [t.repo, shardOf(t, 5)]));
  const shuffled = [...targets].reverse();
  const more = [...shuffled, ...['openstack/extra-1', 'openstack/extra-2'].map((n) => parseTarget(n, { cwd: '/nonexistent' }))];
  for (let index = 1; index <= 5; index++) {
    for (const t of selectShard(more, { index, count: 5 })) if (before.has(t.repo)) assert.equal(before.get(t.repo), index);
  }
  // A shard must be the same on every machine and every release: these values are part of the contract.
  assert.deepEqual(['openstack/nova', 'openstack/cinder', 'openstack/glance', 'openstack/neutron', 'openstack/swift'].map((n) => shardOf({ repo: n, source: '' }, 3)), [3, 2, 2, 2, 2]);
  // The repo name decides when known, wherever the clone comes from.
  assert.equal(shardOf({ repo: 'openstack/nova', source: 'https://mirror.example.org/nova' }, 3), 3);
});

test('I/N is parsed strictly', () => {
  assert.deepEqual(parseShard('2/3'), { index: 2, count: 3 });
  for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '-1/3', '1/3/4']) assert.equal(parseShard(bad), null, bad);
});
