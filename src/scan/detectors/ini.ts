// A line-keeping reader for the INI dialect of setup.cfg and openstack-common.conf:
// `key = value` or `key: value`, indented continuation lines, `#`/`;` comment lines.

export interface IniValueLine {
  text: string;
  line: number;
  /** 1-based column where `text` starts. */
  column: number;
}

export interface IniEntry {
  section: string;
  key: string;
  line: number;
  /** The value's first line (after the separator) and each continuation line, trimmed, blanks dropped. */
  values: IniValueLine[];
}

export function readIni(text: string): IniEntry[] {
  const entries: IniEntry[] = [];
  let section = '';
  let current: IniEntry | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (/^\s/.test(raw) && current) {
      current.values.push({ text: trimmed, line, column: raw.indexOf(trimmed) + 1 });
      return;
    }
    const header = /^\[([^\]]*)\]/.exec(trimmed);
    if (header) {
      section = header[1]!.trim();
      current = null;
      return;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!kv) {
      current = null;
      return;
    }
    const value = kv[2]!.trim();
    current = { section, key: kv[1]!.trim(), line, values: [] };
    if (value) current.values.push({ text: value, line, column: raw.length - kv[2]!.length + 1 + kv[2]!.indexOf(value) });
    entries.push(current);
  });
  return entries;
}
