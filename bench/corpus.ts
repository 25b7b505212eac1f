// A synthetic corpus shaped like OpenStack trees, generated deterministically from a seed: one large
// project (nova-sized) and many smaller ones, of three eras: legacy (incubator copies, `oslo.`
// namespace imports, Python 2 syntax, rootwrap calls), transition (a mix) and current (oslo_*
// imports, privsep). A few files carry syntax errors; some docstrings and comments mention the
// triggers without being code. Repositories are real git repositories with fixed dates.

import { writeCommits, type FileChange } from '../src/git/index.js';

export interface CorpusSpec {
  seed: number;
  /** Number of repositories; the first is the large one. */
  repos: number;
  /** Python files of the large repository (nova has about 4,000). */
  largeFiles: number;
  /** Average Python file size in bytes (nova: about 10 KB). */
  averageSize: number;
  /** Python files of the other repositories: median of a skewed distribution. */
  medianFiles: number;
}

export const FULL_CORPUS: CorpusSpec = { seed: 42, repos: 200, largeFiles: 4000, averageSize: 10_000, medianFiles: 60 };

/** mulberry32: small, fast and the same on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

type Era = 'legacy' | 'transition' | 'current';

const SYLLABLES = ['no', 'va', 'cin', 'der', 'gla', 'nce', 'neu', 'tron', 'key', 'sto', 'ne', 'hea', 'ion', 'tro', 've', 'man', 'ila', 'zaq', 'ar', 'bar', 'ma', 'gnum', 'oc', 'ta', 'via', 'sen', 'lin', 'cyb', 'org', 'kar', 'bor'];
const STDLIB = ['os', 'sys', 're', 'time', 'json', 'copy', 'functools', 'itertools', 'collections', 'socket', 'uuid', 'hashlib', 'contextlib', 'datetime', 'random', 'string', 'errno', 'shutil', 'tempfile', 'inspect'];
const INCUBATOR = ['log', 'jsonutils', 'timeutils', 'importutils', 'excutils', 'gettextutils', 'lockutils', 'fileutils', 'uuidutils', 'strutils', 'processutils', 'loopingcall', 'service', 'network_utils', 'local', 'policy', 'periodic_task', 'threadgroup', 'eventlet_backdoor', 'context'];
const INCUBATOR_PACKAGES = ['db/__init__.py', 'db/api.py', 'db/sqlalchemy/__init__.py', 'db/sqlalchemy/session.py', 'db/sqlalchemy/models.py', 'rpc/__init__.py', 'rpc/common.py', 'rpc/amqp.py', 'rpc/impl_kombu.py', 'notifier/__init__.py', 'notifier/api.py', 'middleware/__init__.py', 'middleware/base.py'];
const NAMESPACE = ['config', 'messaging', 'db', 'i18n', 'serialization', 'utils', 'concurrency', 'middleware', 'rootwrap', 'vmware', 'log', 'context', 'policy'];
const CURRENT = ['oslo_config', 'oslo_log', 'oslo_utils', 'oslo_serialization', 'oslo_concurrency', 'oslo_messaging', 'oslo_db', 'oslo_i18n', 'oslo_context', 'oslo_policy', 'oslo_service'];
const WORDS = ['instance', 'volume', 'network', 'port', 'host', 'image', 'flavor', 'server', 'context', 'request', 'result', 'config', 'driver', 'manager', 'api', 'state', 'record', 'values', 'options', 'resource'];

/** A name for the i-th repository. */
function projectName(random: Random, taken: Set<string>): string {
  for (;;) {
    const name = random.pick(SYLLABLES) + random.pick(SYLLABLES) + (random.chance(0.4) ? random.pick(SYLLABLES) : '');
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const LICENSE = `# Copyright 2012 OpenStack Foundation
# All Rights Reserved.
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License. You may obtain
#    a copy of the License at
#
#         http://www.apache.org/licenses/LICENSE-2.0
#
#    Unless required by applicable law or agreed to in writing, software
#    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
#    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
#    License for the specific language governing permissions and limitations
#    under the License.
`;

interface FileContext {
  random: Random;
  pkg: string;
  era: Era;
  copies: string[];
  /** Python 2 syntax in this file. */
  py2: boolean;
  /**
   * Whether this file runs commands through the root helper. In real trees few do: `run_as_root` or
   * `root_helper` appears in 3–8% of the Python files of nova, cinder and neutron (2014.1 and HEAD).
   */
  rootwrap?: boolean;
}

function word(r: Random): string {
  return r.pick(WORDS);
}

function importBlock(c: FileContext): string[] {
  const r = c.random;
  const lines: string[] = [];
  for (const m of new Set(Array.from({ length: r.int(2, 5) }, () => r.pick(STDLIB))).values()) lines.push(`import ${m}`);
  lines.push('');
  // Files that touch Oslo (plumbing) import several of its forms; the others (logic) none. In real
  // trees about two files in three name some trigger: nova and cinder at 2014.1 67–70%, neutron 51%,
  // and 46–61% at HEAD (git grep over their Python files).
  if (r.chance(c.era === 'current' ? 0.5 : 0.62)) {
    if (c.era !== 'current' && r.chance(0.55)) lines.push(r.chance(0.5) ? 'from oslo.config import cfg' : 'from oslo import messaging');
    if (c.era === 'transition' && r.chance(0.3)) lines.push(`from oslo.${r.pick(NAMESPACE)} import ${word(r)}`);
    if (r.chance(c.era === 'legacy' ? 0.15 : c.era === 'transition' ? 0.55 : 0.95)) {
      for (const m of new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(CURRENT)))) lines.push(r.chance(0.7) ? `from ${m} import ${word(r)}` : `import ${m}`);
    }
    if (c.copies.length > 0 && r.chance(0.6)) {
      for (const m of new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(c.copies)))) {
        lines.push(r.chance(0.3) ? `from ${c.pkg}.openstack.common import ${m} as ${m}_mod` : `from ${c.pkg}.openstack.common import ${m}`);
      }
    }
    if (r.chance(0.15)) lines.push(`from ${c.pkg}.openstack.common.gettextutils import _  # noqa`);
  }
  lines.push('', `from ${c.pkg} import exception`, `from ${c.pkg} import utils`);
  return lines;
}

