// Small commit lists for batch tests.
import type { CommitSpec } from '../../src/git/index.js';

export const HUMAN = 'Jane Developer <jane@example.org>';

export function simpleProject(name: string, date = '2015-03-04T10:00:00Z'): CommitSpec[] {
  return [
    {
      date,
      author: HUMAN,
      message: 'Initial import',
      files: {
        '.gitreview': `[gerrit]\nhost=review.opendev.org\nport=29418\nproject=openstack/${name}.git\n`,
        'openstack-common.conf': `[DEFAULT]\nmodule=log\nbase=${name}\n`,
        [`${name}/__init__.py`]: '',
        [`${name}/openstack/common/__init__.py`]: '',
        [`${name}/openstack/common/log.py`]: 'import logging\n',
        [`${name}/api.py`]: `from ${name}.openstack.common import log as logging\nfrom oslo.config import cfg\n`,
      },
    },
  ];
}
