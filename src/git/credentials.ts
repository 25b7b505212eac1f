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

// Secrets known to this run (the GITHUB_TOKEN given): removed wherever they turn up.
const ENV_SECRETS = ['GITHUB_TOKEN', 'GH_TOKEN'];

/**
 * Any text (git's messages, an API's error body) with credentials removed: the user-info of every URL,
 * `Authorization:` header values, `token …`/`Bearer …`/`Basic …` credentials, GitHub token shapes, and
 * the value of GITHUB_TOKEN wherever it appears.
 */
export function redactText(text: string): string {
  let out = text
    .replace(/\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s@/'"]*@/g, (m) => redactUrl(m))
    .replace(/\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)[^\r\n"',}]*/gi, '$1$2[redacted]')
    // A credential has digits; "the token expired" is left alone.
    .replace(/\b(token|bearer|basic)(\s+)(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, '$1$2[redacted]')
    .replace(/\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})/g, '[redacted]');
  for (const name of ENV_SECRETS) {
    const secret = process.env[name];
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}