/** A function body of about `lines` lines. */
function body(c: FileContext, indent: string, lines: number): string[] {
  const r = c.random;
  const out: string[] = [];
  while (out.length < lines) {
    const w = word(r);
    switch (r.int(0, 11)) {
      case 0:
        out.push(`${indent}${w} = self.${word(r)}_api.get(context, ${word(r)}_id)`);
        break;
      case 1:
        out.push(`${indent}if not ${w}:`, `${indent}    raise exception.NotFound(${w}_id=${word(r)}_id)`);
        break;
      case 2:
        out.push(`${indent}for ${w} in ${word(r)}s:`, `${indent}    ${word(r)}s.append(${w}['id'])`);
        break;
      case 3:
        out.push(`${indent}# Look up the ${w} before touching the ${word(r)}: it may be gone.`);
        break;
      case 4:
        out.push(`${indent}LOG.debug("Updating %(${w})s on %(host)s", {'${w}': ${w}, 'host': host})`);
        break;
      case 5:
        if (c.py2) out.push(`${indent}print "${w}: %s" % ${w}`);
        else out.push(`${indent}result = dict((k, v) for k, v in ${w}.items() if v is not None)`);
        break;
      case 6:
        out.push(`${indent}try:`, `${indent}    ${w} = utils.${word(r)}_from_${word(r)}(${w}, strict=True)`);
        out.push(c.py2 ? `${indent}except ValueError, e:` : `${indent}except ValueError as e:`, `${indent}    LOG.warning(e)`);
        break;
      case 7: {
        // Root-wrapped commands, in the older projects.
        if (c.rootwrap && c.era !== 'current' && r.chance(0.3)) {
          out.push(`${indent}utils.execute('ip', 'link', 'set', ${w}, 'up',`, `${indent}              run_as_root=True)`);
        } else if (c.rootwrap && c.era === 'current' && r.chance(0.2)) {
          out.push(`${indent}processutils.execute('chown', ${w}, root_helper=self.root_helper)`);
        } else {
          out.push(`${indent}${w}.update({'status': '${word(r)}', 'updated_at': timeutils.utcnow()})`);
        }
        break;
      }
      case 8:
        out.push(`${indent}${w}_list = [${word(r)} for ${word(r)} in ${w}s`, `${indent}             if ${word(r)}.get('deleted') is False]`);
        break;
      case 9:
        out.push(`${indent}msg = _("The ${w} %s could not be found.") % ${w}_id`);
        break;
      case 10:
        out.push(`${indent}with ${word(r)}_lock:`, `${indent}    self._${w}_cache.pop(${word(r)}, None)`);
        break;
      default:
        out.push(`${indent}return ${w}`);
    }
  }
  return out;
}

