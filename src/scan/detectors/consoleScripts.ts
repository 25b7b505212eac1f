// Console scripts that install a project's rootwrap: `nova-rootwrap = oslo_rootwrap.cmd:main`
// in setup.cfg `[entry_points] console_scripts`, or in pyproject.toml `[project.scripts]`
// (where nova, cinder and neutron keep them today).

import type { Finding } from '../../report/index.js';
import { lineSpan, makeFinding } from '../finding.js';
import { readIni } from './ini.js';

export interface ConsoleScript {
  name: string;
  target: string;
  line: number;
  column: number;
}

export function setupCfgScripts(text: string): ConsoleScript[] {
  const out: ConsoleScript[] = [];
  for (const entry of readIni(text)) {
    if (entry.section !== 'entry_points' || entry.key !== 'console_scripts') continue;
    for (const v of entry.values) {
      const m = /^([^=\s]+)\s*=\s*(.+)$/.exec(v.text);
      if (m) out.push({ name: m[1]!, target: m[2]!.trim(), line: v.line, column: v.column });
    }
  }
  return out;
}

/** Only the `[project.scripts]` table is read; keys may be bare or quoted. */
export function pyprojectScripts(text: string): ConsoleScript[] {
  const out: ConsoleScript[] = [];
  let inScripts = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('[')) {
      inScripts = /^\[\s*project\.scripts\s*\]/.test(trimmed);
      return;
    }
    if (!inScripts) return;
    const m = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9._-]+))\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(trimmed);
    if (m) out.push({ name: (m[1] ?? m[2] ?? m[3])!, target: (m[4] ?? m[5])!, line: i + 1, column: raw.indexOf(trimmed) + 1 });
  });
  return out;
}

/** `<proj>-rootwrap`, and its daemon-mode sibling `<proj>-rootwrap-daemon`, are rootwrap entry points. */
export function isRootwrapScript(name: string): boolean {
  return /-rootwrap(-daemon)?$/.test(name);
}

export function detectConsoleScripts(file: string, scripts: ConsoleScript[]): Finding[] {
  return scripts
    .filter((s) => isRootwrapScript(s.name))
    .map((s) =>
      makeFinding('rootwrap-config', file, lineSpan(s.line, s.column), `Installs the rootwrap console script ${s.name} (${s.target}).`, {
        what: 'console-script',
        name: s.name,
      }),
    );
}
