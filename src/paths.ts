import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module holding package.json (works from src/ and dist/). */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'queries'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('oslo-audit: cannot find the package root (package.json and queries/)');
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
/** The compiled modules, one per source module (tsc's output); the CLI runs a bundle made of them (dist/bundle). */
export const compiledDir = join(packageRoot, 'dist', 'src');
export const queriesDir = join(packageRoot, 'queries');
export const knowledgeDataDir = join(packageRoot, 'src', 'knowledge', 'data');
export const reportSchemaPath = join(packageRoot, 'src', 'report', 'report.schema.json');
