export * from './types.js';
export { sortFindings, compareFindings, findingsOf } from './findings.js';
export { summarise, emptySummary, migrationStatus } from './summary.js';
export { makeReport, failedProject, toolVersion } from './envelope.js';
export { validateReport, parseReport, reportSchema } from './validate.js';
export { renderTable, overviewRows, projectLines } from './render/table.js';
export { renderMarkdown, markdownTable } from './render/markdown.js';
export { renderJson } from './render/json.js';
