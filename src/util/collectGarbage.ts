// tree-sitter's trees live in native memory that V8 does not count: a JS heap of a few megabytes can
// hold hundreds of megabytes of dropped trees that no collection has been started for, and their
// memory is only given back by finalizers that run after the collection, once the event loop turns.
// Code that parses many whole files on the main thread (planning fixes) settles its budget now and then.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

function fullCollection(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Counts bytes parsed; `settle()` collects and lets finalizers run once `every` bytes have been parsed. */
export class ParseBudget {
  private since = 0;
  constructor(private readonly every = 512 * 1024) {}

  parsed(bytes: number): void {
    this.since += bytes;
  }

  async settle(): Promise<void> {
    if (this.since < this.every) return;
    this.since = 0;
    fullCollection();
    await turn();
    await turn();
  }
}
