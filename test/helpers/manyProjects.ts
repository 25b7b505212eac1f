// A report and trend of many projects, each with its findings and points: the size and load of the
// HTML page at OpenStack's scale (tests and bench/htmlPage.ts).
import { makeReport, makeTrendReport, renderHtml, summarise, type Finding, type Project, type TrendPoint, type TrendReport } from '../../src/report/index.js';

/** Points cycle through `like` (a real trend's points) with a release every six months from 2014. */
export function manyProjectsPage(count: number, findingsEach: number, like: readonly TrendPoint[], pointsEach = 20): string {
  const projects: Project[] = [];
  const trendProjects: TrendReport['projects'] = [];
  for (let i = 0; i < count; i++) {
    const name = `project-${String(i).padStart(3, '0')}`;
    const found: Finding[] = Array.from({ length: findingsEach }, (_, j) => ({
      kind: 'namespace-import',
      file: `${name}/api/module_${j}.py`,
      line: 10 + j,
      column: 0,
      endLine: 10 + j,
      message: 'Imports oslo.config through the retired oslo namespace package; use oslo_config.',
      detail: { old: 'oslo.config', new: 'oslo_config', package: 'oslo.config' },
    }));
    projects.push({ name, repo: `openstack/${name}`, source: name, commit: 'a'.repeat(40), error: null, summary: summarise(found, []), activity: null, skipped: [], findings: found });
    const points = Array.from({ length: pointsEach }, (_, j) => ({ ...like[j % like.length]!, label: `${j + 1}.0.0`, date: new Date(Date.UTC(2014, j * 6, 1)).toISOString().replace(/\.\d{3}Z$/, 'Z') }));
    trendProjects.push({ name, repo: `openstack/${name}`, source: name, error: null, points });
  }
  return renderHtml({ report: makeReport(projects), trend: makeTrendReport(trendProjects, { by: 'tags' }, { files: 0, cached: 0 }) });
}
