import type { CliCommand } from '../context.js';
import { adaptCommand } from './adapt.js';
import { importCommand } from './import.js';
import { keysCommand } from './keys.js';
import { packCommand } from './pack.js';
import { verifyCommand } from './verify.js';

/** The commands partner regions exchange definitions with (docs/exchange.md), in workflow order. */
export const exchangeCommands: CliCommand[] = [keysCommand, packCommand, verifyCommand, importCommand, adaptCommand];