function docstring(c: FileContext, indent: string): string[] {
  const r = c.random;
  // Some docstrings mention imports and root helpers without being code.
  if (r.chance(0.003)) {
    return [`${indent}"""Example::`, '', `${indent}    from oslo.config import cfg`, `${indent}    utils.execute('ls', run_as_root=True)`, `${indent}"""`];
  }
  return [`${indent}"""${word(r)[0]!.toUpperCase()}${word(r).slice(1)} the ${word(r)} of a ${word(r)}."""`];
}

/** One Python file of about `size` bytes. */
export function pythonFile(c: FileContext, size: number): string {
  const r = c.random;
  const lines: string[] = [LICENSE, '"""', `${word(r)} handling for ${c.pkg}.`, '"""', '', ...importBlock(c), ''];
  lines.push(c.era === 'current' ? 'LOG = logging.getLogger(__name__)' : 'LOG = logging.getLogger(__name__)', 'CONF = cfg.CONF', '');
  if (c.era === 'current' && r.chance(0.04)) {
    lines.push('from oslo_privsep import priv_context', '', `sys_admin_pctxt = priv_context.PrivContext('${c.pkg}', cfg_section='${c.pkg}_sys_admin')`, '');
  }
  let length = lines.reduce((n, l) => n + l.length + 1, 0);
  while (length < size) {
    const cls = `${word(r)[0]!.toUpperCase()}${word(r).slice(1)}${r.pick(['Manager', 'Driver', 'API', 'Controller', 'Helper'])}`;
    const chunk: string[] = ['', '', `class ${cls}(object):`, ...docstring(c, '    '), ''];
    for (let m = r.int(2, 6); m > 0; m--) {
      if (c.era === 'current' && r.chance(0.02)) chunk.push('    @sys_admin_pctxt.entrypoint');
      chunk.push(`    def ${word(r)}_${word(r)}(self, context, ${word(r)}_id, ${word(r)}=None):`, ...docstring(c, '        '), ...body(c, '        ', r.int(4, 18)), '');
    }
    if (r.chance(0.01)) chunk.push(`# TODO(someone): move to oslo.${r.pick(NAMESPACE)} once the ${word(r)} helpers land.`);
    length += chunk.reduce((n, l) => n + l.length + 1, 0);
    lines.push(...chunk);
  }
  // A few files do not parse: an unclosed bracket, a missing colon.
  if (r.chance(0.003)) lines.splice(r.int(20, lines.length - 1), 0, `    broken = dict(${word(r)}=`);
  if (r.chance(0.003)) lines.splice(r.int(20, lines.length - 1), 0, `    def ${word(r)}(self)`);
  return lines.join('\n') + '\n';
}

/** An incubator copy: plain library-like code that imports its siblings. */
function incubatorFile(c: FileContext, module: string, size: number): string {
  const text = pythonFile({ ...c, copies: [], era: 'legacy' }, size);
  return text.replace('\nimport ', `\nfrom ${c.pkg}.openstack.common import ${module.split('/')[0]!.replace('.py', '')}\nimport `);
}

export interface RepoPlan {
  name: string;
  era: Era;
  pythonFiles: number;
}

