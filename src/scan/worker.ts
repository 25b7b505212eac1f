// A parse worker: receives batches of Python files, answers with their findings.
// tree-sitter is a native addon that loads once per thread; each worker keeps its own parser.

import { parentPort } from 'node:worker_threads';
import { knowledge } from '../knowledge/index.js';
import { triggersOf } from './prefilter.js';
import { scanPythonText, type PythonFileInput, type PythonFileResult } from './pythonFile.js';

export interface BatchRequest {
  id: number;
  files: PythonFileInput[];
  prefilter: boolean;
}

export type BatchReply = { id: number; results: PythonFileResult[] } | { id: number; error: string };

const kb = knowledge();
const triggers = triggersOf(kb);

parentPort!.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    const options = { knowledge: kb, triggers: request.prefilter ? triggers : null };
    reply = { id: request.id, results: request.files.map((f) => scanPythonText(f, options)) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
