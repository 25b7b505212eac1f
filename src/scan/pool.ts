// A pool of parse workers sized to the cores, shared by every scan in the process.
// Idle workers do not keep the process alive; a worker that dies fails its batch and is replaced.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchReply, BatchRequest } from './batch.js';
import type { PythonFileResult } from './pythonFile.js';

interface Job {
  request: BatchRequest;
  resolve: (results: PythonFileResult[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  /** Buffers batches came back in, for the next batches (BatchReply.bytes); two per worker at most. */
  private readonly spares: ArrayBuffer[] = [];
  private nextId = 1;
  /** How many workers may run: `size`, unless the callers asked for fewer (`start`). */
  private wanted: number;

  constructor(readonly size: number) {
    this.wanted = size;
  }

  /** Whether workers have been started (using the pool then costs no start-up). */
  get running(): boolean {
    return this.slots.length > 0;
  }

  /**
   * Starts `count` workers now (at most `size`, never fewer than run already), so that they load
   * while the caller prepares their first batches; no more are started until asked. Returns how
   * many run: more than `count` when another scan asked for more.
   */
  start(count = this.size): number {
    this.wanted = Math.min(this.size, Math.max(count, this.slots.length));
    while (this.slots.length < this.wanted) this.spawn();
    return this.wanted;
  }

  /** Scans a batch of Python files on a worker; the batch's buffer is moved there, and is then empty here. */
  run(batch: Omit<BatchRequest, 'id'>): Promise<PythonFileResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, ...batch }, resolve, reject });
      this.dispatch();
    });
  }

  /** A buffer a batch came back in, to write another batch into (BatchPacker). */
  spare(): ArrayBuffer | undefined {
    return this.spares.pop();
  }

  /** Stops the workers; batches running or queued fail. */
  async close(): Promise<void> {
    const closed = new Error('parse pool closed');
    for (const job of this.queue.splice(0)) job.reject(closed);
    this.spares.length = 0;
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.job?.reject(closed);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.wanted) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request, [job.request.bytes]);
    }
  }

  private spawn(): Slot {
    detachOnce();
    const worker = new Worker(workerEntry());
    const slot: Slot = { worker, job: null };
    worker.on('message', (reply: BatchReply) => {
      const job = slot.job;
      slot.job = null;
      worker.unref();
      if (reply.bytes && this.spares.length < 2 * this.size) this.spares.push(reply.bytes);
      if (job) {
        if ('error' in reply) job.reject(new Error(reply.error));
        else job.resolve(reply.results);
      }
      this.dispatch();
    });
    const lost = (error: Error): void => {
      const at = this.slots.indexOf(slot);
      if (at < 0) return;
      this.slots.splice(at, 1);
      slot.job?.reject(error);
      slot.job = null;
      this.dispatch();
    };
    worker.on('error', (e) => lost(e));
    worker.on('exit', (code) => lost(new Error(`parse worker exited with code ${code}`)));
    // After the listeners: listening for messages holds the process again. A worker started ahead of
    // its first batch (`start`) must not keep a finished process alive.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}

let entry: URL | undefined;
/**
 * The parse worker's module. Run from the bundle, a CommonJS file of its own (dist/bundle/worker.cjs):
 * an ES module would have each worker thread start Node's ES module loader, some 11 ms of CPU a
 * worker for nothing it needs. Run from the compiled modules (tests), the module beside this one.
 */
function workerEntry(): URL {
  if (!entry) {
    const bundled = new URL('./worker.cjs', import.meta.url);
    entry = existsSync(fileURLToPath(bundled)) ? bundled : new URL('./worker.js', import.meta.url);
  }
  return entry;
}

/**
 * Batches travel to the workers by transfer, which detaches their buffers. The first detach in a
 * process tells V8 that buffers can be detached, and every function it has compiled on the contrary
 * assumption (any that reads a typed array: the lexer's, warmed up by then) is thrown away and
 * compiled again. One detach before the first worker starts, before the lexer runs, settles it.
 */
let detached = false;
function detachOnce(): void {
  if (detached) return;
  detached = true;
  const buffer = new ArrayBuffer(0);
  structuredClone(buffer, { transfer: [buffer] });
}

export function defaultJobs(): number {
  return availableParallelism();
}

const pools = new Map<number, ParsePool>();
/** The process's pool of `size` workers, started on first use. */
export function sharedPool(size: number): ParsePool {
  let pool = pools.get(size);
  if (!pool) {
    pool = new ParsePool(size);
    pools.set(size, pool);
  }
  return pool;
}

/**
 * Starts the parse workers of a scan that will need all of them (one per core) ahead of its first
 * batch, so that they load tree-sitter and the queries while git lists what is to be read.
 */
export function startParseWorkers(): void {
  sharedPool(defaultJobs()).start();
}

/**
 * Stops every shared pool's workers (a later scan starts new ones). For a command that parses on its
 * own thread after scanning (fix): idle workers keep their parsers' memory.
 */
export async function closeSharedPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}

/** Whether a shared pool has started workers already (then using it costs no start-up). */
export function poolRunning(size: number): boolean {
  return pools.get(size)?.running ?? false;
}
