// A parse worker: receives batches of Python files, answers with their findings.
// tree-sitter is a native addon that loads once per thread; each worker keeps its own parser.

import { parentPort } from 'node:worker_threads';
import { defaultRules, knowledge } from '../knowledge/index.js';
import { scanBatch, type BatchReply, type BatchRequest } from './batch.js';
import { triggersFor } from './triggers.js';
import { parsePython } from './treeSitter.js';
import { raiseInterruptBudget } from '../util/index.js';

const kb = knowledge();
// tree-sitter is loaded while the worker starts, before its first batch (with the modules of Node's
// it needs).
parsePython('');
// This thread has loaded what it needs of Node's own modules, as had the thread that started it:
// the budget can be raised without costing either a compile from source (util/tiering.ts).
raiseInterruptBudget();

parentPort!.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { id: request.id, results: scanBatch(request, kb, () => triggersFor(kb, request.rules ?? defaultRules())) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  // The buffer goes back for the next batch: nothing here keeps a view of it (texts are decoded copies).
  reply.bytes = request.bytes;
  parentPort!.postMessage(reply, [request.bytes]);
});
