// A cache record: one header line (what the record is valid for, and a SHA-256 of the body), then the
// body, both JSON. Read only whole: a missing, torn or edited file reads as nothing; written atomically.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { atomicWrite } from './atomicWrite.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The header and body of the record at `file`, when `accept` takes its header and the body matches its digest. */
export function readRecord<H extends object>(file: string, accept: (header: H) => boolean): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const nl = raw.indexOf('\n');
    if (nl < 0) return undefined;
    const header = JSON.parse(raw.slice(0, nl)) as H & { body?: unknown };
    if (typeof header !== 'object' || header === null || !accept(header)) return undefined;
    const body = raw.slice(nl + 1);
    if (sha256(body) !== header.body) return undefined;
    return JSON.parse(body) as unknown;
  } catch {
    return undefined; // torn or foreign
  }
}

/** Replaces the record at `file` with `header` (its `body` digest added) and `body`, atomically. */
export function writeRecord(file: string, header: object, body: unknown): void {
  const text = JSON.stringify(body);
  atomicWrite(file, `${JSON.stringify({ ...header, body: sha256(text) })}\n${text}`);
}
