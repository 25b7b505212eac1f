#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, and by `prepare` on install).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
