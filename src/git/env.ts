// The environment for git processes that are given one explicitly. simple-git refuses an environment
// naming an editor, pager, askpass or config override (npm sets EDITOR for every script); the commits
// made here are non-interactive, so those variables are simply left out.

const DROPPED = new Set([
  'editor', 'visual', 'pager', 'prefix',
  'git_editor', 'git_sequence_editor', 'git_pager', 'git_askpass', 'ssh_askpass',
  'git_config', 'git_config_global', 'git_config_system', 'git_config_count',
  'git_exec_path', 'git_external_diff', 'git_proxy_command', 'git_template_dir', 'git_ssh', 'git_ssh_command',
]);

/** `process.env` without the variables git would use to run other programs, plus `extra`. */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !DROPPED.has(key.toLowerCase()) && !/^git_config_(key|value)_\d+$/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}
