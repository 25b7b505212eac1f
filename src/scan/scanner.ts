// Scans one repository at one commit: path facts, config files, and a tree-sitter parse per Python file.

import { knowledge as sharedKnowledge, type Knowledge } from '../knowledge/index.js';
import { sortFindings } from '../report/index.js';
import type { Finding, Skipped } from '../report/types.js';
import { gitreviewProject, isPythonScript, roleOf, type Role } from './classify.js';
import { copyLocation } from './copyTree.js';
import { decodeText } from './decode.js';
import { detectCommonConf } from './detectors/commonConf.js';
import { detectConsoleScripts, pyprojectScripts, setupCfgScripts } from './detectors/consoleScripts.js';
import { detectCopy, detectRootwrapFile } from './detectors/paths.js';
import { detectPython } from './detectors/python.js';
import { detectRequirements } from './detectors/requirements.js';
import { isSubmodule, isSymlink, type TreeEntry, type TreeSource } from './source.js';
import { parsePython } from './treeSitter.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface ScanOptions {
  /** Files larger than this many bytes are skipped as `too-large`. */
  maxFileSize?: number;
  knowledge?: Knowledge;
}

export interface ScanResult {
  findings: Finding[];
  skipped: Skipped[];
  /** PyPI names of Oslo libraries the code imports in their current form. */
  adoptedLibraries: string[];
  /** `namespace/name` from `.gitreview`, when the repository has one. */
  gitreviewProject: string | null;
}

export async function scanTree(source: TreeSource, options: ScanOptions = {}): Promise<ScanResult> {
  const kb = options.knowledge ?? sharedKnowledge();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const entries = (await source.entries()).filter((e) => !isSubmodule(e));
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const adopted = new Set<string>();
  let repo: string | null = null;

  const copyModules = new Set<string>();
  const copyPackages = new Set<string>();
  const toRead: TreeEntry[] = [];
  for (const e of entries) {
    const copy = detectCopy(e.path, kb);
    if (copy) findings.push(copy);
    const loc = copyLocation(e.path);
    if (loc?.isPython) copyModules.add(loc.module);
    if (loc) copyPackages.add(loc.package);
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

  for await (const { entry, data } of source.read(toRead)) {
    const role = roleOf(entry.path)!;
    if (data === null) {
      if (role !== 'script') skipped.push({ file: entry.path, reason: 'unreadable' });
      continue;
    }
    const decoded = decodeText(data);
    if ('reason' in decoded) {
      if (role !== 'script') skipped.push({ file: entry.path, reason: decoded.reason });
      continue;
    }
    scanText(entry.path, role, decoded.text);
  }

  function scanText(file: string, role: Role, text: string): void {
    switch (role) {
      case 'script':
      case 'python': {
        if (role === 'script' && !isPythonScript(text)) return;
        const result = detectPython(file, parsePython(text), { knowledge: kb, copyModules, copyPackages, insideCopy: copyLocation(file) !== null });
        findings.push(...result.findings);
        for (const lib of result.adopted) adopted.add(lib);
        return;
      }
      case 'common-conf':
        findings.push(...detectCommonConf(file, text, kb));
        return;
      case 'requirements':
        findings.push(...detectRequirements(file, text, kb));
        return;
      case 'setup-cfg':
        findings.push(...detectConsoleScripts(file, setupCfgScripts(text)));
        return;
      case 'pyproject':
        findings.push(...detectConsoleScripts(file, pyprojectScripts(text)));
        return;
      case 'gitreview':
        repo = gitreviewProject(text);
        return;
    }
  }

  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { findings: sortFindings(findings), skipped, adoptedLibraries: [...adopted].sort(), gitreviewProject: repo };
}
