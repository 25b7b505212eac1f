// Scans one repository at one commit: path facts, config files, and Python files through the
// prefilter and tree-sitter. Results of unchanged blobs come from the cache; Python files that may
// hold a finding are parsed by the worker pool; everything is streamed, file by file.

import { copyLocation, defaultRules, knowledge as sharedKnowledge } from '../knowledge/index.js';
import { sortFindings, type Finding, type Skipped } from '../report/index.js';
import { copiesKey, ScanCache, type FileResult } from './cache.js';
import { gitreviewProject, isPythonScript, roleOf, type Role } from './classify.js';
import { tryCacheWrite } from './cacheWarning.js';
import { loadCommitRecord, saveCommitRecord, type CommitKey } from './commitRecord.js';
import { decodeText, textCheck } from './decode.js';
import { detectCommonConf } from './detectors/commonConf.js';
import { detectConsoleScripts, pyprojectScripts, setupCfgScripts } from './detectors/consoleScripts.js';
import { detectCopy, detectRootwrapFile } from './detectors/paths.js';
import { detectRequirements } from './detectors/requirements.js';
import { toolKey } from './toolKey.js';
import { textVerdict, triggersFor } from './triggers.js';
import { packFilter } from './packs.js';
import { prepareAhead, pythonParser, type ParserSetup } from './pythonParser.js';
import { isSubmodule, isSymlink, type OpenTree, type TreeEntry, type TreeSource } from './source.js';
import type { ScanOptions, ScanResult, ScanStats } from './scanTypes.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** What one scan works with, settled before the tree is listed. */
interface ScanSetup extends ParserSetup {
  maxFileSize: number;
  /** What cached results depend on: the tool and the selected packs' versions. */
  key: string;
  location: string | undefined;
  /** The results cache folder, when results may be cached. */
  cacheDir: string | null;
  /** What the commit's record is kept under, when the source is a commit's. */
  commitKey: CommitKey | null;
}

export async function scanTree(source: TreeSource, options: ScanOptions = {}): Promise<ScanResult> {
  const ownKnowledge = options.knowledge === undefined;
  const kb = options.knowledge ?? sharedKnowledge();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const rules = options.rules ?? defaultRules();
  const defaultPacks = rules.version === defaultRules().version;
  const triggers = options.prefilter !== false ? triggersFor(kb, rules) : null;
  // Results of other packs must never be taken for these: the key names the selection unless it is the default.
  const key = defaultPacks ? toolKey() : `${toolKey()}+${rules.version}`;
  const keep = packFilter(rules);
  // The shipped knowledge only: results under another knowledge base must not meet the shipped ones.
  const cacheDir = options.cache && source.location && ownKnowledge ? options.cache : null;
  const commitKey = cacheDir && source.commit ? { location: source.location!, commit: source.commit, maxFileSize } : null;
  if (commitKey) {
    const last = loadCommitRecord(cacheDir!, commitKey, key);
    if (last) {
      const { files, bytes, ...result } = last;
      return { ...result, findings: result.findings.filter(keep), stats: { files, bytes, cached: files, python: 0, parsed: { none: 0, fragments: 0, whole: 0 }, commitReused: true } };
    }
  }
  const setup: ScanSetup = { workers: options.workers, alongside: options.alongside === true, versions: options.versions === true, ownKnowledge, kb, maxFileSize, triggers, rules, defaultPacks, key, location: source.location, cacheDir, commitKey };
  const opening = source.open ? source.open() : null;
  // After the listing's git is started: the worker loads and the lexer warms up while git lists.
  if (options.workerAhead) prepareAhead(setup);
  const tree: OpenTree = opening ? await opening : { entries: await source.entries(), read: (wanted) => source.read(wanted) };
  let reading = false;
  try {
    const result = await scanListed(tree, setup, () => (reading = true));
    return { ...result, findings: result.findings.filter(keep) };
  } finally {
    // An open tree is closed by reading it, even when nothing is wanted.
    if (!reading) for await (const _ of tree.read([]));
  }
}

