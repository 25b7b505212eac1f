// A small oslo-incubator, built as a real git repository with fixed dates, and projects that copied
// from it at different points, the way update.py did.

import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { commitEnv, gitEnv, writeCommits, type CommitSpec } from '../../src/git/index.js';

const DEV = 'Ola Incubator <ola@example.org>';

/** update.py's rewrite, written from its description, independently of the code that undoes it. */
export function updatePyRewrite(text: string, base: string): string {
  const libs = ['config', 'concurrency', 'i18n', 'log', 'messaging', 'utils', 'serialization'];
  return text
    .split('\n')
    .map((line) => {
      let l = line.replace(/oslo(?!test|-incubator)/g, base).replace(/OSLO/g, base.toUpperCase());
      for (const lib of libs) l = l.split(`${base}.${lib}`).join(`oslo.${lib}`).split(`${base}_${lib}`).join(`oslo_${lib}`);
      l = l.replace(/^(\s*)(from|import) openstack\.common/, `$1$2 ${base}.openstack.common`);
      return l.replace(/(['"=])openstack\.common/g, `$1${base}.openstack.common`);
    })
    .join('\n');
}

const HEADER = `# Copyright 2013 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");
`;

export const LOCKUTILS_1 = `${HEADER}
"""Locking helpers, as kept in oslo-incubator."""

import os
import threading

from oslo.config import cfg

from openstack.common.gettextutils import _
from openstack.common import log as logging

LOG = logging.getLogger(__name__)

util_opts = [
    cfg.BoolOpt('disable_process_locking', default=False,
                help='Whether to disable inter-process locks'),
    cfg.StrOpt('lock_path',
               default=os.environ.get("OSLO_LOCK_PATH"),
               help='Directory to use for lock files.'),
]


def set_defaults(lock_path):
    cfg.set_defaults(util_opts, lock_path=lock_path)


def lock(name, lock_file_prefix=None):
    """Context manager for a named lock."""
    LOG.debug(_('Got semaphore "%(lock)s"'), {'lock': name})
    return threading.Lock()
`;

export const LOCKUTILS_2 = LOCKUTILS_1.replace(
  "def lock(name, lock_file_prefix=None):",
  `def external_lock(name, lock_file_prefix=None):
    """A lock shared between processes."""
    path = os.path.join(cfg.CONF.lock_path, name)
    return open(path, 'a')


def lock(name, lock_file_prefix=None):`,
);

export const LOCKUTILS_3 = LOCKUTILS_2.replace("    return threading.Lock()\n", "    sem = threading.Semaphore()\n    return sem\n");

/** A later version, made after the module graduated (a deprecation notice). */
export const LOCKUTILS_4 = LOCKUTILS_3.replace('"""Locking helpers, as kept in oslo-incubator."""', '"""Locking helpers. Deprecated: use oslo.concurrency."""');

export const JSONUTILS_1 = `${HEADER}
import json

import six


def to_primitive(value):
    if isinstance(value, (six.string_types, int)):
        return value
    return str(value)


def dumps(value, default=to_primitive, **kwargs):
    return json.dumps(value, default=default, **kwargs)
`;

/**
 * Made on a side branch whose merge kept master's jsonutils, and which was then deleted: only a
 * full-history walk sees it.
 */
export const JSONUTILS_SIDE = JSONUTILS_1.replace('def dumps(', 'def loads(s):\n    return json.loads(s)\n\n\ndef dumps(');

export const JSONUTILS_2 = JSONUTILS_SIDE.replace('int)', 'int, float)');

export const UTILS_1 = `${HEADER}
"""String helpers for oslo."""

TRUE_STRINGS = ('1', 't', 'true', 'on', 'y', 'yes')


def bool_from_string(subject):
    return str(subject).strip().lower() in TRUE_STRINGS
`;

/** utils.py renamed to strutils.py, with one addition. */
export const STRUTILS_1 = UTILS_1.replace('\ndef bool_from_string', "\nFALSE_STRINGS = ('0', 'f', 'false', 'off', 'n', 'no')\n\n\ndef bool_from_string");

export const FILEUTILS_1 = `${HEADER}
import os


def ensure_tree(path):
    if not os.path.isdir(path):
        os.makedirs(path)
`;

export interface IncubatorFixture {
  dir: string;
  head: string;
  /** Commit ids by label. */
  commits: Record<string, string>;
}

const at = (date: string, message: string, files: CommitSpec['files']): CommitSpec => ({ date, author: DEV, message, files });

/**
 * master: add (2013-01-10) → lockutils v2 (2013-03-01) → rename utils → strutils (2013-05-01)
 * → merge of a deleted side branch whose jsonutils change the merge dropped (2013-07-01)
 * → jsonutils v2 (2013-07-15) → lockutils v3 (2013-08-01)
 * → delete fileutils (2013-09-01) → lockutils v4 after graduation (2014-12-01).
 */
export async function buildIncubator(parent: string): Promise<IncubatorFixture> {
  const dir = join(parent, 'oslo-incubator');
  const commits: Record<string, string> = {};
  const c = 'openstack/common/';
  commits['add'] = await writeCommits(dir, [
    at('2013-01-10T10:00:00Z', 'Add lockutils, jsonutils, utils and fileutils', {
      'openstack/__init__.py': '',
      [`${c}__init__.py`]: '',
      [`${c}lockutils.py`]: LOCKUTILS_1,
      [`${c}jsonutils.py`]: JSONUTILS_1,
      [`${c}utils.py`]: UTILS_1,
      [`${c}fileutils.py`]: FILEUTILS_1,
      'README.rst': 'oslo-incubator\n',
    }),
  ]);
  commits['lockutils2'] = await writeCommits(dir, [at('2013-03-01T10:00:00Z', 'lockutils: external locks', { [`${c}lockutils.py`]: LOCKUTILS_2 })]);
  commits['rename'] = await writeCommits(dir, [at('2013-05-01T10:00:00Z', 'Rename utils to strutils', { [`${c}utils.py`]: null, [`${c}strutils.py`]: STRUTILS_1 })]);

  const git = simpleGit({ baseDir: dir });
  await git.raw(['checkout', '--quiet', '-b', 'feature']);
  commits['side'] = await writeCommits(dir, [at('2013-06-01T10:00:00Z', 'jsonutils: add loads', { [`${c}jsonutils.py`]: JSONUTILS_SIDE })]);
  await git.raw(['checkout', '--quiet', 'master']);
  await git.env({ ...gitEnv(), ...commitEnv(DEV, '2013-07-01T10:00:00Z') }).raw(['merge', '--quiet', '--no-ff', '--no-commit', 'feature']);
  await writeCommits(dir, [at('2013-07-01T10:00:00Z', 'Merge branch feature', { [`${c}jsonutils.py`]: JSONUTILS_1 })]);
  commits['merge'] = (await git.revparse(['HEAD'])).trim();
  await git.raw(['branch', '--quiet', '-D', 'feature']);
  commits['jsonutils2'] = await writeCommits(dir, [at('2013-07-15T10:00:00Z', 'jsonutils: floats and loads', { [`${c}jsonutils.py`]: JSONUTILS_2 })]);

  commits['lockutils3'] = await writeCommits(dir, [at('2013-08-01T10:00:00Z', 'lockutils: semaphores', { [`${c}lockutils.py`]: LOCKUTILS_3 })]);
  commits['delete'] = await writeCommits(dir, [at('2013-09-01T10:00:00Z', 'Remove fileutils', { [`${c}fileutils.py`]: null })]);
  commits['lockutils4'] = await writeCommits(dir, [at('2014-12-01T10:00:00Z', 'Mark lockutils deprecated', { [`${c}lockutils.py`]: LOCKUTILS_4 })]);
  return { dir, head: commits['lockutils4'], commits };
}

/** A project repository holding copies under `<pkg>/openstack/common/`, with openstack-common.conf. */
export async function buildProject(parent: string, name: string, copies: Record<string, string>, conf: string | null, date = '2013-10-01T12:00:00Z'): Promise<string> {
  const dir = join(mkdtempSync(join(parent, 'project-')), name);
  const files: CommitSpec['files'] = { [`${name}/__init__.py`]: '', [`${name}/openstack/__init__.py`]: '' };
  for (const [rel, text] of Object.entries(copies)) files[`${name}/openstack/common/${rel}`] = text;
  if (conf !== null) files['openstack-common.conf'] = conf;
  await writeCommits(dir, [at(date, 'Sync with oslo-incubator', files)]);
  return dir;
}
