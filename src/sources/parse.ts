// One target as typed: a local checkout, a git URL (https, http, ssh, scp-like, git, file), or
// `namespace/name` on the base URL (default https://opendev.org/).

import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { assertSafeUrl, redactUrl } from '../git/index.js';
import { SourceError, type Target } from './types.js';

export const DEFAULT_BASE_URL = 'https://opendev.org/';

export interface ParseOptions {
  /** Where `namespace/name` points: `<baseUrl>namespace/name`. */
  baseUrl?: string;
  /** Folder that relative paths are relative to. */
  cwd?: string;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const REMOTE_HELPER = /^[A-Za-z][A-Za-z0-9+.-]*::/;
const SCP_LIKE = /^(?:[^@/:\s]+@)?[^@/:\s]+:[^\s]+$/;
export const REPO_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\/[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The base URL with a trailing slash; refuses what could not reach git safely. */
export function normaliseBaseUrl(baseUrl: string): string {
  try {
    assertSafeUrl(baseUrl);
  } catch (e) {
    throw new SourceError(`--base-url: ${(e as Error).message}`);
  }
  if (!SCHEME.test(baseUrl)) throw new SourceError(`--base-url must be a URL such as ${DEFAULT_BASE_URL}, not ${JSON.stringify(redactUrl(baseUrl))}`);
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/** The last path segment of a URL, without `.git`: the project's short name. */
export function nameOfUrl(url: string): string {
  const path = redactUrl(url).replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
  return last.replace(/\.git$/, '') || path;
}

/** `namespace/name` from the last two segments of a network URL's path (`…/openstack/nova.git`). */
export function repoOfUrl(url: string): string | null {
  const plain = redactUrl(url);
  if (/^file:/i.test(plain)) return null;
  const path = SCHEME.test(plain) ? new URL(plain).pathname : plain.slice(plain.indexOf(':') + 1);
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2) return null;
  return `${parts[parts.length - 2]}/${parts[parts.length - 1]!.replace(/\.git$/, '')}`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function urlTarget(url: string, fields: Partial<Target> = {}): Target {
  try {
    assertSafeUrl(url);
  } catch (e) {
    return unresolvedTarget(redactUrl(url), (e as Error).message);
  }
  const source = redactUrl(url);
  return { id: source, name: nameOfUrl(url), repo: null, repoHint: repoOfUrl(url), source, location: { kind: 'url', url }, ...fields };
}

export function unresolvedTarget(text: string, reason: string): Target {
  // Control characters are shown escaped so a hostile list cannot draw on the terminal.
  const shown = JSON.stringify(text).slice(1, -1);
  return { id: shown, name: shown || '(empty)', repo: null, source: shown, location: { kind: 'unresolved', reason } };
}

/** Reads one target. Never throws: what cannot be used comes back `unresolved` with the reason. */
export function parseTarget(text: string, options: ParseOptions = {}): Target {
  const cwd = options.cwd ?? process.cwd();
  const refuse = (why: string) => unresolvedTarget(text, why);
  if (text.startsWith('-')) return refuse(`refusing target ${JSON.stringify(text)}: it starts with "-"`);
  if (REMOTE_HELPER.test(text)) return refuse(`refusing target ${JSON.stringify(redactUrl(text))}: remote-helper transports ("ext::", "fd::", …) are not allowed`);
  if (SCHEME.test(text)) return urlTarget(text);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(text)) return refuse('refusing target: it contains control characters');

  const abs = resolve(cwd, text);
  const looksLikePath = text.startsWith('/') || text.startsWith('./') || text.startsWith('../') || text === '.' || text === '..';
  // A folder that exists is a checkout even when its name looks like `namespace/name`.
  if (looksLikePath || isDirectory(abs)) return { id: text, name: basename(abs) || text, repo: null, source: text, location: { kind: 'path', path: abs } };
  if (SCP_LIKE.test(text)) return urlTarget(text);
  if (REPO_NAME.test(text)) {
    const url = `${normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)}${text}`;
    return urlTarget(url, { repo: text, repoHint: text, name: text.slice(text.indexOf('/') + 1) });
  }
  if (/\s/.test(text)) return refuse(`refusing target ${JSON.stringify(text)}: it contains whitespace`);
  // Anything else is a path that is not there; the checkout step says so in the report.
  return { id: text, name: basename(abs) || text, repo: null, source: text, location: { kind: 'path', path: abs } };
}
