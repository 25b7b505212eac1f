// Which incubator version one copied file came from: by content first, then by token stream, then
// the closest version of the same file with a similarity and the local changes as a unified diff.
// No I/O: the caller supplies the texts of the versions it may need (`versionText`).

import type { CopyProvenance } from '../report/index.js';
import { bagSimilarity, changeBlocks, similarityOf } from './diff.js';
import type { IncubatorVersion } from './history.js';
import { COMMON_DIR } from './history.js';
import type { IncubatorIndex } from './incubatorIndex.js';
import { blobId, diffSequences, unifiedDiff } from '../util/index.js';
import { tokenHash, tokenStream, type TokenStream } from './tokens.js';

/** Below this share of tokens in common, a copy is not taken for a modified version of anything. */
export const MIN_SIMILARITY = 0.5;
/** How many versions, ranked by their bag of tokens, get the exact (ordered) comparison. */
const SHORTLIST = 3;

export interface CopyInput {
  /** Path in the project (`nova/openstack/common/lockutils.py`). */
  file: string;
  /** Path below `openstack/common/` (`lockutils.py`). */
  relPath: string;
  /** The copy's text with update.py's rewrite undone. */
  text: string;
  /** The copy's text as the project has it (shown in the diff); defaults to `text`. */
  original?: string;
  /** When the module graduated (its last incubator version before then is the one to be level with). */
  graduated?: string | null;
}

export interface MatchContext {
  index: IncubatorIndex;
  /** Text of an incubator blob, or null when it is not at hand. */
  versionText(blob: string): string | null;
  /** Token streams by blob, shared across copies and projects. */
  tokenCache?: Map<string, TokenStream>;
}

const isPython = (path: string): boolean => path.endsWith('.py');

function tokensOfVersion(v: IncubatorVersion, ctx: MatchContext): TokenStream | null {
  const cached = ctx.tokenCache?.get(v.blob);
  if (cached) return cached;
  const text = ctx.versionText(v.blob);
  if (text === null) return null;
  const stream = tokenStream(text, isPython(v.path));
  ctx.tokenCache?.set(v.blob, stream);
  return stream;
}

/** Among versions with the same content, the one at the copy's own path; else the oldest. */
function pick(versions: IncubatorVersion[], relPath: string, newest: boolean): IncubatorVersion | null {
  const same = versions.filter((v) => v.path === relPath);
  const pool = same.length ? same : versions;
  const order = [...pool].sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
  return (newest ? order[order.length - 1] : order[0]) ?? null;
}

function staleness(version: IncubatorVersion, copy: CopyInput, ctx: MatchContext): Pick<CopyProvenance, 'stale' | 'newerVersions' | 'latest'> {
  const latest = ctx.index.latestOf(version.path, copy.graduated ?? null);
  if (!latest || latest.blob === version.blob) return { stale: false, newerVersions: 0, latest: latest ? { commit: latest.commits[0]!.commit, date: latest.since } : null };
  const newer = ctx.index.newerThan(version, latest);
  return { stale: newer.length > 0, newerVersions: newer.length, latest: { commit: latest.commits[0]!.commit, date: latest.since } };
}

function found(version: IncubatorVersion, match: CopyProvenance['match'], copy: CopyInput, ctx: MatchContext): CopyProvenance {
  return {
    status: 'exact',
    match,
    incubatorPath: COMMON_DIR + version.path,
    blob: version.blob,
    commits: version.commits.map((c) => c.commit),
    since: version.since,
    until: version.until,
    similarity: 1,
    changes: 0,
    diff: null,
    ...staleness(version, copy, ctx),
  };
}

const UNMATCHED: CopyProvenance = {
  status: 'unmatched', match: null, incubatorPath: null, blob: null, commits: [], since: null, until: null,
  similarity: 0, changes: 0, diff: null, stale: false, newerVersions: 0, latest: null,
};

export function matchCopy(copy: CopyInput, ctx: MatchContext): CopyProvenance {
  const identical = pick(ctx.index.withBlob(blobId(copy.text)), copy.relPath, false);
  if (identical) return found(identical, 'identical', copy, ctx);

  const stream = tokenStream(copy.text, isPython(copy.relPath));
  // Several versions can share a token stream (a commit that only reworded comments): the newest counts.
  const equivalent = pick(ctx.index.withTokens(tokenHash(stream)), copy.relPath, true);
  if (equivalent) return found(equivalent, 'equivalent', copy, ctx);

  const candidates = ctx.index.versionsOf(copy.relPath).flatMap((v) => {
    const tokens = tokensOfVersion(v, ctx);
    return tokens ? [{ v, tokens, rough: bagSimilarity(tokens.tokens, stream.tokens) }] : [];
  });
  candidates.sort((a, b) => b.rough - a.rough || Date.parse(b.v.since) - Date.parse(a.v.since));
  let best: { v: IncubatorVersion; tokens: TokenStream; similarity: number } | null = null;
  for (const c of candidates.slice(0, SHORTLIST)) {
    const ops = diffSequences(c.tokens.tokens, stream.tokens);
    // Too different for the exact comparison: the bag estimate is an upper bound, so halve it.
    const similarity = ops ? similarityOf(ops, c.tokens.tokens.length, stream.tokens.length) : c.rough / 2;
    if (!best || similarity > best.similarity) best = { v: c.v, tokens: c.tokens, similarity };
  }
  if (!best || best.similarity < MIN_SIMILARITY) return { ...UNMATCHED, similarity: round(best?.similarity ?? 0) };

  const v = best.v;
  const lineOps = diffSequences(best.tokens.lines, stream.lines);
  const text = ctx.versionText(v.blob) ?? '';
  const diff = unifiedDiff(text, copy.text, `a/${COMMON_DIR}${v.path} (oslo-incubator ${v.commits[0]!.commit.slice(0, 10)}, ${v.since.slice(0, 10)})`, `b/${copy.file}`, 3, copy.original ?? copy.text);
  const hunks = (diff.match(/^@@ /gm) ?? []).length;
  return {
    status: 'modified',
    match: 'closest',
    incubatorPath: COMMON_DIR + v.path,
    blob: v.blob,
    commits: v.commits.map((c) => c.commit),
    since: v.since,
    until: v.until,
    similarity: round(best.similarity),
    changes: Math.max(1, lineOps ? changeBlocks(lineOps) : hunks),
    diff,
    ...staleness(v, copy, ctx),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
