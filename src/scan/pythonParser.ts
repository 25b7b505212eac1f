// Where a scan's Python files are parsed: on the calling thread for a small scan, or in batches on
// the shared pool of parse workers. A scan alone makes each file's plan on the calling thread (it
// has the text already) and sends the fragments to one worker: the statement lexer then warms up in
// V8 once, not on every worker, and a file with nothing to parse is never sent. Scans of a batch
// (`alongside`) leave the calling thread to their reading: the workers, one per core, plan.

import type { Knowledge, RuleSelection } from '../knowledge/index.js';
import { BatchPacker, copySets, scanCandidate, type Copies } from './batch.js';
import { roleOf } from './classify.js';
import { defaultJobs, poolRunning, sharedPool } from './pool.js';
import { planPython, warmUpPlanner, type Triggers } from './prefilter.js';
import { VersionPlanner } from './versions.js';
import type { PythonFileResult } from './pythonFile.js';
import type { TreeEntry } from './source.js';

/** Below this many bytes of Python to parse, starting workers costs more than it saves. */
const POOL_THRESHOLD = 1024 * 1024;
/** A batch sent to a worker: enough files to make the message worth it, few enough to spread the load. */
const BATCH_FILES = 64;
const BATCH_BYTES = 512 * 1024;

/** What the parsing of one scan depends on. */
export interface ParserSetup {
  /** Parse workers asked for (0: this thread); by default up to one per core, once there is enough to parse. */
  workers: number | undefined;
  /** Other scans run beside this one (`ScanOptions.alongside`). */
  alongside: boolean;
  /** The files are versions of paths, path by path (`ScanOptions.versions`). */
  versions: boolean;
  /** Whether the knowledge base is the shipped one (the only one workers know). */
  ownKnowledge: boolean;
  kb: Knowledge;
  triggers: Triggers | null;
  rules: RuleSelection;
  /** Whether `rules` is the default selection (workers then need not be told). */
  defaultPacks: boolean;
}

/**
 * A Python file: its bytes, their text (null: not decoded yet), and whether it may name a copy (null:
 * the text pass is still to make, by whichever thread plans the file; it may then not be a candidate).
 */
export interface CandidateFile {
  file: string;
  data: Buffer;
  text: string | null;
  usesCopies: boolean | null;
}

export interface PythonParser {
  /**
   * Whether the parse workers decode each Python file and make its text pass (scans of a batch): the
   * caller then only checks that the bytes are text, and submits them undecoded (`text: null`).
   * Otherwise every file comes decoded, and this thread may plan it.
   */
  readonly decodesLater: boolean;
  /** Queues a file; resolves when there is room for more (the caller's reading waits on it). */
  submit(file: CandidateFile, done: (result: PythonFileResult) => void): Promise<void>;
  /** Resolves once every queued file is done; rejects with the first failure. */
  finish(): Promise<void>;
}

/** Whether this thread plans each file (a scan alone), leaving the workers only the parsing. */
const plansHere = (setup: ParserSetup): boolean => setup.triggers !== null && !setup.alongside;

/**
 * What a scan alone starts before its tree is listed (`ScanOptions.workerAhead`), while git lists: the
 * one worker it would start once it has enough Python to parse, which then loads meanwhile, and this
 * thread's lexer warm-up, which would otherwise come before its first file. Only where size decides
 * (default workers, the shipped knowledge): other scans start what they need once listed.
 */
export function prepareAhead(setup: ParserSetup): void {
  if (setup.workers !== undefined || !setup.ownKnowledge || !plansHere(setup)) return;
  sharedPool(defaultJobs()).start(1);
  warmUpPlanner(setup.triggers!);
}

/** Parses on this thread, or in batches on the shared worker pool when there is enough to parse. */
export function pythonParser(setup: ParserSetup, toFetch: readonly TreeEntry[], copies: Copies): PythonParser {
  const { ownKnowledge, kb, triggers, rules } = setup;
  const jobs = setup.workers ?? defaultJobs();
  const pythonBytes = toFetch.reduce((n, e) => (roleOf(e.path) === 'python' ? n + e.size : n), 0);
  // Workers load the shipped knowledge; another knowledge base is only known to this thread.
  // Without an explicit `workers`, small scans stay on this thread unless the workers are up already.
  const enough = setup.workers !== undefined || pythonBytes >= POOL_THRESHOLD || poolRunning(jobs);
  const useWorkers = jobs > 0 && ownKnowledge && enough;
  if (!useWorkers) {
    const sets = copySets(copies);
    const planner = setup.versions ? new VersionPlanner() : undefined;
    return {
      decodesLater: false,
      async submit(file, done) {
        done(scanCandidate(file.file, file.text!, file.usesCopies, sets, { knowledge: kb, triggers, rules: rules.rules, planner }));
      },
      async finish() {},
    };
  }
  const pool = sharedPool(jobs);
  const decodesLater = triggers !== null && setup.alongside;
  const planHere = plansHere(setup);
  // Workers that only parse what this thread planned have a fraction of its work: one is enough, and
  // each more costs its start (Node, tree-sitter, the queries) for nothing. They load tree-sitter
  // while this thread reads the first files.
  const workers = pool.start(planHere && setup.workers === undefined ? 1 : jobs);
  const inFlight = new Set<Promise<void>>();
  let failure: Error | null = null;
  const packer = new BatchPacker(BATCH_BYTES, () => pool.spare());
  let waiting: ((r: PythonFileResult) => void)[] = [];
  let lastPath = '';
  const full = (): boolean => packer.count >= BATCH_FILES || packer.size >= BATCH_BYTES;
  const send = (): void => {
    if (packer.count === 0) return;
    const sent = waiting;
    waiting = [];
    const p: Promise<void> = pool.run(packer.take(copies, triggers !== null, setup.defaultPacks ? undefined : rules, setup.versions)).then(
      (results) => results.forEach((r, i) => sent[i]!(r)),
      (e: Error) => {
        failure ??= e;
      },
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  return {
    decodesLater,
    async submit(file, done) {
      const plan = planHere ? planPython(file.text!, triggers!) : null;
      if (plan?.kind === 'none') {
        done({ findings: [], adopted: [], parsed: 'none', copyLookups: [] });
        return;
      }
      // Versions (ScanOptions.versions): a full batch goes only once the path changes, so that a path's
      // versions go to one worker together, where each is lexed from the one before.
      if (setup.versions && file.file !== lastPath && full()) send();
      lastPath = file.file;
      // The bytes travel, not the text: they are copied into the batch once and moved to the worker,
      // where a string would be copied twice. The blob's own buffer may be a piece of git's pipe.
      packer.add(file.file, file.data, file.usesCopies, plan ?? undefined);
      waiting.push(done);
      if (!setup.versions && full()) send();
      // Bounded memory: never more than two batches per worker waiting.
      while (inFlight.size >= workers * 2) await Promise.race(inFlight);
      if (failure) throw failure;
    },
    async finish() {
      send();
      while (inFlight.size > 0) await Promise.race(inFlight);
      if (failure) throw failure;
    },
  };
}
