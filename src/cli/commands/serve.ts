import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, reportError, UsageError } from '../command.js';
import { intOption } from '../options.js';
import { DEFAULT_READ_OPTIONS } from '../../ingest/read.js';
import { allowedHostsFor, DEFAULT_SERVER_OPTIONS, startServer } from '../../server/app.js';
import { deskData } from '../../desk/open.js';
import { DB_HELP, describeDb, fail, openFromOptions } from './store-common.js';

export const serve: Command = {
  name: 'serve',
  usage: `sitrep serve [--db PATH|URL] [--host 127.0.0.1] [--port 8080] [--read-only] [--anonymous-read on|off]
             [--write-limit N] [--session-hours N] [--insecure-cookie] [--max-body BYTES]

${DB_HELP}
  --host HOST      address to listen on (default 127.0.0.1: this machine only). --host 0.0.0.0 serves every
                   network the machine is on
  --port N         port (default 8080; 0 picks a free one)
  --anonymous-read on|off
                   whether reading needs no account (default: on for 127.0.0.1, off for any other --host).
                   Writes always need an account: \`sitrep user add NAME --role editor\` prints its token
  --write-limit N  writes per minute and account (default ${DEFAULT_SERVER_OPTIONS.writesPerMinute})
  --session-hours N
                   how long a sign-in lasts (default ${DEFAULT_SERVER_OPTIONS.sessionTtlMs / 3600_000})
  --insecure-cookie
                   send the session cookie without Secure: only for plain http on a network you trust
                   (browsers send Secure cookies over https and to localhost only)
  --read-only      refuse every write (documents, reviews, accounts, sessions) and open the database
                   read-only (a read-only file works; nothing is migrated); readers with an account send
                   their token as Authorization: Bearer
  --max-body N     largest POST body in bytes (default ${DEFAULT_SERVER_OPTIONS.maxBody})
  --max-chars N    refuse posted documents longer than N characters (default ${DEFAULT_READ_OPTIONS.maxChars})
  --max-bytes N    refuse posted single documents larger than N bytes (default ${DEFAULT_READ_OPTIONS.maxBytes})
  --read-workers N read the desk's events in N worker threads, each with its own read-only connection
                   (a SQLite file; default 2; 0 reads on the server's own connection)
  --create         create the SQLite file when it does not exist (otherwise a missing file is an error)

Routes: / (the report), /login, /api (the list), /api/openapi.json, /api/report, /api/events,
/api/figures, /api/places, /api/documents[/ID[.html]], /api/search?q=, /api/stats, /api/export.csv,
/api/export.geojson, /api/audit, /api/accounts; POST /api/documents, /api/login, /api/logout.
docs/server.md describes them. The address is printed on standard output once listening;
Ctrl-C (SIGINT) or SIGTERM stops the server and closes the store.`,
  options: {
    db: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'read-only': { type: 'boolean' },
    'anonymous-read': { type: 'string' },
    'write-limit': { type: 'string' },
    'session-hours': { type: 'string' },
    'insecure-cookie': { type: 'boolean' },
    'max-body': { type: 'string' },
    'max-chars': { type: 'string' },
    'max-bytes': { type: 'string' },
    'read-workers': { type: 'string' },
    create: { type: 'boolean' },
  },
  async run(values, positionals) {
    const readWorkers = (v: unknown) => {
      if (v === undefined) return 2;
      if (!/^\d{1,2}$/.test(String(v)) || Number(v) > 32) throw new UsageError(`--read-workers must be a number from 0 to 32, got ${JSON.stringify(v)}`);
      return Number(v);
    };
    if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    const host = typeof values.host === 'string' && values.host.trim() ? values.host.trim() : '127.0.0.1';
    let port = 8080;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!/^\d{1,5}$/.test(String(values.port)) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got ${JSON.stringify(values.port)}`);
    }
    const anon = values['anonymous-read'];
    if (anon !== undefined && anon !== 'on' && anon !== 'off') throw new UsageError(`--anonymous-read must be on or off, got ${JSON.stringify(anon)}`);
    if (values['read-only'] === true && values.create === true) throw new UsageError('--read-only cannot --create a database: create it with `sitrep ingest` or `sitrep db migrate`');
    const allowedHosts = allowedHostsFor(host);
    const opts = {
      ...DEFAULT_SERVER_OPTIONS,
      anonymousRead: anon === undefined ? allowedHosts !== null : anon === 'on',
      writesPerMinute: intOption(values, 'write-limit', DEFAULT_SERVER_OPTIONS.writesPerMinute),
      sessionTtlMs: intOption(values, 'session-hours', DEFAULT_SERVER_OPTIONS.sessionTtlMs / 3600_000) * 3600_000,
      secureCookies: values['insecure-cookie'] !== true,
      maxBody: intOption(values, 'max-body', DEFAULT_SERVER_OPTIONS.maxBody),
      read: {
        ...DEFAULT_READ_OPTIONS,
        maxChars: intOption(values, 'max-chars', DEFAULT_READ_OPTIONS.maxChars),
        maxBytes: intOption(values, 'max-bytes', DEFAULT_READ_OPTIONS.maxBytes),
      },
      readOnly: values['read-only'] === true,
      allowedHosts,
      readWorkers: readWorkers(values['read-workers']),
    };
    let opened;
    try {
      opened = await openFromOptions(values, { mustExist: values.create !== true, readOnly: values['read-only'] === true });
      const { store, location } = opened;
      let running;
      try {
        running = await startServer(store, host, port, opts, (e) => reportError('serve', (e as Error)?.stack ?? String(e)));
      } catch (e) {
        throw new CommandFailure('internal', `cannot listen on ${host}:${port}: ${(e as Error).message}`);
      }
      process.stdout.write(`${running.url}/\n`);
      process.stderr.write(
        `serve: ${running.url}/ over ${describeDb(location)}${opts.readOnly ? ' (read-only)' : ''}; ${
          opts.allowedHosts ? 'this machine only (--host 0.0.0.0 to serve the network)' : 'reachable from the network'
        }; reading ${opts.anonymousRead ? 'open to anyone who can connect' : 'needs an account'}, writing needs an account${
          (await deskData(store).accounts()).length === 0 ? ' (there is none yet: sitrep user add NAME --role editor)' : ''
        }\n`,
      );
      const signal = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      process.stderr.write(`serve: ${signal}: stopping\n`);
      await running.close();
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'serve', e);
    } finally {
      await opened?.store.close();
    }
  },
};
