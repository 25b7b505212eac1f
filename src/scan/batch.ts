// A batch of Python files as it travels to a parse worker: the files' bytes packed into one buffer,
// which is moved to the worker rather than copied, and the repository's copy lists once.

import type { Knowledge, RuleSelection } from '../knowledge/index.js';
import { decodeText } from './decode.js';
import { textVerdict, type Plan, type Triggers } from './prefilter.js';
import { VersionPlanner } from './versions.js';
import { scanPlanned, scanPythonText, type PythonFileOptions, type PythonFileResult } from './pythonFile.js';

/** The incubator modules and their packages present in one repository's tree. */
export interface Copies {
  copyModules: readonly string[];
  copyPackages: readonly string[];
}

/**
 * One file of a batch: `bytes.subarray(start, end)`, and whether it may name an `openstack.common`
 * module (null: the sender left the text pass to the worker, which then makes it).
 */
export interface BatchFile {
  file: string;
  start: number;
  end: number;
  usesCopies: boolean | null;
  /**
   * The prefilter's plan, when the sender made it: the whole file, or fragments whose source follows
   * the file's bytes up to `sourceEnd`, then their `rows` as 32-bit integers (numbers in the buffer,
   * not an array cloned number by number). The file's own bytes travel too: a fragment tree-sitter
   * cannot read cleanly sends the file to a whole parse. Without a plan the worker makes it.
   */
  plan?: { kind: 'whole' } | { kind: 'fragments'; sourceEnd: number; rows: number };
}

/** A plan that needs parsing, as the sender made it. */
export type SentPlan = Exclude<Plan, { kind: 'none' }>;

export interface BatchRequest extends Copies {
  id: number;
  files: BatchFile[];
  /** Every file's bytes (UTF-8 text), one after another; transferred, never copied. */
  bytes: ArrayBuffer;
  prefilter: boolean;
  /** The selected rules, when they are not the default packs (a worker's default). */
  rules?: RuleSelection;
  /** The files are versions of paths, path by path: planned from the version before (`ScanOptions.versions`). */
  versions?: boolean;
}

/**
 * A worker's answer. `bytes` is the request's buffer, moved back: the next batch is written into it
 * (ParsePool.spare), where a new buffer's every page would be a fault for the kernel to zero, on the
 * thread that reads the files (some 20 ms of a cold scan of nova).
 */
export type BatchReply = ({ id: number; results: PythonFileResult[] } | { id: number; error: string }) & { bytes?: ArrayBuffer };

/**
 * Gathers files into one buffer as they are read: each blob is copied once, straight from what git
 * sent, and the buffer then moves to a worker whole.
 */
export class BatchPacker {
  private bytes: Buffer | null = null;
  private files: BatchFile[] = [];
  /** Bytes gathered so far. */
  size = 0;

  /** `spare`: a buffer a batch came back in, if any (BatchReply.bytes), to write the next one into. */
  constructor(
    private readonly capacity: number,
    private readonly spare: () => ArrayBuffer | undefined = () => undefined,
  ) {}

  get count(): number {
    return this.files.length;
  }

  add(file: string, data: Uint8Array, usesCopies: boolean | null, plan?: SentPlan): void {
    const source = plan?.kind === 'fragments' ? Buffer.byteLength(plan.source) : 0;
    const fragments = plan?.kind === 'fragments' ? source + 4 * plan.rows.length : 0;
    const needed = data.length + fragments;
    if (!this.bytes) {
      const spare = this.spare();
      if (spare && spare.byteLength >= Math.max(this.capacity, needed)) this.bytes = Buffer.from(spare);
    }
    if (!this.bytes || this.size + needed > this.bytes.length) {
      // A buffer of its own (never Buffer's shared pool): only such a buffer can be moved to a worker.
      const grown = Buffer.allocUnsafeSlow(Math.max(this.capacity, 2 * this.size + needed));
      this.bytes?.copy(grown, 0, 0, this.size);
      this.bytes = grown;
    }
    const start = this.size;
    const end = start + data.length;
    this.bytes.set(data, start);
    const sent: BatchFile = { file, start, end, usesCopies };
    if (plan?.kind === 'fragments') {
      this.bytes.write(plan.source, end, source, 'utf8');
      let at = end + source;
      for (const row of plan.rows) at = this.bytes.writeInt32LE(row, at);
      sent.plan = { kind: 'fragments', sourceEnd: end + source, rows: plan.rows.length };
    } else if (plan) {
      sent.plan = { kind: 'whole' };
    }
    this.files.push(sent);
    this.size = end + fragments;
  }

