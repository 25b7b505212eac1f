#!/usr/bin/env node
const { main } = await import('/work/wt/base/dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
