// Starting the review app on the real terminal.

import { render } from 'ink';
import { ReviewApp, type ReviewAppProps, type ReviewResult } from './App.js';

// The alternate screen keeps the user's scrollback as it was, as full-screen terminal programs do.
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

/** Renders the app until the user leaves; resolves with how they left and the report reviewed. */
export async function startReview(props: Omit<ReviewAppProps, 'onExit'>, streams: { stdout?: NodeJS.WriteStream; stdin?: NodeJS.ReadStream } = {}): Promise<ReviewResult> {
  const stdout = streams.stdout ?? process.stdout;
  let result: ReviewResult = { interrupted: false, report: props.report ?? null };
  stdout.write(ENTER_ALT_SCREEN);
  try {
    const app = render(<ReviewApp {...props} onExit={(r) => (result = r)} />, { stdout, stdin: streams.stdin ?? process.stdin, exitOnCtrlC: false, patchConsole: true });
    await app.waitUntilExit();
  } finally {
    stdout.write(LEAVE_ALT_SCREEN);
  }
  return result;
}
