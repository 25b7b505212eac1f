export { buildDemoWorkspace } from './workspace.js';
export type { DemoProject } from './workspace.js';
export { readFixtureTree, projectFixture, fixturesDir } from './fixtureTree.js';
