// A batch of Python files as it travels to a parse worker: the files' bytes packed into one buffer,
// which is moved to the worker rather than copied, and the repository's copy lists once.

import type { Knowledge, RuleSelection } from '../knowledge/index.js';
import { decodeText } from './decode.js';
import type { Triggers } from './prefilter.js';
import { scanPythonText, type PythonFileOptions, type PythonFileResult } from './pythonFile.js';

/** The incubator modules and their packages present in one repository's tree. */
export interface Copies {
  copyModules: readonly string[];
  copyPackages: readonly string[];
}

/** One file of a batch: `bytes.subarray(start, end)`, and whether it may name an `openstack.common` module. */
export interface BatchFile {
  file: string;
  start: number;
  end: number;
  usesCopies: boolean;
}

export interface BatchRequest extends Copies {
  id: number;
  files: BatchFile[];
  /** Every file's bytes (UTF-8 text), one after another; transferred, never copied. */
  bytes: ArrayBuffer;
  prefilter: boolean;
  /** The selected rules, when they are not the default packs (a worker's default). */
  rules?: RuleSelection;
}

export type BatchReply = { id: number; results: PythonFileResult[] } | { id: number; error: string };

/**
 * Gathers files into one buffer as they are read: each blob is copied once, straight from what git
 * sent, and the buffer then moves to a worker whole.
 */
export class BatchPacker {
  private bytes: Buffer | null = null;
  private files: BatchFile[] = [];
  /** Bytes gathered so far. */
  size = 0;

  constructor(private readonly capacity: number) {}

  get count(): number {
    return this.files.length;
  }

  add(file: string, data: Uint8Array, usesCopies: boolean): void {
    if (!this.bytes || this.size + data.length > this.bytes.length) {
      // A buffer of its own (never Buffer's shared pool): only such a buffer can be moved to a worker.
      const grown = Buffer.allocUnsafeSlow(Math.max(this.capacity, 2 * this.size + data.length));
      this.bytes?.copy(grown, 0, 0, this.size);
      this.bytes = grown;
    }
    this.bytes.set(data, this.size);
    this.files.push({ file, start: this.size, end: this.size + data.length, usesCopies });
    this.size += data.length;
  }

  /** The request (without its id) for what was gathered; the packer starts over empty. */
  take(copies: Copies, prefilter: boolean, rules?: RuleSelection): Omit<BatchRequest, 'id'> {
    const request = { files: this.files, bytes: (this.bytes ?? Buffer.allocUnsafeSlow(0)).buffer as ArrayBuffer, ...copies, prefilter, ...(rules ? { rules } : {}) };
    this.bytes = null;
    this.files = [];
    this.size = 0;
    return request;
  }
}

/** The copy lists as sets, built once per batch (or scan) rather than once per file. */
export interface CopySets {
  copyModules: ReadonlySet<string>;
  copyPackages: ReadonlySet<string>;
}

export function copySets(copies: Copies): CopySets {
  return { copyModules: new Set(copies.copyModules), copyPackages: new Set(copies.copyPackages) };
}

const NO_COPIES: CopySets = { copyModules: new Set(), copyPackages: new Set() };

/** A Python file that passed the text prefilter: it sees the copy lists only if it may name an `openstack.common` module. */
export function scanCandidate(file: string, text: string, usesCopies: boolean, copies: CopySets, options: PythonFileOptions): PythonFileResult {
  return scanPythonText({ file, text, ...(usesCopies ? copies : NO_COPIES) }, options);
}

/** Scans every file of a batch, in order. */
export function scanBatch(request: Omit<BatchRequest, 'id'>, knowledge: Knowledge, triggers: Triggers): PythonFileResult[] {
  const options = { knowledge, triggers: request.prefilter ? triggers : null, rules: request.rules?.rules };
  const copies = copySets(request);
  const all = Buffer.from(request.bytes);
  return request.files.map((f) => {
    const decoded = decodeText(all.subarray(f.start, f.end));
    // The sender decoded the same bytes before choosing to send them.
    if ('reason' in decoded) throw new Error(`${f.file}: ${decoded.reason}`);
    return scanCandidate(f.file, decoded.text, f.usesCopies, copies, options);
  });
}
