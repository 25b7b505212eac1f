// The results cache is an optimisation: when it cannot be written (a file where its folder should
// be, a read-only or full disk, a folder where a record should be), the scan's findings stand and
// the user hears one warning per cache folder, not one per repository.

const warned = new Set<string>();

/** Runs a cache write; a failure becomes a warning (once per cache folder) instead of an error. */
export function tryCacheWrite(cacheDir: string, write: () => void): boolean {
  try {
    write();
    return true;
  } catch (e) {
    if (!warned.has(cacheDir)) {
      warned.add(cacheDir);
      const why = ((e as Error).message ?? String(e)).split('\n')[0];
      process.stderr.write(`oslo-audit: warning: cannot write the results cache in ${cacheDir} (${why}); findings are kept, the next run scans again\n`);
    }
    return false;
  }
}
