import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, UsageError } from '../command.js';
import { deskData } from '../../desk/open.js';
import { checkName } from '../../desk/tokens.js';
import { ROLES, type Role } from '../../desk/types.js';
import { DB_HELP, describeDb, fail, openFromOptions } from './store-common.js';

const SUBCOMMANDS = ['add', 'list', 'remove', 'token', 'role'];

function role(v: unknown): Role {
  if (typeof v !== 'string' || !(ROLES as readonly string[]).includes(v)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}${v === undefined ? '' : `, got ${JSON.stringify(v)}`}`);
  return v as Role;
}

export const user: Command = {
  name: 'user',
  usage: `sitrep user add NAME --role viewer|editor|admin [--db PATH|URL] [--json]
sitrep user list | remove NAME | token NAME | role NAME --role ROLE [--db PATH|URL] [--json]

${DB_HELP}
  add NAME         create an account and print its token on standard output (shown once: only a hash is
                   kept). Use it as \`Authorization: Bearer TOKEN\`, or sign in with it at /login
  --role ROLE      viewer (reads), editor (also adds documents and reviews events), admin (also accounts)
  list             the accounts and their roles
  remove NAME      delete an account and end its sessions (what it did stays in the audit log)
  token NAME       a new token for the account; the old one and its sessions stop working
  role NAME        change the account's role (--role)
  --create         create the SQLite file when it does not exist
  --json           print JSON

Every change is written to the audit log (\`sitrep audit\`).`,
  options: {
    db: { type: 'string' },
    role: { type: 'string' },
    json: { type: 'boolean' },
    create: { type: 'boolean' },
  },
  async run(values, positionals) {
    let opened;
    try {
      const [sub, name, ...rest] = positionals;
      if (!sub || !SUBCOMMANDS.includes(sub)) throw new UsageError(`give a subcommand: ${SUBCOMMANDS.join(', ')}`);
      if (rest.length) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
      if (sub === 'list' && name !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(name)}`);
      if (sub !== 'list') {
        if (name === undefined) throw new UsageError(`sitrep user ${sub} needs an account NAME`);
        const bad = checkName(name);
        if (bad) throw new UsageError(bad);
      }
      const r = sub === 'add' || sub === 'role' ? role(values.role) : null;
      if (r === null && values.role !== undefined) throw new UsageError(`--role goes with add and role, not ${sub}`);
      opened = await openFromOptions(values, { mustExist: values.create !== true });
      const desk = deskData(opened.store);
      const log = (action: string, detail: unknown = null) => desk.audit({ account: null, action, target: name!, detail, why: null, client: 'cli' });
      const out = (json: unknown, text: string) => process.stdout.write(values.json ? JSON.stringify(json) + '\n' : text);
      switch (sub) {
        case 'add': {
          if (await desk.accountByName(name!)) throw new CommandFailure('conflict', `there is already an account named ${name}`);
          const { account, token } = await desk.addAccount(name!, r!);
          await log('account.add', { role: r });
          process.stderr.write(`user: added ${account.name} (${account.role}) in ${describeDb(opened.location)}; its token follows, shown once\n`);
          out({ name: account.name, role: account.role, token }, `${token}\n`);
          break;
        }
        case 'list': {
          const list = await desk.accounts();
          out({ accounts: list.map((a) => ({ name: a.name, role: a.role, createdAt: a.createdAt })) }, list.map((a) => `${a.name}\t${a.role}\t${a.createdAt}\n`).join(''));
          break;
        }
        case 'remove': {
          if (!(await desk.removeAccount(name!))) throw new CommandFailure('not_found', `no account named ${name}`);
          await log('account.remove');
          out({ removed: name }, `removed ${name}\n`);
          break;
        }
        case 'token': {
          const token = await desk.renewToken(name!);
          if (token === null) throw new CommandFailure('not_found', `no account named ${name}`);
          await log('account.token');
          process.stderr.write(`user: new token for ${name}; the old one no longer works\n`);
          out({ name, token }, `${token}\n`);
          break;
        }
        case 'role': {
          const a = await desk.setRole(name!, r!);
          if (!a) throw new CommandFailure('not_found', `no account named ${name}`);
          await log('account.role', { role: r });
          out({ name: a.name, role: a.role }, `${a.name} is now ${a.role}\n`);
          break;
        }
      }
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'user', e);
    } finally {
      await opened?.store.close();
    }
  },
};
