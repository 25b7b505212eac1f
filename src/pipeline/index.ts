export { scanCheckout } from './scanCheckout.js';
export type { LocalTarget } from './scanCheckout.js';
export type { PipelineEvent, PipelineListener, TargetState } from './events.js';
