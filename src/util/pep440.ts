// Python release versions in PEP 440 order: the one comparison used wherever a requirement's floor is
// weighed against a release (checklists, `fix` raising minimums). `1.10.0` > `1.9`, `2.0.0.0a1` <
// `2.0.0`, `1.0.dev1` < `1.0a1` < `1.0` < `1.0.post1`, `1!0.1` > `9.0`.

interface Parsed {
  epoch: number;
  release: number[];
  /** [phase, number]: a/alpha 0, b/beta 1, rc/c/pre/preview 2; null for a final release. */
  pre: [number, number] | null;
  post: number | null;
  dev: number | null;
}

const PHASES: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

const PATTERN =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9.]*)?$/i;

function parse(text: string): Parsed | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const num = (s: string | undefined): number => (s ? parseInt(s, 10) : 0);
  return {
    epoch: num(m[1]),
    release: m[2]!.split('.').map((x) => parseInt(x, 10)),
    pre: m[3] ? [PHASES[m[3].toLowerCase()]!, num(m[4])] : null,
    post: m[5] !== undefined ? num(m[5]) : m[6] !== undefined ? num(m[6]) : null,
    dev: m[7] !== undefined ? num(m[7]) : null,
  };
}

/** The pre-release rank: a development release of a final version sorts before its pre-releases. */
function preRank(v: Parsed): [number, number] {
  if (v.pre) return v.pre;
  if (v.post === null && v.dev !== null) return [-1, 0];
  return [3, 0];
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Negative, zero or positive as `a` sorts before, with or after `b` in PEP 440 order. A text that is
 * not a PEP 440 version is compared by its dotted numbers alone (`2.x` as `2.0`).
 */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) {
    const nums = (s: string) => s.split('.').map((x) => parseInt(x, 10) || 0);
    return compareNumbers(nums(a), nums(b));
  }
  return (
    pa.epoch - pb.epoch ||
    compareNumbers(pa.release, pb.release) ||
    compareNumbers(preRank(pa), preRank(pb)) ||
    (pa.post ?? -1) - (pb.post ?? -1) ||
    (pa.dev ?? Infinity) - (pb.dev ?? Infinity) ||
    0
  );
}
