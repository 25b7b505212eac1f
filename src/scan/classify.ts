// Which files the scanner reads, and as what. Everything else is judged by its path alone.

import { isRequirementsFile } from './detectors/requirements.js';

export type Role = 'python' | 'script' | 'common-conf' | 'requirements' | 'setup-cfg' | 'pyproject' | 'gitreview';

export function roleOf(path: string): Role | null {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (base.endsWith('.py')) return 'python';
  if (base === 'openstack-common.conf') return 'common-conf';
  if (isRequirementsFile(path)) return 'requirements';
  if (path === 'setup.cfg') return 'setup-cfg';
  if (path === 'pyproject.toml') return 'pyproject';
  if (path === '.gitreview') return 'gitreview';
  // Grizzly-era `bin/nova-rootwrap` and friends are Python without an extension.
  if (!base.includes('.') && /(^|\/)bin$/.test(path.slice(0, Math.max(slash, 0)))) return 'script';
  return null;
}

/** Whether an extensionless script is Python, from its `#!` line. */
export function isPythonScript(text: string): boolean {
  const first = text.slice(0, 200).split('\n', 1)[0] ?? '';
  return first.startsWith('#!') && /python/.test(first);
}

/** `project=openstack/nova.git` in `.gitreview` names the repository. */
export function gitreviewProject(text: string): string | null {
  const m = /^\s*project\s*=\s*(\S+?)(?:\.git)?\s*$/m.exec(text);
  return m ? m[1]! : null;
}
