// The review app: live pipeline progress, then the project list, a project's findings with source
// previews, its checklists and generated changes. State lives in the store (store.ts, reducer.ts); the
// hooks in sources.ts answer what it asks of the outside world; the screens only draw it. This file
// puts them together and turns keys into actions.

import { useInput, useStdin } from 'ink';
import { useMemo, useReducer } from 'react';
import type { Report, TrendReport } from '../report/index.js';
import { keysOf } from './keys.js';
import { reducerFor } from './reducer.js';
import { ReviewScreen } from './Screen.js';
import { trendsByName } from './TrendView.js';
import { useChangePlan, useChecklists, useChecklistWriter, useLeave, usePreviews, useRun } from './sources.js';
import { initialState, type ReviewResult, type StoreEnv } from './store.js';
import { makeTheme, ThemeContext } from './theme.js';
import type { CandidacyRule, ChangeKind, ChangeSource, ChecklistSource, ChecklistWriter, Runner, SourceReader } from './types.js';
import { useTerminalSize } from './useTerminalSize.js';

export type { ReviewResult } from './store.js';

export interface ReviewAppProps {
  /** Scans and reports progress; not needed when `report` is given. */
  runner?: Runner;
  /** A report to review without scanning. */
  report?: Report;
  readSource?: SourceReader;
  /** A project's checklists (migration, and retirement for a candidate). */
  checklists: ChecklistSource;
  /** Judges retirement candidacy, the same way the checklists do. */
  candidacy: CandidacyRule;
  writeChecklist?: ChecklistWriter;
  /** Plans (and applies) generated changes: the fix diff, the retirement edits. */
  changes?: ChangeSource;
  /** The moment ages and candidacy are measured from. */
  now?: Date;
  colors?: boolean;
  /** Each project at points of its history (from `trend`): sparklines and the project's chart. */
  trend?: TrendReport;
  /** Called once when the user leaves. */
  onExit?: (result: ReviewResult) => void;
}

const CHANGE_KINDS: readonly ChangeKind[] = ['fix', 'retirement'];

export function ReviewApp(props: ReviewAppProps) {
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize();
  const width = Math.max(40, size.columns);
  // One line short of the terminal: a frame as tall as the terminal makes Ink clear the screen on every redraw.
  const height = Math.max(10, size.rows - 1);
  const body = height - 1;
  const theme = useMemo(() => makeTheme(props.colors ?? true), [props.colors]);
  const { now: givenNow, candidacy, writeChecklist, changes, trend } = props;
  const env = useMemo<StoreEnv>(
    () => ({
      now: givenNow ?? new Date(), candidacy, canWrite: writeChecklist !== undefined, changeKinds: CHANGE_KINDS.filter((k) => changes?.[k]),
      trends: trendsByName(trend),
    }),
    [givenNow, candidacy, writeChecklist, changes, trend],
  );
  const reducer = useMemo(() => reducerFor(env), [env]);
  const [state, dispatch] = useReducer(reducer, null, () => initialState(props.report ?? null, env));

  useRun(props.runner, props.report !== undefined, dispatch);
  useChecklists(state, props.checklists, env.now, dispatch);
  usePreviews(state, props.readSource, dispatch);
  useChangePlan(state, changes, env.now, dispatch);
  useChecklistWriter(state, writeChecklist, dispatch);
  useLeave(state.left, props.onExit);

  // Every key becomes an action; the reducer applies them in order, each to the state the one before left.
  useInput(
    (input, key) => {
      for (const [one, k] of keysOf(input, key)) dispatch({ type: 'key', input: one, key: k, layout: { width, body } });
    },
    { isActive: isRawModeSupported },
  );

  return (
    <ThemeContext.Provider value={theme}>
      <ReviewScreen state={state} env={env} width={width} height={height} idleNote={isRawModeSupported ? null : 'keys need a terminal on stdin'} />
    </ThemeContext.Provider>
  );
}
