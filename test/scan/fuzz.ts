// Deterministic mutations of Python source: the syntax errors a prefilter must survive.
import { Random } from '../../bench/corpus.js';

const PIECES = ['(', ')', '[', ']', '{', '}', ':', '"', "'", '"""', '\n', ' ', '    ', '\t', '\\', '\\\n', '#', ',', '=', '+', '.', '@', 'from ', 'import ', 'oslo.', 'if x', 'f"{', '`', '\r', 'run_as_root=True', 'else:', 'def ', '*'];

export function mutate(text: string, random: Random): string {
  let out = text;
  for (let k = random.int(1, 3); k > 0; k--) {
    const at = random.int(0, out.length);
    switch (random.int(0, 3)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + random.int(1, 3));
        break;
      case 1: {
        const lines = out.split('\n');
        const i = random.int(0, lines.length - 1);
        lines.splice(i, 0, lines[random.int(0, lines.length - 1)]!);
        out = lines.join('\n');
        break;
      }
      default:
        out = out.slice(0, at) + random.pick(PIECES) + out.slice(at);
    }
  }
  return out;
}