/** Scans a listed tree: path facts, then the files to read, from the cache or through the tree's reader. */
async function scanListed(tree: OpenTree, setup: ScanSetup, startReading: () => void): Promise<ScanResult> {
  const { kb, maxFileSize, triggers, cacheDir, commitKey } = setup;
  const entries = tree.entries.filter((e) => !isSubmodule(e));
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const adopted = new Set<string>();
  let repo: string | null = null;
  const stats: ScanStats = { files: 0, bytes: 0, cached: 0, python: 0, parsed: { none: 0, fragments: 0, whole: 0 }, commitReused: false };
  // A blob git could not give is not a property of the commit: such a result is not recorded.
  let complete = true;

  const copySet = new Set<string>();
  const copyPackageSet = new Set<string>();
  const toRead: TreeEntry[] = [];
  for (const e of entries) {
    const copy = detectCopy(e.path, kb);
    if (copy) findings.push(copy);
    const loc = copyLocation(e.path);
    if (loc?.isPython) copySet.add(loc.module);
    if (loc) copyPackageSet.add(loc.package);
    const rootwrapFile = detectRootwrapFile(e.path);
    if (rootwrapFile) findings.push(rootwrapFile);

    const role = roleOf(e.path);
    if (!role) continue;
    if (isSymlink(e)) {
      // A link could point anywhere, even outside the repository: never followed. Extensionless
      // links in bin/ are not known to be Python, so they are not reported.
      if (role !== 'script') skipped.push({ file: e.path, reason: 'symlink' });
    } else if (e.size > maxFileSize) {
      if (role !== 'script') skipped.push({ file: e.path, reason: 'too-large' });
    } else {
      toRead.push(e);
    }
  }
  const copyModules = [...copySet].sort();
  const copyPackages = [...copyPackageSet].sort();

  const cache = cacheDir ? new ScanCache(cacheDir, setup.location!, copiesKey(copyModules, copyPackages), setup.key) : null;

  const record = (entry: TreeEntry, role: Role, result: FileResult, store = true): void => {
    if (store) cache?.set(entry.path, entry.blob, result);
    if (result.skip) {
      if (role !== 'script') skipped.push({ file: entry.path, reason: result.skip });
      return;
    }
    findings.push(...result.findings);
    for (const lib of result.adopted ?? []) adopted.add(lib);
    if (result.gitreview !== undefined) repo = result.gitreview;
  };

  const toFetch: TreeEntry[] = [];
  for (const e of toRead) {
    stats.files++;
    stats.bytes += e.size;
    const hit = cache?.get(e.path, e.blob);
    if (hit) {
      stats.cached++;
      record(e, roleOf(e.path)!, hit, false);
    } else {
      toFetch.push(e);
    }
  }

  const parse = pythonParser(setup, toFetch, { copyModules, copyPackages });
  startReading();
  for await (const { entry, data } of tree.read(toFetch)) {
    const role = roleOf(entry.path)!;
    if (data === null) {
      // Not a property of the blob: never cached.
      complete = false;
      if (role !== 'script') skipped.push({ file: entry.path, reason: 'unreadable' });
      continue;
    }
    // A scan beside others leaves a Python file's decoding and text pass to the parse workers, which
    // decode it anyway: this thread, the reading of every scan, only checks that the bytes are text.
    const decoded = role === 'python' && parse.decodesLater ? textCheck(data) : decodeText(data);
    if ('reason' in decoded) {
      record(entry, role, { findings: [], skip: decoded.reason });
      continue;
    }
    const text = decoded.text;
    if (text === null || role === 'script' || role === 'python') {
      if (role === 'script' && !isPythonScript(text!)) {
        record(entry, role, { findings: [] });
        continue;
      }
      stats.python++;
      const verdict = text === null ? null : triggers ? textVerdict(text, triggers) : { candidate: true, usesCopies: true };
      if (verdict?.candidate === false) {
        stats.parsed.none++;
        record(entry, role, { findings: [] });
        continue;
      }
      await parse.submit({ file: entry.path, data, text, usesCopies: verdict?.usesCopies ?? null }, (result) => {
        stats.parsed[result.parsed]++;
        record(entry, role, {
          findings: result.findings,
          ...(result.adopted.length > 0 ? { adopted: result.adopted } : {}),
          ...((verdict?.usesCopies ?? result.usesCopies) ? { usesCopies: true, copyLookups: result.copyLookups } : {}),
        });
      });
      continue;
    }
    switch (role) {
      case 'common-conf':
        record(entry, role, { findings: detectCommonConf(entry.path, text, kb) });
        break;
      case 'requirements':
        record(entry, role, { findings: detectRequirements(entry.path, text, kb) });
        break;
      case 'setup-cfg':
        record(entry, role, { findings: detectConsoleScripts(entry.path, setupCfgScripts(text)) });
        break;
      case 'pyproject':
        record(entry, role, { findings: detectConsoleScripts(entry.path, pyprojectScripts(text)) });
        break;
      case 'gitreview':
        record(entry, role, { findings: [], gitreview: gitreviewProject(text) });
        break;
    }
  }
  await parse.finish();
  if (cache) tryCacheWrite(cacheDir!, () => cache.save());

  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const result = { findings: sortFindings(findings), skipped, adoptedLibraries: [...adopted].sort(), gitreviewProject: repo };
  if (commitKey && complete) tryCacheWrite(cacheDir!, () => saveCommitRecord(cacheDir!, commitKey, { ...result, files: stats.files, bytes: stats.bytes }, setup.key));
  return { ...result, stats };
}
