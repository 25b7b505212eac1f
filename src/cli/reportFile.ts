import { readFileSync } from 'node:fs';
import { parseReport, parseTrend, type Report, type TrendReport } from '../report/index.js';
import { UsageError } from './exitCodes.js';

/** A saved JSON report, checked against the schema; an unreadable or invalid file is a usage error. */
export function readReportFile(file: string): Report {
  return readChecked(file, parseReport);
}

/** A saved trend report (`trend --format json`), checked against its schema. */
export function readTrendFile(file: string): TrendReport {
  return readChecked(file, parseTrend);
}

function readChecked<T>(file: string, parse: (text: string, origin: string) => T): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return parse(text, file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
