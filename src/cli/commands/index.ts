import type { Command } from '../command.js';
import { analyze } from './analyze.js';
import { ingest } from './ingest.js';
import { stats } from './stats.js';
import { search } from './search.js';
import { db } from './db.js';
import { report } from './report.js';
import { exportCommand } from './export.js';
import { serve } from './serve.js';
import { watch } from './watch.js';
import { user } from './user.js';
import { audit } from './audit.js';
import { rebuild } from './rebuild.js';
import { deleteCommand } from './delete.js';
import { worker } from './worker.js';
import { reanalyzeCommand } from './reanalyze.js';
import { syntaxCommand } from './syntax.js';

/** Every CLI command, in the order `sitrep help` lists them. */
export const commands: Command[] = [analyze, ingest, stats, search, db, report, exportCommand, serve, watch, rebuild, reanalyzeCommand, worker, deleteCommand, user, audit, syntaxCommand];
