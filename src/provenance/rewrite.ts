// Undoing the project-name rewrite that oslo-incubator's update.py applied to every copied file
// (see docs/provenance.md). With `base=nova`, update.py turned `openstack.common` into
// `nova.openstack.common`, every other `oslo` into `nova` and `OSLO` into `NOVA`, then turned
// `nova.config`-style names of the Oslo libraries back into `oslo.config`. Reversing it makes a copy
// comparable with the incubator's own text.

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The copy's text as the incubator had it, given the `base` it was copied into. */
export function undoRewrite(text: string, base: string): string {
  if (!base || base === 'oslo') return text;
  const upper = base.toUpperCase();
  let out = text.replace(new RegExp(`${escape(base)}\\.openstack\\.common`, 'g'), 'openstack.common');
  out = out.replace(new RegExp(escape(base), 'g'), 'oslo');
  if (upper !== base) out = out.replace(new RegExp(escape(upper), 'g'), 'OSLO');
  return out;
}

/**
 * The base a copy was rewritten for: `base=` from openstack-common.conf when given, else the package
 * holding the copy (update.py's default destination was the base's own package).
 */
export function baseOf(confBase: string | null, copyPackage: string): string {
  return (confBase ?? '').trim() || copyPackage;
}
