// A parse worker: receives batches of Python files, answers with their findings.
// tree-sitter is a native addon that loads once per thread; each worker keeps its own parser.

import { parentPort } from 'node:worker_threads';
import { knowledge, type RuleSelection } from '../knowledge/index.js';
import { scanBatch, type BatchReply, type BatchRequest } from './batch.js';
import { triggersOf, type Triggers } from './prefilter.js';

const kb = knowledge();
const triggers = triggersOf(kb);
/** Triggers of the last rule selection other than the default one (a run has one selection). */
let other: { version: string; triggers: Triggers } | null = null;
function triggersFor(rules: RuleSelection | undefined): Triggers {
  if (!rules) return triggers;
  if (other?.version !== rules.version) other = { version: rules.version, triggers: triggersOf(kb, rules.words) };
  return other.triggers;
}

parentPort!.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { id: request.id, results: scanBatch(request, kb, triggersFor(request.rules)) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
