import { demoCommand } from './demo.js';
import { provenanceCommand } from './provenance.js';
import { scanCommand } from './scan.js';
import type { Command } from './types.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: Command[] = [scanCommand, demoCommand, provenanceCommand];
export type { Command };
