import type { Project } from './types.js';

/**
 * A project's identity across reports (merging shards, comparing with a baseline): its
 * `namespace/name` when known, else its name. Not its source: the same checkout scanned from
 * another folder is the same project.
 */
export function projectKey(p: Pick<Project, 'name' | 'repo'>): string {
  return p.repo ?? p.name;
}
