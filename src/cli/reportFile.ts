import { readFileSync } from 'node:fs';
import { parseReport, type Report } from '../report/index.js';
import { UsageError } from './exitCodes.js';

/** A saved JSON report, checked against the schema; an unreadable or invalid file is a usage error. */
export function readReportFile(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return parseReport(text, file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