  /** The request (without its id) for what was gathered; the packer starts over empty. */
  take(copies: Copies, prefilter: boolean, rules?: RuleSelection, versions = false): Omit<BatchRequest, 'id'> {
    const request = { files: this.files, bytes: (this.bytes ?? Buffer.allocUnsafeSlow(0)).buffer as ArrayBuffer, ...copies, prefilter, ...(rules ? { rules } : {}), ...(versions ? { versions } : {}) };
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

/**
 * A Python file that passed the text prefilter: it sees the copy lists only if it may name an
 * `openstack.common` module. With `usesCopies` null the text pass is made here first; the result then
 * says what it found (`usesCopies`), and a file without a trigger is not planned at all.
 */
export function scanCandidate(file: string, text: string, usesCopies: boolean | null, copies: CopySets, options: PythonFileOptions): PythonFileResult {
  if (usesCopies === null && options.triggers) {
    const verdict = textVerdict(text, options.triggers);
    if (!verdict.candidate) return { findings: [], adopted: [], parsed: 'none', copyLookups: [], usesCopies: false };
    return { ...scanCandidate(file, text, verdict.usesCopies, copies, options), usesCopies: verdict.usesCopies };
  }
  return scanPythonText({ file, text, ...(usesCopies !== false ? copies : NO_COPIES) }, options);
}

/** This thread's planner of versions: consecutive batches may hold versions of the same path. */
let planner: VersionPlanner | undefined;

/**
 * Scans every file of a batch, in order. `triggers` are asked for only when a file comes without its
 * plan: a scan alone plans every file on the thread that read it, and its worker never makes them.
 */
export function scanBatch(request: Omit<BatchRequest, 'id'>, knowledge: Knowledge, triggers: () => Triggers): PythonFileResult[] {
  const planning = request.prefilter && request.files.some((f) => !f.plan);
  const options = { knowledge, triggers: planning ? triggers() : null, rules: request.rules?.rules, planner: request.versions ? (planner ??= new VersionPlanner()) : undefined };
  const copies = copySets(request);
  const all = Buffer.from(request.bytes);
  const text = (start: number, end: number, file: string): string => {
    const decoded = decodeText(all.subarray(start, end));
    // The sender decoded the same bytes before choosing to send them.
    if ('reason' in decoded) throw new Error(`${file}: ${decoded.reason}`);
    return decoded.text;
  };
  return request.files.map((f, i) => {
    // A path's versions come together in a batch: the last one's lexing serves no later version.
    if (options.planner) options.planner.following = request.files[i + 1]?.file ?? null;
    if (!f.plan) return scanCandidate(f.file, text(f.start, f.end, f.file), f.usesCopies, copies, options);
    let plan: Plan = { kind: 'whole', reason: 'planned by the sender' };
    if (f.plan.kind === 'fragments') {
      const { sourceEnd } = f.plan;
      const rows = Array.from({ length: f.plan.rows }, (_, r) => all.readInt32LE(sourceEnd + 4 * r));
      plan = { kind: 'fragments', source: text(f.end, sourceEnd, f.file), rows };
    }
    // The file's own text is decoded only if it is parsed whole: fragments are most of the work.
    const input = { file: f.file, get text() { return text(f.start, f.end, f.file); }, ...(f.usesCopies ? copies : NO_COPIES) };
    return scanPlanned(input, plan, options);
  });
}
