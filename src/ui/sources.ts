// The hooks that connect the store to the functions the UI is handed: the run and its progress, the
// checklists, the source previews, the change plans and their application, the checklist writer and
// leaving. Each reads what the state asks for and dispatches the answer; none keeps state of its own.

import { useApp } from 'ink';
import { useEffect, type Dispatch } from 'react';
import type { PipelineEvent } from '../pipeline/index.js';
import { checklistsWanted, previewWanted } from './selectors.js';
import type { Action, ReviewResult, ReviewState } from './store.js';
import type { ChangeSource, ChecklistSource, ChecklistWriter, Runner, SourceReader } from './types.js';

// How often buffered pipeline events reach the screen: a thousand events in a burst become one redraw.
const PROGRESS_REFRESH_MS = 200;

const firstLine = (e: unknown, fallback: string): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] || fallback;

/** Runs the pipeline once, unless there is a report already; events are buffered and folded in on a timer. */
export function useRun(runner: Runner | undefined, given: boolean, dispatch: Dispatch<Action>): void {
  useEffect(() => {
    if (given || !runner) return;
    const controller = new AbortController();
    const started = Date.now();
    let pending: PipelineEvent[] = [];
    const flush = (): void => {
      const events = pending;
      pending = [];
      dispatch({ type: 'progress', events, elapsedMs: Date.now() - started });
    };
    const timer = setInterval(flush, PROGRESS_REFRESH_MS);
    runner((event) => pending.push(event), controller.signal).then(
      (report) => {
        clearInterval(timer);
        flush();
        dispatch({ type: 'finished', report });
      },
      (e: unknown) => {
        clearInterval(timer);
        flush();
        dispatch({ type: 'runFailed', reason: firstLine(e, 'the scan failed') });
      },
    );
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [runner, given, dispatch]);
}

/** Asks for the open project's checklists when its checklist screen first shows (and again after applied changes dropped them). */
export function useChecklists(state: ReviewState, source: ChecklistSource, now: Date, dispatch: Dispatch<Action>): void {
  const project = checklistsWanted(state);
  const loaded = project ? state.checklists.get(project) : undefined;
  useEffect(() => {
    if (!project || loaded) return;
    dispatch({ type: 'checklists', project, state: { state: 'loading' } });
    source(project, now).then(
      (value) => dispatch({ type: 'checklists', project, state: { state: 'ready', value } }),
      (e: unknown) => dispatch({ type: 'checklists', project, state: { state: 'failed', reason: firstLine(e, 'unreadable') } }),
    );
  }, [project, loaded, source, now, dispatch]);
}

/** Reads the file around the selected finding, once per file. */
export function usePreviews(state: ReviewState, readSource: SourceReader | undefined, dispatch: Dispatch<Action>): void {
  const wanted = previewWanted(state);
  const known = wanted ? state.previews.has(wanted.key) : true;
  useEffect(() => {
    if (!wanted || known) return;
    const { key, project, file } = wanted;
    if (!readSource) return dispatch({ type: 'preview', key, preview: { state: 'unavailable', reason: 'no checkout to read from' } });
    dispatch({ type: 'preview', key, preview: { state: 'loading' } });
    readSource(project, file).then(
      (text) => dispatch({ type: 'preview', key, preview: { state: 'text', text } }),
      (e: unknown) => dispatch({ type: 'preview', key, preview: { state: 'unavailable', reason: firstLine(e, 'unreadable') } }),
    );
  }, [wanted, known, readSource, dispatch]);
}

/** Plans the change the user asked to see, and applies it once confirmed. */
export function useChangePlan(state: ReviewState, changes: ChangeSource | undefined, now: Date, dispatch: Dispatch<Action>): void {
  const shown = state.change;
  const planning = shown?.change.state === 'loading' ? shown : null;
  useEffect(() => {
    const planner = planning && changes?.[planning.kind];
    if (!planning || !planner) return;
    const { seq, project } = planning;
    planner(project, now).then(
      (preview) => dispatch({ type: 'planned', seq, change: { state: 'ready', preview, applying: false } }),
      (e: unknown) => dispatch({ type: 'planned', seq, change: { state: 'failed', reason: firstLine(e, 'cannot plan the changes') } }),
    );
  }, [planning, changes, now, dispatch]);

  const applying = shown?.change.state === 'ready' && shown.change.applying ? shown : null;
  useEffect(() => {
    const run = applying?.change.state === 'ready' ? applying.change.preview.apply : null;
    if (!applying || !run) return;
    const { seq, project } = applying;
    run().then(
      (applied) => dispatch({ type: 'applied', seq, project, applied }),
      (e: unknown) => dispatch({ type: 'refused', seq, reason: firstLine(e, 'unknown error') }),
    );
  }, [applying, dispatch]);
}

/** Writes the checklist the user asked for, and says where. */
export function useChecklistWriter(state: ReviewState, writer: ChecklistWriter | undefined, dispatch: Dispatch<Action>): void {
  const writing = state.writing;
  useEffect(() => {
    if (!writing || !writer) return;
    let message: string;
    try {
      message = `wrote ${writer(writing.project, writing.markdown)}`;
    } catch (e) {
      message = `could not write the checklist: ${firstLine(e, 'unknown error')}`;
    }
    dispatch({ type: 'written', message });
  }, [writing, writer, dispatch]);
}

/** Ends the app once the user has left, telling `onExit` how. */
export function useLeave(left: ReviewResult | null, onExit: ((result: ReviewResult) => void) | undefined): void {
  const { exit } = useApp();
  useEffect(() => {
    if (!left) return;
    onExit?.(left);
    exit(left);
  }, [left, onExit, exit]);
}
