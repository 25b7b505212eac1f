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

/** Transports a target URL may use; everything else (ext::, fd::, custom remote helpers) is refused. */
export const ALLOWED_SCHEMES = ['https', 'http', 'ssh', 'git', 'file'] as const;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
// `<helper>::<address>` makes git run git-remote-<helper>: `ext::sh -c …` runs any command.
const REMOTE_HELPER = /^[A-Za-z][A-Za-z0-9+.-]*::/;
// scp-like `[user@]host:path`, as git reads it: no slash before the first colon.
const SCP_LIKE = /^(?:([^@/:]+)@)?([^@/:]+):(.+)$/;

/**
 * A remote URL that git may be given: https, http, ssh (also scp-like `user@host:path`), git or file,
 * or a local path. Refuses a leading `-`, remote helpers (`ext::`), other schemes, whitespace and
 * control characters, and a host or user starting with `-` (which ssh would read as an option).
 */
export function assertSafeUrl(url: string): string {
  const refuse = (why: string): never => {
    throw new UnsafeValueError(`refusing URL ${JSON.stringify(url)}: ${why}`);
  };
  if (url === '') refuse('empty');
  if (url.startsWith('-')) refuse('it starts with "-"');
  if (CONTROL.test(url)) refuse('it contains control characters');
  if (/\s/.test(url)) refuse('it contains whitespace');
  if (REMOTE_HELPER.test(url)) refuse('remote-helper transports ("ext::", "fd::", …) are not allowed');
  const scheme = SCHEME.exec(url);
  if (scheme) {
    if (!(ALLOWED_SCHEMES as readonly string[]).includes(scheme[1]!.toLowerCase())) refuse(`transport "${scheme[1]}" is not allowed (use ${ALLOWED_SCHEMES.join(', ')})`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return refuse('not a valid URL');
    }
    let user: string;
    try {
      // The path is decoded too when it names the repository's place in the cache.
      user = decodeURIComponent(parsed.username);
      decodeURIComponent(parsed.pathname);
    } catch {
      return refuse('its percent-encoding is malformed');
    }
    if (parsed.hostname.startsWith('-') || user.startsWith('-')) refuse('its host or user starts with "-"');
    if (scheme[1]!.toLowerCase() !== 'file' && parsed.hostname === '') refuse('it has no host');
    return url;
  }
  const scp = SCP_LIKE.exec(url);
  if (scp && !url.startsWith('/') && !url.startsWith('.')) {
    if ((scp[1] ?? '').startsWith('-') || scp[2]!.startsWith('-')) refuse('its host or user starts with "-"');
    if (scp[3]!.startsWith('-')) refuse('its path starts with "-"');
  }
  return url;
}
