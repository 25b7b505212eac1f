export { scanCheckout } from './scanCheckout.js';
export type { LocalTarget } from './scanCheckout.js';
export { runLocal } from './local.js';
export type { LocalRunOptions } from './local.js';
export { readProjectSource } from './source.js';
export type { PipelineEvent, PipelineListener, TargetState } from './events.js';
