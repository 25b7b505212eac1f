export { scanTree, DEFAULT_MAX_FILE_SIZE } from './scanner.js';
export type { ScanOptions, ScanResult, ScanStats } from './scanTypes.js';
export { holdResults } from './cache.js';
export { historyRecordPath } from './commitRecord.js';
export type { TreeEntry, TreeSource, BlobRead, OpenTree } from './source.js';
// Where incubator copies live is knowledge; it stays reachable here for the scan's callers.
export { copyLocation, moduleOfRelPath, splitCopyModule } from '../knowledge/index.js';
export type { CopyLocation } from '../knowledge/index.js';
export { confModules, confBase } from './detectors/commonConf.js';
export { gitreviewProject } from './classify.js';
export { parseRequirements } from './detectors/requirements.js';
export type { Requirement } from './detectors/requirements.js';
export { setupCfgScripts, pyprojectScripts } from './detectors/consoleScripts.js';
export { detectPython, resolveFrom } from './detectors/python.js';
export { parsePython, query, querySource, compileQuery, QUERY_NAMES } from './treeSitter.js';
export type { SyntaxNode, Tree } from './treeSitter.js';
export { runRuleTests, checkRuleQueries } from './ruleTests.js';
export type { RuleTestReport, RuleTestFailure } from './ruleTests.js';
export { closeSharedPools, startParseWorkers } from './pool.js';
