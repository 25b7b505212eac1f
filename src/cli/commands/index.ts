import { checklistCommand } from './checklist.js';
import { demoCommand } from './demo.js';
import { provenanceCommand } from './provenance.js';
import { mergeCommand } from './merge.js';
import { retireCommand } from './retire.js';
import { reviewCommand } from './review.js';
import { fixCommand } from './fix.js';
import { scanCommand } from './scan.js';
import { rulesCommand } from './rules.js';
import type { Command } from './types.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: Command[] = [scanCommand, reviewCommand, checklistCommand, fixCommand, retireCommand, mergeCommand, provenanceCommand, demoCommand, rulesCommand];
export type { Command };
