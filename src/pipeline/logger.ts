// Progress as plain lines on stderr, for CI logs and pipes: one line when a target starts a step,
// finishes or fails. git's percentages are left out; they belong on a terminal UI.

import type { PipelineEvent, PipelineListener } from './events.js';

export function plainLogger(write: (line: string) => void = (line) => process.stderr.write(line)): PipelineListener {
  const position = new Map<string, string>();
  return (event: PipelineEvent) => {
    switch (event.type) {
      case 'queued':
        position.set(event.target, `[${event.index + 1}/${event.total}]`);
        return;
      case 'progress':
        if (event.percent === undefined) write(`oslo-audit: ${position.get(event.target) ?? ''} ${event.target}: ${event.state}\n`);
        return;
      case 'done': {
        const s = event.project.summary;
        write(`oslo-audit: ${position.get(event.target) ?? ''} ${event.target}: done, ${s.migrationStatus}, ${event.project.findings.length} findings\n`);
        return;
      }
      case 'failed':
        write(`oslo-audit: ${position.get(event.target) ?? ''} ${event.target}: failed at ${event.project.error?.stage}: ${event.project.error?.message}\n`);
        return;
      case 'finished': {
        const failed = event.report.projects.filter((p) => p.error).length;
        write(`oslo-audit: ${event.report.projects.length} projects scanned${failed ? `, ${failed} failed` : ''}\n`);
        return;
      }
    }
  };
}
