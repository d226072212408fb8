import type { Command } from '../command.js';
import { EXIT_OK, UsageError } from '../command.js';
import { intOption } from '../options.js';
import { deskData } from '../../desk/open.js';
import { DB_HELP, fail, openFromOptions } from './store-common.js';

export const audit: Command = {
  name: 'audit',
  usage: `sitrep audit [--db PATH|URL] [--limit N] [--target ID] [--account NAME] [--action ACTION] [--json]

${DB_HELP}
  --limit N        at most N entries (default 50, at most 1000)
  --target ID      only what was done to this event, document or account
  --account NAME   only what this account did
  --action A       only this action (documents.add, review.correct, account.add, session.login …)
  --json           one JSON object a line

Each line: time, account (- for the command line), action, target, why, and the details as JSON.`,
  options: {
    db: { type: 'string' },
    limit: { type: 'string' },
    target: { type: 'string' },
    account: { type: 'string' },
    action: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    let opened;
    try {
      if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
      const limit = Math.min(1000, intOption(values, 'limit', 50));
      opened = await openFromOptions(values, { mustExist: true, readOnly: true });
      const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
      const entries = await deskData(opened.store).auditLog({ limit, target: str('target'), account: str('account'), action: str('action') });
      for (const e of entries) {
        process.stdout.write(
          values.json
            ? JSON.stringify(e) + '\n'
            : `${e.at}\t${e.account ?? '-'}\t${e.action}\t${e.target ?? '-'}${e.why ? `\t"${e.why.replace(/\s+/g, ' ')}"` : ''}${e.detail !== null ? `\t${JSON.stringify(e.detail)}` : ''}\n`,
        );
      }
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'audit', e);
    } finally {
      await opened?.store.close();
    }
  },
};
