// A few lines of Python that hold every kind of token the statement lexer reads, lexed once before
// the first real file. V8 compiles the lexer's loop for what it has seen so far: a kind of token it
// meets only later (a number, a triple-quoted string running over lines, a carriage return, a file
// with characters beyond Latin-1) sends the compiled code back to the interpreter, which is several
// times slower, until it is compiled again, tens of milliseconds later. Real files bring those kinds
// one by one, and a cold scan paid five or six compiles; after this sample it pays one (without it,
// the first pass over nova's 908 candidate files took 1.3 times as long). It costs about 5 ms once per
// thread, much of it the first use of the lexer's functions that the first file would pay anyway, and
// its plans are thrown away.

import type { Triggers } from './triggers.js';

/** The samples, with a name of `triggers` in them so that kept lines and decorator chains are seen too. */
export function warmUpSamples(triggers: Triggers): string[] {
  const any = [...triggers.anyNames].find((n) => /^[A-Za-z_]\w*$/.test(n)) ?? 'x';
  const code = [
    '# A comment, then a blank line',
    '',
    'import os, oslo.config as cfg',
    'from . import local',
    'from ..a import (b,',
    '    c)',
    'from oslo_config import *',
    '',
    '@decorator(1)',
    `@${any}`,
    'def f(a, b=0x1F, *c, **d):',
    '    """Doc',
    "    string, with an \\\"escape\\\"\"\"\"",
    '    x = [1, 2.5e3, 10L, .5, 1.2j] + (x.y[0] - 3) * -2 % 4 // 1 ** 2',
    "    y = {'a': \"b\", u'c': r'\\d', b\"e\": f\"{x!r}\", rb'x': `y`, F'{z}': br'' }",
    '    z = a.b(c)[d] if e is not None else ...  # a trailing comment',
    "    s = 'it\\'s' \"implicit\" 'concatenation'  \\",
    "        + '''multi",
    "line'''",
    '    if x and not y or z in w: pass; return',
    '    elif x < y <= z != w == v >= u > t: del x[0]',
    '    else:',
    `        ${any}(a, b=[{1: 2}], c=lambda q: q & 1 | 2 ^ 3 << 4 >> 5 @ m)`,
    '    while x: x -= 1; x += 1; x *= 2; x /= 2; x |= 1; x &= 1; x ^= 1; x <<= 1; x >>= 1',
    '    for i in range(3): continue',
    '    try: raise ValueError("\\x" \'\\\n\')',
    '    except (ValueError, TypeError) as e: print >>sys.stderr, e',
    '    finally: yield',
    '    with open("f") as g, h: global q; assert q, "message"',
    'class C(object):',
    '    async def g(self) -> None: await h(); return ~x',
    '@decorator',
    'class D:',
    "    u'''A docstring'''",
    '    @decorator',
    '    async def h(self):',
    '        if a:',
    '            if b:',
    '                return(1)',
    'if a:',
    '    if b:',
    '        if c:',
    '            if d:',
    '                e = 1',
    'print"x"',
    'lambda: 0',
    'print "x", y,',
    'x = f\'\'\'{',
    "a}'''",
  ].join('\n');
  // The same code with carriage returns, and with characters beyond Latin-1 (V8 then keeps the text two bytes a character).
  return [code + '\n', code.replace(/\n/g, '\r\n') + '\r\n', `${code}\ncafé = "ünïcode ✓ 中文"  # ✓\nfrom oslo import µ\n`];
}
