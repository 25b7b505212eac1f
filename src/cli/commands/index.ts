import { demoCommand } from './demo.js';
import { fixCommand } from './fix.js';
import { scanCommand } from './scan.js';
import type { Command } from './types.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: Command[] = [scanCommand, demoCommand, fixCommand];
export type { Command };
