// The environment git runs in when we set variables of our own. simple-git refuses to pass on
// variables that make git run programs (EDITOR, PAGER, GIT_SSH_COMMAND, …) unless told to.
// Editors, pagers and diff programs are never wanted in non-interactive runs, so they are
// dropped; what a user sets up to reach remotes (an ssh command, a proxy, askpass) is theirs to
// keep, and is allowed through explicitly.

const NEVER_NEEDED = ['EDITOR', 'VISUAL', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'PAGER', 'GIT_PAGER', 'GIT_EXTERNAL_DIFF'];

/** The current process's environment, without editor, pager and diff programs. */
export function processEnv(drop: readonly string[] = []): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !NEVER_NEEDED.includes(k) && !drop.includes(k)) env[k] = v;
  return env;
}

/** simple-git's `unsafe` options for variables that come from the user's own environment. */
export const USER_ENVIRONMENT = {
  allowUnsafeSshCommand: true,
  allowUnsafeAskPass: true,
  allowUnsafeGitProxy: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeTemplateDir: true,
} as const;
