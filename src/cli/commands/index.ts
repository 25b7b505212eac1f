import { demoCommand } from './demo.js';
import { reviewCommand } from './review.js';
import { scanCommand } from './scan.js';
import type { Command } from './types.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: Command[] = [scanCommand, reviewCommand, demoCommand];
export type { Command };
