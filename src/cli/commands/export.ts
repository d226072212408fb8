import type { Command } from '../command.js';
import { EXIT_FAIL, EXIT_OK, reportError, UsageError } from '../command.js';
import { acledCsv } from '../../export/acled-csv.js';
import { geojson } from '../../export/geojson.js';
import { ReportError } from '../../report/model.js';
import { emit, reportFor, SELECTION_HELP, SELECTION_OPTIONS } from './report.js';
import { fail } from './store-common.js';

export const exportCommand: Command = {
  name: 'export',
  usage: `sitrep export --format acled-csv|geojson|json [--db PATH] [--out PATH] [--since DATE] [--until DATE] [--near PLACE]

  --format F       acled-csv: one row per merged event with ACLED's columns (RFC 4180, CRLF)
                   geojson:   a FeatureCollection of located events (Points, [lon, lat])
                   json:      the merged events with all their sources (as in \`sitrep report --format json\`)
${SELECTION_HELP}`,
  options: { ...SELECTION_OPTIONS },
  async run(values, positionals) {
    const format = values.format as string | undefined;
    if (!format) throw new UsageError('--format is required: acled-csv, geojson or json');
    if (!['acled-csv', 'geojson', 'json'].includes(format)) throw new UsageError(`--format must be acled-csv, geojson or json, got ${JSON.stringify(format)}`);
    try {
      const r = await reportFor(values, positionals);
      const text =
        format === 'acled-csv'
          ? acledCsv(r.events)
          : format === 'geojson'
            ? JSON.stringify(geojson(r.events), null, 2) + '\n'
            : JSON.stringify(r.events, null, 2) + '\n';
      await emit(values, text);
      return EXIT_OK;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof ReportError) {
        reportError('export', e.message);
        return EXIT_FAIL;
      }
      return fail(values, 'export', e);
    }
  },
};
