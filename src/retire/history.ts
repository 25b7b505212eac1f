// Which commit made a piece of evidence true: a search over the versions of one file, from one history
// walk per checkout. A test (pure, on a version's text) holds at HEAD; going back from HEAD in growing
// steps finds a version where it did not hold, and halving that interval finds the change that made it
// hold. A reformatting or sorting commit does not change what the test sees, so it is never the answer.

import { BlobReader, fileVersions, isShallow, type FileVersion } from '../git/index.js';
import type { CommitFact, VersionTest } from './inputs.js';

export class FileSearch {
  private versions: Promise<Map<string, FileVersion[]>> | null = null;
  /** Walks of files outside `paths` asked after the first walk, one per file. */
  private readonly extra = new Map<string, Promise<FileVersion[]>>();
  private reader: BlobReader | null = null;
  private readonly texts = new Map<string, Promise<string | null>>();
  private readonly answers = new Map<string, Promise<CommitFact | null>>();
  private shallow: Promise<boolean> | null = null;

  constructor(private readonly root: string, private readonly head: string, private readonly paths: readonly string[]) {}

  /** The versions of every file in `paths` (and the first file asked outside them), from the one walk. */
  walk(file?: string): Promise<Map<string, FileVersion[]>> {
    this.versions ??= fileVersions(this.root, file === undefined || this.paths.includes(file) ? this.paths : [...this.paths, file], this.head);
    return this.versions;
  }

  /** Whether the checkout's history is shallow, asked once. */
  isShallow(): Promise<boolean> {
    this.shallow ??= isShallow(this.root).catch(() => false);
    return this.shallow;
  }

  private async versionsOf(file: string): Promise<FileVersion[]> {
    const walked = (await this.walk(file)).get(file);
    if (walked) return walked;
    let more = this.extra.get(file);
    if (!more) {
      more = fileVersions(this.root, [file], this.head).then((m) => m.get(file) ?? []);
      this.extra.set(file, more);
    }
    return more;
  }

  text(blob: string | null): Promise<string | null> {
    if (blob === null) return Promise.resolve(null);
    let t = this.texts.get(blob);
    if (!t) {
      this.reader ??= new BlobReader(this.root);
      t = this.reader.read(blob);
      this.texts.set(blob, t);
    }
    return t;
  }

  /** The newest change since which `test` has held of `file`, or null when it holds for the whole history walked (or not now). */
  since(file: string, test: VersionTest): Promise<CommitFact | null> {
    const key = `${file}\0${test.key}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.search(file, test);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private async search(file: string, test: VersionTest): Promise<CommitFact | null> {
    const versions = await this.versionsOf(file);
    if (!versions.length) return null;
    const holds = async (i: number): Promise<boolean> => test.holds(i >= versions.length ? null : await this.text(versions[i]!.blob), file);
    if (!(await holds(0))) return null;
    // Grow the step back from HEAD until the test fails. Only when it holds at the oldest version is the
    // file's absence before it asked: a test that also holds there never became true in this history.
    const last = versions.length - 1;
    let good = 0;
    let step = 1;
    let bad = -1;
    while (bad < 0) {
      const i = Math.min(good + step, last);
      if (i === good) return (await holds(versions.length)) ? null : this.fact(versions, good);
      if (!(await holds(i))) bad = i;
      else good = i;
      step *= 2;
    }
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      if (await holds(mid)) good = mid;
      else bad = mid;
    }
    return this.fact(versions, good);
  }

  private async fact(versions: FileVersion[], at: number): Promise<CommitFact> {
    const v = versions[at]!;
    // In a shallow clone the oldest version stands for all the history cut off before it.
    const approximate = (await this.isShallow()) && at === versions.length - 1;
    return approximate ? { commit: v.commit, date: v.date, approximate } : { commit: v.commit, date: v.date };
  }

  close(): void {
    this.reader?.close();
  }
}
