// V8's interrupt budget: how much a function runs between the checks that may send it to the
// optimizing compiler. With the default, a cold scan of nova has 79 functions compiled, each called a
// few thousand times, on threads that take the cores from the scan's own; with 250,000 it has the
// twenty that carry the work compiled, the lexer first (docs/performance.md).
//
// It is raised once every thread of the command has loaded Node's own modules, not at the CLI's
// entry: changing any V8 flag changes the hash V8 checks Node's code cache against, and every
// built-in module loaded after that is compiled from its source. A parse worker's start, which
// loads some ninety of them, then took 60 ms of CPU instead of 25.

import { setFlagsFromString } from 'node:v8';

let raised = false;

/** Raises the interrupt budget for the rest of the process (flags are the process's, not a thread's). */
export function raiseInterruptBudget(): void {
  if (raised) return;
  raised = true;
  setFlagsFromString('--interrupt-budget=250000');
}
