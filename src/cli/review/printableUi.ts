// The review UI shows text from repositories (file names, messages): it gets a copy with control
// characters escaped (see report/printable.ts), so a file name cannot draw on the terminal. What it
// hands back (a project to plan for, a file to read) is mapped to the real one first.

import type { PipelineListener } from '../../pipeline/index.js';
import { printable, type Project, type Report } from '../../report/index.js';
import type { ReviewAppProps } from '../../ui/index.js';
import { escapeControlInLines } from '../../util/index.js';

type Props = Omit<ReviewAppProps, 'onExit'>;

export function shownToTheUi(props: Props): Props {
  const real = new WeakMap<Project, Project>();
  const show = (project: Project): Project => {
    const shown = printable(project);
    real.set(shown, project);
    return shown;
  };
  const showReport = (report: Report): Report => ({ ...printable(report), projects: report.projects.map(show) });
  const realOf = (project: Project): Project => real.get(project) ?? project;
  // A shown file name back to the one in the repository.
  const realFile = (project: Project, file: string): string => {
    const original = realOf(project);
    for (const f of [...original.findings.map((x) => x.file), ...original.skipped.map((x) => x.file)]) if (printable(f) === file) return f;
    return file;
  };
  const { runner, report, readSource, checklists, writeChecklist, changes } = props;
  return {
    ...props,
    runner: runner
      ? async (listener: PipelineListener, signal: AbortSignal) =>
          showReport(await runner((event) => listener('project' in event ? { ...event, project: show(event.project) } : event.type === 'finished' ? { ...event, report: showReport(event.report) } : event), signal))
      : undefined,
    report: report ? showReport(report) : undefined,
    readSource: readSource ? (project, file) => readSource(realOf(project), realFile(project, file)) : undefined,
    // Checklists are made printable where they are rendered (shown.ts), before they become Markdown.
    checklists: (project, now) => checklists(realOf(project), now),
    writeChecklist: writeChecklist ? (project, markdown) => writeChecklist(realOf(project), markdown) : undefined,
    changes: changes
      ? Object.fromEntries(
          Object.entries(changes).map(([kind, plan]) => [
            kind,
            async (project: Project, now: Date) => {
              const preview = await plan!(realOf(project), now);
              const apply = preview.apply;
              return {
                ...printable({ ...preview, text: '', apply: null }),
                // The diff keeps its lines; a file's own control characters are escaped in them.
                text: escapeControlInLines(preview.text),
                apply: apply
                  ? async () => {
                      const applied = await apply();
                      return { ...applied, ...(applied.project ? { project: show(applied.project) } : {}) };
                    }
                  : null,
              };
            },
          ]),
        )
      : undefined,
  };
}
