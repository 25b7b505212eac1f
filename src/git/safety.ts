// Values from users and repositories that reach git: refused when git could take them as
// options, transports or anything but what they claim to be.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

export class UnsafeValueError extends Error {}

/** A branch, tag or commit: no leading `-`, no whitespace or control characters, nothing git rejects in ref names. */
export function assertSafeRef(ref: string): string {
  if (ref === '' || ref.startsWith('-') || CONTROL.test(ref) || /\s/.test(ref) || ref.includes('..') || /[~^:?*[\\]/.test(ref.replace(/\^\{commit\}$/, ''))) {
    throw new UnsafeValueError(`refusing ref ${JSON.stringify(ref)}: not a plain branch, tag or commit name`);
  }
  return ref;
}
