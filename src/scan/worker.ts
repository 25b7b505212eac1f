// A parse worker: receives batches of Python files, answers with their findings.
// tree-sitter is a native addon that loads once per thread; each worker keeps its own parser.

import { parentPort } from 'node:worker_threads';
import { knowledge } from '../knowledge/index.js';
import { scanBatch, type BatchReply, type BatchRequest } from './batch.js';
import { triggersOf } from './prefilter.js';

const kb = knowledge();
const triggers = triggersOf(kb);

parentPort!.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { id: request.id, results: scanBatch(request, kb, triggers) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