/** The files of one repository at its first commit. */
export function repositoryFiles(random: Random, plan: RepoPlan, averageSize: number): Record<string, FileChange> {
  const pkg = plan.name;
  const files: Record<string, FileChange> = {};
  const copies = plan.era === 'current' ? [] : INCUBATOR.filter(() => random.chance(plan.era === 'legacy' ? 0.5 : 0.25));
  const base: FileContext = { random, pkg, era: plan.era, copies, py2: false };
  const size = (): number => Math.max(600, Math.round(averageSize * (0.2 + random.next() * 1.6)));

  files['.gitreview'] = `[gerrit]\nhost=review.opendev.org\nport=29418\nproject=openstack/${pkg}.git\n`;
  files['setup.py'] = 'import setuptools\n\nsetuptools.setup(setup_requires=[\'pbr\'], pbr=True)\n';
  files['setup.cfg'] = `[metadata]\nname = ${pkg}\n\n[entry_points]\nconsole_scripts =\n    ${pkg}-api = ${pkg}.cmd.api:main\n${plan.era !== 'current' ? `    ${pkg}-rootwrap = oslo.rootwrap.cmd:main\n` : ''}`;
  const reqs = ['pbr>=1.6', ...(plan.era === 'current' ? ['oslo.config>=6.1.0', 'oslo.log>=3.36.0', 'oslo.utils>=3.33.0'] : ['oslo.config>=1.2.0']), 'six>=1.9.0'];
  files['requirements.txt'] = reqs.join('\n') + '\n';
  files['test-requirements.txt'] = 'hacking>=0.9.2,<0.10\noslotest>=1.1.0\n';
  files['README.rst'] = `${pkg}\n${'='.repeat(pkg.length)}\n\nAn OpenStack project.\n`;
  if (copies.length > 0) {
    files['openstack-common.conf'] = `[DEFAULT]\n${copies.map((m) => `module=${m}`).join('\n')}\nbase=${pkg}\n`;
    files[`${pkg}/openstack/__init__.py`] = '';
    files[`${pkg}/openstack/common/__init__.py`] = '';
    for (const m of copies) files[`${pkg}/openstack/common/${m}.py`] = incubatorFile(base, m, size());
    if (plan.era === 'legacy') for (const p of INCUBATOR_PACKAGES.filter(() => random.chance(0.3))) files[`${pkg}/openstack/common/${p}`] = incubatorFile(base, p, size());
  }
  if (plan.era !== 'current' && random.chance(0.5)) {
    files[`etc/${pkg}/rootwrap.conf`] = '[DEFAULT]\nfilters_path=/etc/rootwrap.d\n';
    files[`etc/${pkg}/rootwrap.d/${pkg}.filters`] = '[Filters]\nip: CommandFilter, ip, root\n';
  }
  const dirs = ['api', 'compute', 'db', 'cmd', 'common', 'network', 'scheduler', 'objects', 'tests/unit', 'tests/functional', 'conductor', 'virt'];
  for (let i = 0; i < plan.pythonFiles; i++) {
    const dir = dirs[i % dirs.length]!;
    const py2 = plan.era === 'legacy' && random.chance(0.6);
    const rootwrap = random.chance(plan.era === 'current' ? 0.03 : 0.07);
    files[`${pkg}/${dir}/${word(random)}_${i}.py`] = pythonFile({ ...base, py2, rootwrap }, size());
  }
  files[`${pkg}/__init__.py`] = '';
  return files;
}

/** Plans every repository: sizes skewed like OpenStack's (many small projects, a few large). */
export function planCorpus(spec: CorpusSpec): RepoPlan[] {
  const random = new Random(spec.seed);
  const taken = new Set<string>();
  const plans: RepoPlan[] = [];
  for (let i = 0; i < spec.repos; i++) {
    const era: Era = i === 0 ? 'transition' : random.chance(0.3) ? 'legacy' : random.chance(0.3) ? 'transition' : 'current';
    const files = i === 0 ? spec.largeFiles : Math.max(3, Math.round(spec.medianFiles * Math.exp((random.next() - 0.5) * 2.4)));
    plans.push({ name: projectName(random, taken), era, pythonFiles: files });
  }
  return plans;
}

const DATE = '2015-03-04T05:06:07Z';
const AUTHOR = 'Corpus Generator <corpus@example.org>';

/** Writes the corpus as git repositories under `dir`; returns their folders. */
export async function writeCorpus(dir: string, spec: CorpusSpec): Promise<string[]> {
  const out: string[] = [];
  for (const [i, plan] of planCorpus(spec).entries()) {
    const random = new Random(spec.seed * 7919 + i);
    const repo = `${dir}/${plan.name}`;
    await writeCommits(repo, [{ date: DATE, author: AUTHOR, message: `Import ${plan.name}`, files: repositoryFiles(random, plan, spec.averageSize) }]);
    out.push(repo);
  }
  return out;
}

/** A change to `fraction` of each repository's Python files (a line appended), as one commit per repository touched. */
export async function changeCorpus(repos: string[], fraction: number, seed: number, list: (repo: string) => Promise<string[]>, read: (path: string) => string): Promise<number> {
  const random = new Random(seed);
  let changed = 0;
  for (const repo of repos) {
    const python = (await list(repo)).filter((p) => p.endsWith('.py'));
    const files: Record<string, FileChange> = {};
    for (const p of python) {
      if (!random.chance(fraction)) continue;
      const old = read(`${repo}/${p}`);
      files[p] = `${old}\n\ndef added_${changed}(context):\n    return utils.execute('true', run_as_root=${random.chance(0.5) ? 'True' : 'False'})\n`;
      changed++;
    }
    if (Object.keys(files).length > 0) await writeCommits(repo, [{ date: '2015-03-05T05:06:07Z', author: AUTHOR, message: 'Change some files', files }]);
  }
  return changed;
}
