// The whole result of a repository's last scan, kept with the commit it was at: a re-scan at the same
// commit is answered from it without listing the tree or reading a blob.
//
// One file per repository beside its per-file results (`<dir>/v1/<hash of its location>.commit.json`):
// a header line naming the format, the tool key (queries, knowledge, scanning code, version), the
// location, the commit, the size limit and a digest of the body; then the body. A record that differs
// in any of these, or whose body does not match its digest, is ignored, never trusted. Written with a
// temp file and a rename; the folder can be deleted at any time.

import { join } from 'node:path';
import type { Finding, Skipped } from '../report/index.js';
import { readRecord, writeRecord } from '../util/index.js';
import { locationHash } from './cache.js';
import { CACHE_FORMAT, toolKey } from './toolKey.js';

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

/** Where the repository's history record lives (kept by the git station): beside its commit record. */
export function historyRecordPath(dir: string, location: string): string {
  return join(dir, `v${CACHE_FORMAT}`, `${locationHash(location)}.history.json`);
}

/** The recorded result of this commit, or undefined when there is none that can be trusted. */
export function loadCommitRecord(dir: string, key: CommitKey, tool: string = toolKey()): CommitResult | undefined {
  const r = readRecord<Header>(commitRecordPath(dir, key.location), (h) =>
    h.format === CACHE_FORMAT && h.tool === tool && h.location === key.location && h.commit === key.commit && h.maxFileSize === key.maxFileSize,
  ) as CommitResult | undefined;
  if (!r || typeof r !== 'object') return undefined; // torn or foreign: the scan runs and the save replaces it
  const whole = Array.isArray(r.findings) && Array.isArray(r.skipped) && Array.isArray(r.adoptedLibraries) && (r.gitreviewProject === null || typeof r.gitreviewProject === 'string') && Number.isInteger(r.files) && Number.isInteger(r.bytes);
  return whole ? r : undefined;
}

/** Replaces the repository's record with this commit's result, atomically. */
export function saveCommitRecord(dir: string, key: CommitKey, result: CommitResult, tool: string = toolKey()): void {
  const header: Omit<Header, 'body'> = { format: CACHE_FORMAT, tool, location: key.location, commit: key.commit, maxFileSize: key.maxFileSize };
  writeRecord(commitRecordPath(dir, key.location), header, {
    findings: result.findings,
    skipped: result.skipped,
    adoptedLibraries: result.adoptedLibraries,
    gitreviewProject: result.gitreviewProject,
    files: result.files,
    bytes: result.bytes,
  } satisfies CommitResult);
}
