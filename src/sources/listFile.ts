// `--from FILE`: one target per line; `#` starts a comment (at the start of a line or after
// whitespace, so a URL's `#fragment` is left alone); blank lines are skipped.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseTarget, type ParseOptions } from './parse.js';
import { SourceError, type Target } from './types.js';

export function parseTargetList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line.length > 0);
}

/** Targets listed in a file; relative paths in it are relative to the file's folder. */
export function targetsFromFile(file: string, options: ParseOptions = {}): Target[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SourceError(`cannot read target list ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const cwd = dirname(resolve(options.cwd ?? process.cwd(), file));
  return parseTargetList(text).map((line) => parseTarget(line, { ...options, cwd }));
}
