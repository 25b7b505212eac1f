// Look-ups over the incubator's versions: by content, by token stream, by path.

import type { IncubatorHistory, IncubatorVersion } from './history.js';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class IncubatorIndex {
  private readonly byBlob = new Map<string, IncubatorVersion[]>();
  private readonly byTokens = new Map<string, IncubatorVersion[]>();
  private readonly byPath = new Map<string, IncubatorVersion[]>();

  constructor(readonly history: IncubatorHistory) {
    for (const v of history.versions) {
      push(this.byBlob, v.blob, v);
      if (v.tokens) push(this.byTokens, v.tokens, v);
      push(this.byPath, v.path, v);
    }
  }

  get head(): string {
    return this.history.head;
  }

  get source(): string {
    return this.history.source;
  }

  /** Versions with exactly this content, at any path. */
  withBlob(blob: string): IncubatorVersion[] {
    return this.byBlob.get(blob) ?? [];
  }

  /** Versions with this token stream, at any path. */
  withTokens(tokens: string): IncubatorVersion[] {
    return this.byTokens.get(tokens) ?? [];
  }

  /** Every version of one path below `openstack/common/`, oldest first. */
  versionsOf(path: string): IncubatorVersion[] {
    return this.byPath.get(path) ?? [];
  }

  /**
   * The path's last mainline version no later than `cutoff` (the module's graduation; the last
   * version of all when there is no cutoff or nothing came before it).
   */
  latestOf(path: string, cutoff: string | null = null): IncubatorVersion | null {
    const main = this.versionsOf(path).filter((v) => v.mainline);
    const before = cutoff ? main.filter((v) => Date.parse(v.since) <= Date.parse(cutoff)) : main;
    const pool = before.length ? before : main;
    return pool.reduce<IncubatorVersion | null>((best, v) => (!best || Date.parse(v.since) > Date.parse(best.since) ? v : best), null);
  }

  /** Mainline versions of the path that came after `version`, up to and including `latest`. */
  newerThan(version: IncubatorVersion, latest: IncubatorVersion): IncubatorVersion[] {
    const from = Date.parse(version.since);
    const to = Date.parse(latest.since);
    return this.versionsOf(latest.path).filter((v) => v.mainline && v.blob !== version.blob && Date.parse(v.since) > from && Date.parse(v.since) <= to);
  }
}
