// The whole result of a repository's last scan, kept with the commit it was at: a re-scan at the same
// commit is answered from it without listing the tree or reading a blob.
//
// One file per repository beside its per-file results (`<dir>/v1/<hash of its location>.commit.json`):
// a header line naming the format, the tool key (queries, knowledge, scanning code, version), the
// location, the commit, the size limit and a digest of the body; then the body. A record that differs
// in any of these, or whose body does not match its digest, is ignored, never trusted. Written with a
// temp file and a rename; the folder can be deleted at any time.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Skipped } from '../report/types.js';
import { atomicWrite } from '../util/atomicWrite.js';
import { CACHE_FORMAT, locationHash, toolKey } from './cache.js';

/** What a scan of one commit found, and how much it covered. */
export interface CommitResult {
  findings: Finding[];
  skipped: Skipped[];
  adoptedLibraries: string[];
  gitreviewProject: string | null;
  /** Files whose content the scan needed, and their bytes. */
  files: number;
  bytes: number;
}

interface Header {
  format: number;
  tool: string;
  location: string;
  commit: string;
  maxFileSize: number;
  body: string;
}

export interface CommitKey {
  location: string;
  commit: string;
  maxFileSize: number;
}

export function commitRecordPath(dir: string, location: string): string {
  return join(dir, `v${CACHE_FORMAT}`, `${locationHash(location)}.commit.json`);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The recorded result of this commit, or undefined when there is none that can be trusted. */
export function loadCommitRecord(dir: string, key: CommitKey, tool: string = toolKey()): CommitResult | undefined {
  let raw: string;
  try {
    raw = readFileSync(commitRecordPath(dir, key.location), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const nl = raw.indexOf('\n');
    if (nl < 0) return undefined;
    const header = JSON.parse(raw.slice(0, nl)) as Header;
    if (header.format !== CACHE_FORMAT || header.tool !== tool || header.location !== key.location || header.commit !== key.commit || header.maxFileSize !== key.maxFileSize) {
      return undefined;
    }
    const body = raw.slice(nl + 1);
    if (sha256(body) !== header.body) return undefined;
    const r = JSON.parse(body) as CommitResult;
    const whole = Array.isArray(r.findings) && Array.isArray(r.skipped) && Array.isArray(r.adoptedLibraries) && (r.gitreviewProject === null || typeof r.gitreviewProject === 'string') && Number.isInteger(r.files) && Number.isInteger(r.bytes);
    return whole ? r : undefined;
  } catch {
    return undefined; // torn or foreign: the scan runs and the save replaces it
  }
}

/** Replaces the repository's record with this commit's result, atomically. */
export function saveCommitRecord(dir: string, key: CommitKey, result: CommitResult, tool: string = toolKey()): void {
  const body = JSON.stringify({
    findings: result.findings,
    skipped: result.skipped,
    adoptedLibraries: result.adoptedLibraries,
    gitreviewProject: result.gitreviewProject,
    files: result.files,
    bytes: result.bytes,
  } satisfies CommitResult);
  const header: Header = { format: CACHE_FORMAT, tool, location: key.location, commit: key.commit, maxFileSize: key.maxFileSize, body: sha256(body) };
  atomicWrite(commitRecordPath(dir, key.location), `${JSON.stringify(header)}\n${body}`);
}
