#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, and by `prepare` on install). It runs
// from dist/bundle: the compiled modules of dist/src joined into a few files, each command's in its
// own, because Node loads one file of many modules several times faster than as many files.
// No V8 flag is set here: a flag changed before Node's own modules have loaded makes V8 refuse their
// code cache. The scan raises the interrupt budget once its parse worker has started
// (src/util/tiering.ts).
const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
