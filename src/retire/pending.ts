// Evidence while a step is being judged: what it says now, and the test whose history finds the commit
// that made it so (resolved through an EvidenceLookup once every step is judged).

import type { Evidence, Leftover, StepStatus } from './types.js';
import type { VersionTest } from './inputs.js';
import { YamlText } from './yamlText.js';

export interface PendingEvidence extends Evidence {
  test: VersionTest | null;
  /** Where to ask the same test when `file`'s history has no answer (an older era's file). */
  fallback?: string;
}

export function evidence(repo: string, file: string | null, line: number | null, note: string, test: VersionTest | null = null): PendingEvidence {
  return { repo, file, line, commit: null, date: null, note, test };
}

/** Evidence already known to come from a commit (no look-up needed). */
export function atCommit(e: PendingEvidence, at: { commit: string; date: string }): PendingEvidence {
  return { ...e, commit: at.commit, date: at.date, test: null };
}

export interface StepResult {
  status: StepStatus;
  evidence: PendingEvidence[];
  leftovers: Leftover[];
}

const parsedFiles = new WeakMap<Record<string, string | null>, Map<string, YamlText>>();

/** A file of a checkout's texts parsed as YAML, once per set of texts: every step that reads it shares the parse. */
export function parseYaml(files: Record<string, string | null> | null, path: string): YamlText | null {
  const text = files?.[path];
  if (text === null || text === undefined) return null;
  let parsed = parsedFiles.get(files!);
  if (!parsed) parsedFiles.set(files!, (parsed = new Map()));
  let yaml = parsed.get(path);
  if (!yaml || yaml.text !== text) parsed.set(path, (yaml = new YamlText(path, text)));
  return yaml;
}

/** A test from a predicate on a version's text, named so that the same question is asked once. */
export function test(key: string, holds: (text: string | null, file: string) => boolean): VersionTest {
  return { key, holds };
}
