import type { Command } from '../command.js';
import { EXIT_OK, UsageError } from '../command.js';
import { intOption } from '../options.js';
import { QueryError } from '../../store/query.js';
import { DB_HELP, fail, openFromOptions } from './store-common.js';

export const search: Command = {
  name: 'search',
  usage: `sitrep search QUERY... [--limit N] [--db PATH|URL] [--json]

  QUERY            words (all must occur; "killed" also finds "kill"), "quoted phrases", \`or\` between
                   alternatives, -word to exclude, word* for a prefix. Anything else is literal. Stop
                   words ("the", "and", "not", …) are not searched; at most 48 terms, 40 of them prefixes.
  --limit N        at most N hits (default 20)
${DB_HELP}
  --json           {"query", "hits": [{"id", "title", "outlet", "published", "snippet", "score"}]}

Snippets mark matched words «like this» (bold on a terminal).`,
  options: {
    limit: { type: 'string', short: 'n' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    let opened;
    try {
      const query = positionals.join(' ').trim();
      if (query === '') throw new UsageError('give a QUERY (sitrep search WORDS...)');
      const limit = intOption(values, 'limit', 20);
      opened = await openFromOptions(values, { mustExist: true, readOnly: true });
      const hits = await opened.store.search(query, { limit }).catch((e: unknown) => {
        throw e instanceof QueryError ? new UsageError(e.message) : e;
      });
      if (values.json) {
        process.stdout.write(JSON.stringify({ query, hits }) + '\n');
        return EXIT_OK;
      }
      const tty = process.stdout.isTTY === true;
      const bold = (s: string) => (tty ? s.replace(/«/g, '\x1b[1m').replace(/»/g, '\x1b[22m') : s);
      const out: string[] = [];
      for (const h of hits) {
        const head = [h.id, h.published ?? 'undated', h.outlet ?? 'unknown outlet'].join('  ');
        out.push(`${head}${h.title ? `  — ${h.title}` : ''}`, `    ${bold(h.snippet)}`);
      }
      if (hits.length === 0) process.stderr.write(`search: no documents match ${JSON.stringify(query)}\n`);
      else process.stdout.write(out.join('\n') + '\n');
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'search', e);
    } finally {
      await opened?.store.close();
    }
  },
};
