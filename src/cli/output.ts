import { atomicWrite } from '../util/atomicWrite.js';

/** Writes a rendering to --output (atomically) or to stdout. */
export function emit(text: string, output: string | undefined): void {
  if (output && output !== '-') atomicWrite(output, text);
  else process.stdout.write(text);
}
