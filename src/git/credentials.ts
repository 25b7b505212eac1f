// Credentials in remote URLs (`https://user:token@host/…`) are used to talk to the remote and
// nowhere else: never in reports, logs, error messages or the cache's git config.

/** The URL without its user-info; scp-like and path remotes are returned as they are. */
export function redactUrl(url: string): string {
  return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^@/?#]*@/, (_m, scheme: string) => {
    // An ssh user name is not a secret and selects the account; a password or token after it is.
    if (/^ssh:\/\//i.test(scheme)) {
      const user = /^ssh:\/\/([^:@/]*)/i.exec(_m)?.[1];
      return user ? `${scheme}${user}@` : scheme;
    }
    return scheme;
  });
}

export function hasCredentials(url: string): boolean {
  return redactUrl(url) !== url;
}

/** Any text (git's messages) with the user-info of every URL in it removed. */
export function redactText(text: string): string {
  return text.replace(/\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s@/'"]*@/g, (m) => redactUrl(m));
}
