// Where oslo-incubator copies live: any path with an `openstack/common/` segment
// (`nova/openstack/common/log.py`, `nova/openstack/common/db/sqlalchemy/session.py`).

export interface CopyLocation {
  /** The Python package holding the copy (`nova`); '' when the copy sits at the repository root. */
  package: string;
  /** Path below `openstack/common/` (`db/sqlalchemy/session.py`). */
  relPath: string;
  /** Dotted module (`db.sqlalchemy.session`; a package's `__init__.py` is the package; the top one is ''). */
  module: string;
  isPython: boolean;
}

const SEGMENT = /(^|\/)openstack\/common\//;

export function copyLocation(path: string): CopyLocation | null {
  const m = SEGMENT.exec(path);
  if (!m) return null;
  const prefix = path.slice(0, m.index);
  const relPath = path.slice(m.index + m[0].length);
  const isPython = relPath.endsWith('.py');
  return { package: prefix.split('/').filter(Boolean).join('.'), relPath, module: moduleOfRelPath(relPath), isPython };
}

/** `db/sqlalchemy/session.py` → `db.sqlalchemy.session`; `rpc/__init__.py` → `rpc`; `__init__.py` → ''. */
export function moduleOfRelPath(relPath: string): string {
  if (!relPath.endsWith('.py')) return relPath;
  const parts = relPath.slice(0, -3).split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.join('.');
}

/**
 * Splits a dotted name at its `openstack.common` segment:
 * `nova.openstack.common.db.api` → { package: 'nova', module: 'db.api' }.
 */
export function splitCopyModule(dotted: string): { package: string; module: string } | null {
  // Called for every name every import names: most hold no copy, and are told so without a split.
  if (!dotted.includes('openstack.common')) return null;
  const parts = dotted.split('.');
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i] === 'openstack' && parts[i + 1] === 'common') {
      return { package: parts.slice(0, i).join('.'), module: parts.slice(i + 2).join('.') };
    }
  }
  return null;
}
