import type { Command } from '../command.js';
import { analyze } from './analyze.js';

/** Every CLI command, in the order `sitrep help` lists them. */
export const commands: Command[] = [analyze];
