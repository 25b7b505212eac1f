// simple-git, loaded when a command first runs git through it: a scan answered from its records,
// and the commands that never run git this way, do not pay for loading it.

import { createRequire } from 'node:module';
import type * as SimpleGitModule from 'simple-git';

const require = createRequire(import.meta.url);
let loaded: typeof SimpleGitModule | undefined;

export const simpleGit: typeof SimpleGitModule.simpleGit = ((...args: Parameters<typeof SimpleGitModule.simpleGit>) => {
  loaded ??= require('simple-git') as typeof SimpleGitModule;
  return loaded.simpleGit(...args);
}) as typeof SimpleGitModule.simpleGit;
