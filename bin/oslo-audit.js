#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, and by `prepare` on install). It runs
// from dist/bundle: the compiled modules of dist/src joined into a few files, each command's in its
// own, because Node loads one file of many modules several times faster than as many files.
import { setFlagsFromString } from 'node:v8';

// Set before any of the CLI's code is compiled. A command runs for a second or so, and V8's default
// budget has its optimizing compiler take some eighty functions called a few thousand times, on
// threads that take the cores from the scan's own: with a larger one it compiles the twenty that
// carry the work, the lexer first. On a cold scan of nova: a tenth less CPU (docs/performance.md).
setFlagsFromString('--interrupt-budget=250000');

const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
