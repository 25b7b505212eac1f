// A small project whose history moves code and then adds an import: the baseline cases.
import { execFileSync } from 'node:child_process';
import type { CommitSpec } from '../../src/git/index.js';
import { DEV } from './repo.js';

export const API_PY = `import os

from oslo.config import cfg
from svc.openstack.common import log as logging
from svc import utils

LOG = logging.getLogger(__name__)


def run(cmd):
    return utils.execute(cmd,
                         run_as_root=True)
`;

/** Ten lines of new code above everything else: every finding moves down by 10 lines. */
export const TEN_LINES = `"""The API service."""
# Copyright 2014 The Svc Authors.
#
# Licensed under the Apache License, Version 2.0.

__all__ = ['run']

DEFAULT_TIMEOUT = 30
RETRIES = 3

`;

export const SVC_HISTORY: CommitSpec[] = [
  {
    date: '2014-05-06T10:00:00Z',
    author: DEV,
    message: 'Add the API service',
    files: {
      '.gitreview': '[gerrit]\nhost=review.example.org\nport=29418\nproject=openstack/svc.git\n',
      'openstack-common.conf': '[DEFAULT]\nmodule=log\nbase=svc\n',
      'svc/__init__.py': '',
      'svc/utils.py': 'def execute(*cmd, **kwargs):\n    pass\n',
      'svc/openstack/__init__.py': '',
      'svc/openstack/common/__init__.py': '',
      'svc/openstack/common/log.py': 'import logging\n\ndef getLogger(name):\n    return logging.getLogger(name)\n',
      'svc/api.py': API_PY,
    },
  },
  { date: '2014-06-06T10:00:00Z', author: DEV, message: 'Document the API service', files: { 'svc/api.py': TEN_LINES + API_PY } },
  {
    date: '2014-07-06T10:00:00Z',
    author: DEV,
    message: 'Notify on run',
    files: { 'svc/api.py': TEN_LINES + API_PY.replace('from oslo.config import cfg\n', 'from oslo.config import cfg\nimport oslo.messaging as messaging\n') },
  },
];

/** The commits of a repository's HEAD, oldest first. */
export function commitsOf(dir: string): string[] {
  return execFileSync('git', ['-C', dir, 'rev-list', '--reverse', 'HEAD'], { encoding: 'utf8' }).trim().split('\n');
}
