// The one environment every git command of oslo-audit runs in. git reads dozens of variables; the
// ones below would make it answer about another repository, take settings nobody wrote in a config
// file, or start programs of their own, none of which a non-interactive audit ever wants:
// - variables that locate the repository or its objects (a GIT_DIR left in a shell, a hook's
//   GIT_INDEX_FILE) would have every command read the wrong repository;
// - GIT_CONFIG_COUNT/KEY/VALUE and GIT_CONFIG_PARAMETERS inject settings (an alias, core.pager,
//   core.fsmonitor naming a program) that neither the user's nor the repository's config files hold;
// - editors, pagers and an external diff are programs started on the user's behalf;
// - pathspec modes change what the pathspecs we write mean (history.ts writes `:(literal)` itself).
// What a user sets up to reach remotes (an ssh command, a proxy, askpass, CA files) and the config
// files they chose (HOME, GIT_CONFIG_GLOBAL/SYSTEM) stay: they are the user's own way to the network
// and identity, and dropping them would break clones that work from their shell. So do the
// author/committer variables, which pin who makes a commit.

const REPOSITORY = [
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE',
  'GIT_COMMON_DIR', 'GIT_REPLACE_REF_BASE', 'GIT_NO_REPLACE_OBJECTS', 'GIT_GRAFT_FILE', 'GIT_SHALLOW_FILE', 'GIT_PREFIX',
];
const PROGRAMS = ['EDITOR', 'VISUAL', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'PAGER', 'GIT_PAGER', 'GIT_EXTERNAL_DIFF', 'GIT_DIFF_OPTS'];
const PATHSPEC_MODES = ['GIT_LITERAL_PATHSPECS', 'GIT_GLOB_PATHSPECS', 'GIT_NOGLOB_PATHSPECS', 'GIT_ICASE_PATHSPECS'];
const DROPPED = new Set([...REPOSITORY, ...PROGRAMS, ...PATHSPEC_MODES, 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG']);
const INJECTED_CONFIG = /^GIT_CONFIG_(KEY|VALUE)_\d+$/;

/** Whether a variable of the user's environment is kept for git (see above). */
function keptForGit(name: string): boolean {
  return !DROPPED.has(name) && !INJECTED_CONFIG.test(name);
}

/**
 * The environment for a git command: the process's own under the policy above, then `extra` (the
 * variables a command sets on purpose: a commit's author and date, the cached repository's GIT_DIR).
 */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && keptForGit(k)) env[k] = v;
  // Never wait for a password on a terminal nobody is watching.
  env['GIT_TERMINAL_PROMPT'] = '0';
  // Second line of defence behind assertSafeUrl: remote helpers such as ext:: stay off.
  env['GIT_ALLOW_PROTOCOL'] ??= 'http:https:ssh:git:file';
  // Output in blocks: writing to a pipe, git log and rev-list otherwise flush after every commit, a
  // write and a wake-up of this process for each (13,000 of them for nova's history, a sixth of the
  // history's CPU). Nothing here reads them a record at a time, as only an interactive caller would.
  env['GIT_FLUSH'] = '0';
  return { ...env, ...extra };
}
