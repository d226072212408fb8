/**
 * `GET /api/openapi.json`: the HTTP API described in OpenAPI 3.1 (JSON Schema 2020-12). Every route of
 * ./app.ts has a path here (a test fails otherwise), and src/server/openapi.test.ts validates live
 * responses against these schemas, with undocumented fields refused, so the document cannot drift from
 * what the server says.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const day: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const arr = (items: Schema): Schema => ({ type: 'array', items });
/** An object with every listed property required (`optional` ones may be absent). */
function obj(props: Record<string, Schema>, optional: string[] = []): Schema {
  return { type: 'object', properties: props, required: Object.keys(props).filter((k) => !optional.includes(k)) };
}
/** An object whose other properties are open (analysis layers: docs/analysis-v1.md specifies them). */
const open = (props: Record<string, Schema>): Schema => ({ ...obj(props), additionalProperties: true });

export const EVENT_TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Protests', 'Riots', 'Strategic developments'];
const CERTAINTY: Schema = { enum: ['reported', 'unverified', 'confirmed', 'disputed', 'denied'] };
const PRECISION: Schema = { enum: [1, 2, 3] };
const REVIEW_ACTIONS = ['confirm', 'correct', 'reject', 'restore', 'split', 'merge'];
const interval = obj({ start: day, end: day });
const span = { start: int, end: int, text: str };
const sentence = obj(span);
const source = { documentId: str, outlet: nullable(str), published: nullable(str), ...span, sentence };
const fatal = obj({ low: nullable(num), best: nullable(num), high: nullable(num) });
const eventDate = obj({ start: day, end: day, precision: PRECISION });

const schemas: Record<string, Schema> = {
  Error: obj({ error: obj({ code: str, message: str }) }),
  /** A POST that stored nothing: the error, and what happened to each document. */
  NothingStored: obj({ error: obj({ code: { const: 'nothing_processed' }, message: str }), new: int, existing: int, queued: int, failed: arr(obj({ where: str, message: str })), warnings: arr(obj({ where: str, message: str })), documents: arr({ type: 'object' }) }),
  Actor: obj({ name: str, inter: int }),
  Source: obj(source),
  EventSource: obj({
    ...source,
    said: arr(str),
    certainty: CERTAINTY,
    date: nullable(obj({ ...(eventDate.properties as Record<string, Schema>), from: { enum: ['span', 'sentence', 'paragraph', 'publication'], description: 'where this report\'s date came from' } }, ['from'])),
    fatalities: nullable(fatal),
  }),
  Event: obj({
    id: str,
    type: { enum: EVENT_TYPES },
    subType: str,
    date: nullable(eventDate),
    // unresolved/area (analysis 1.2): a name the gazetteer lacks, at the point of the area it is coded at.
    location: nullable(obj({ name: str, lat: num, lon: num, country: str, admin1: nullable(str), precision: PRECISION, unresolved: { const: true }, area: str }, ['unresolved', 'area'])),
    actor1: nullable(ref('Actor')),
    actor2: nullable(ref('Actor')),
    actors: arr(ref('Actor')),
    fatalities: fatal,
    sources: arr(ref('EventSource')),
    corroboration: int,
    outlets: arr(str),
    certainty: CERTAINTY,
    merged: arr(str),
    review: nullable(ref('Review')),
  }),
  Review: obj({
    status: { enum: ['confirmed', 'corrected', 'rejected', 'merged', 'split'] },
    by: nullable(str),
    at: str,
    why: nullable(str),
    mergedInto: nullable(str),
    splitFrom: nullable(str),
    original: { type: 'object', description: 'the coded values of the fields an editor changed' },
    history: arr(obj({ id: int, action: { enum: REVIEW_ACTIONS }, by: nullable(str), at: str, why: nullable(str), data: { type: 'object' } })),
  }),
  Override: obj({
    id: int,
    eventId: str,
    action: { enum: REVIEW_ACTIONS },
    data: { type: 'object' },
    anchor: arr(obj({ documentId: str, start: int, end: int })),
    account: nullable(str),
    at: str,
    why: nullable(str),
  }),
  Point: obj({
    id: str,
    type: { enum: EVENT_TYPES },
    subType: str,
    start: nullable(day),
    end: nullable(day),
    lat: nullable(num),
    lon: nullable(num),
    precision: nullable(PRECISION),
    place: nullable(str),
    country: nullable(str),
    deaths: nullable(num),
    outlets: int,
    review: nullable(str),
  }),
  Facet: obj({ value: str, label: str, count: int }),
  Desk: obj({
    id: str,
    name: str,
    description: nullable(str),
    query: str,
    createdBy: nullable(str),
    createdAt: str,
    updatedAt: str,
    links: obj({ app: str, events: str, report: str, feed: str, csv: str, geojson: str }),
  }),
  GazetteerPlace: obj({ name: str, lat: num, lon: num, country: str, admin1: nullable(str), kind: str, population: int, precision: PRECISION }),
  Claim: obj({ value: num, low: nullable(num), high: nullable(num), approx: bool, vague: bool, source: nullable(str), ...source }),
  Figure: obj({ id: str, what: str, key: str, where: nullable(str), when: nullable(interval), claims: arr(ref('Claim')), contested: bool }),
  Control: obj({ date: nullable(interval), precision: PRECISION, holder: nullable(str), previous: nullable(str), how: str, part: bool, eventId: nullable(str), sources: arr(ref('Source')) }),
  Place: obj({
    id: str,
    name: str,
    lat: num,
    lon: num,
    country: str,
    admin1: nullable(str),
    kind: str,
    unresolved: { const: true },
    mentions: arr(obj({ documentId: str, outlet: nullable(str), ...span })),
    documents: arr(str),
    events: arr(str),
    control: arr(ref('Control')),
  }, ['unresolved']),
  Latest: obj({ eventId: str, date: nullable(interval), text: str, quote: ref('Source'), outlets: arr(str), sources: arr(ref('Source')) }),
  ReportDocument: obj({
    id: str,
    title: nullable(str),
    outlet: nullable(str),
    url: nullable(str),
    published: nullable(str),
    publishedFrom: nullable(str),
    layers: obj({ sentences: int, times: int, places: int, quantities: int, events: int }),
  }),
  Period: obj({ since: nullable(day), until: nullable(day), latest: nullable(interval) }),
  Near: nullable(obj({ name: str, lat: num, lon: num, radiusKm: num })),
  Report: obj({
    schema: { const: 'sitrep-report/1' },
    period: ref('Period'),
    near: ref('Near'),
    documents: arr(ref('ReportDocument')),
    events: arr(ref('Event')),
    figures: arr(ref('Figure')),
    places: arr(ref('Place')),
    latest: arr(ref('Latest')),
  }),
  Analysis: {
    ...open({
      id: str,
      published: nullable(str),
      publishedFrom: nullable(str),
      title: nullable(str),
      source: nullable(str),
      url: nullable(str),
      format: str,
      length: int,
      boilerplate: arr(open(span)),
      sentences: arr(open(span)),
      times: arr(open(span)),
      places: arr(open(span)),
      quantities: arr(open(span)),
      events: arr(open(span)),
      text: str,
      outlet: nullable(str),
      hash: str,
      textHash: str,
      author: nullable(str),
      origin: nullable(str),
      ingestedAt: str,
    }),
    description: 'An analysis-v1 record (docs/analysis-v1.md) without tokens, with the stored document fields. Layers added later (claims) appear as more arrays of spans.',
  },
  Links: obj({ json: str, html: str }),
  DocumentList: obj({
    total: int,
    limit: int,
    offset: int,
    next: nullable(str),
    documents: arr(
      obj({
        id: str,
        title: nullable(str),
        outlet: nullable(str),
        published: nullable(str),
        url: nullable(str),
        counts: obj({ sentences: int, times: int, places: int, quantities: int, events: int }),
        links: ref('Links'),
      }),
    ),
  }),
  PostResult: obj({
    new: int,
    existing: int,
    /** PostgreSQL with `sitrep worker` processes running: put in their queue, stored once analysed. */
    queued: int,
    failed: arr(obj({ where: str, message: str })),
    warnings: arr(obj({ where: str, message: str })),
    documents: arr(obj({ where: str, id: str, status: { enum: ['new', 'existing', 'queued'] } })),
  }),
  SearchResult: obj({
    query: str,
    hits: arr(obj({ id: str, title: nullable(str), outlet: nullable(str), published: nullable(str), snippet: str, score: num, links: ref('Links') })),
  }),
  Stats: obj({
    documents: int,
    outlets: int,
    sentences: int,
    boilerplate: int,
    times: int,
    places: int,
    quantities: int,
    events: int,
    store: { enum: ['sqlite', 'postgres'] },
    schema: int,
  }),
  ApiIndex: obj({ name: str, openapi: str, routes: arr(obj({ path: str, methods: arr(str), about: str })) }),
  AccountRef: obj({ name: str, role: { enum: ['viewer', 'editor', 'admin'] } }),
  Account: obj({ name: str, role: { enum: ['viewer', 'editor', 'admin'] }, createdAt: str }),
  Session: obj({
    account: nullable(ref('AccountRef')),
    via: { enum: ['token', 'session', 'anonymous'] },
    csrf: nullable(str),
    expiresAt: nullable(str),
    anonymousRead: bool,
    readOnly: bool,
  }),
  LoginResult: obj({ account: ref('AccountRef'), csrf: str, expiresAt: str }),
  AuditEntry: obj({
    id: int,
    at: str,
    account: nullable(str),
    action: str,
    target: nullable(str),
    detail: { description: 'what the write was, as JSON (its shape depends on the action)' },
    why: nullable(str),
    client: { ...nullable(str), description: 'the remote address; shown to admins only' },
  }),
};

const p = (name: string, where: 'query' | 'path', schema: Schema, description: string, required = false) => ({ name, in: where, schema, description, required: where === 'path' || required });

const reportParams = [
  p('since', 'query', day, 'first day of the period (inclusive): events whose dates overlap it'),
  p('until', 'query', day, 'last day of the period (inclusive)'),
  p('near', 'query', str, 'a place the documents name, or LAT,LON'),
  p('radius', 'query', num, 'km around `near` (default 50)'),
];
/** The desk filters (src/desk/filter.ts); lists are comma-separated. */
const filterParams = [
  ...reportParams,
  p('country', 'query', str, 'ISO 3166-1 alpha-2 codes, comma-separated'),
  p('admin1', 'query', str, 'first-level admin areas, comma-separated'),
  p('type', 'query', str, 'ACLED event types, comma-separated'),
  p('subType', 'query', str, 'ACLED sub-event types, comma-separated'),
  p('outlet', 'query', str, 'outlets, comma-separated (any of them reported it)'),
  p('certainty', 'query', str, 'reported, confirmed, unverified, disputed, denied (comma-separated)'),
  p('actor', 'query', str, 'words of an actor\'s name'),
  p('q', 'query', str, 'words anywhere in the reports\' sentences, places, actors, outlets'),
  p('minOutlets', 'query', { type: 'integer', minimum: 1 }, 'corroborated by at least this many outlets'),
  p('bbox', 'query', str, 'WEST,SOUTH,EAST,NORTH in degrees'),
  p('review', 'query', { enum: ['default', 'all', 'reviewed', 'unreviewed', 'confirmed', 'corrected', 'rejected', 'merged', 'split'] }, 'which review states (default: all but rejected and merged away)'),
];
const pageParams = [p('limit', 'query', { type: 'integer', minimum: 1, maximum: 1000 }, 'at most this many (default 50)'), p('offset', 'query', { type: 'integer', minimum: 0 }, 'skip this many')];

const json = (schema: Schema, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      json(ref('Error'), {
        400: 'a bad or unknown parameter',
        401: 'no account, or an unknown token',
        403: 'another origin, a missing CSRF token, or a role too low',
        404: 'no such thing',
        405: 'method not allowed',
        409: 'already exists',
        413: 'body too large',
        415: 'unsupported body type',
        422: 'nothing could be stored',
        429: 'too many writes; see Retry-After',
        503: 'over its time limit, or the server busy; see Retry-After',
      }[c] ?? 'error'),
    ]),
  );
const html = (description: string) => ({ description, content: { 'text/html': { schema: str } } });
const readErrors = errors(400, 401);
const writeErrors = errors(400, 401, 403, 405, 415, 429);
const writeSecurity = [{ bearer: [] }, { session: [] }];

const paths: Record<string, Record<string, unknown>> = {
  '/': { get: { summary: 'The desk web app (filters in the query)', parameters: filterParams, responses: { 200: html('the app\'s page'), ...readErrors } } },
  '/events/{id}': { get: { summary: 'The web app\'s page of one event', parameters: [p('id', 'path', str, 'the event id')], responses: { 200: html('the app\'s page'), ...readErrors } } },
  '/desks': { get: { summary: 'The web app\'s list of desks', responses: { 200: html('the app\'s page'), ...readErrors } } },
  '/desks/{id}': { get: { summary: 'The web app on one desk', parameters: [p('id', 'path', str, 'the desk id'), ...filterParams], responses: { 200: html('the app\'s page'), ...readErrors } } },
  '/app/{file}': {
    get: {
      summary: 'The web app\'s files',
      parameters: [p('file', 'path', { enum: ['app.js', 'app.css', 'countries-110m.json', 'countries-50m.json'] }, 'the script, the stylesheet, or the basemap (TopoJSON)')],
      responses: { 200: { description: 'the file', content: { 'text/javascript': { schema: str }, 'text/css': { schema: str }, 'application/json': { schema: { type: 'object' } } } }, ...errors(404) },
    },
  },
  '/report': { get: { summary: 'The situation report as an HTML page, reviews applied, cut to the filters', parameters: filterParams, responses: { 200: html('the page'), ...readErrors } } },
  '/login': { get: { summary: 'The sign-in page', parameters: [p('next', 'query', str, 'where to go after signing in (a path on this server)'), p('error', 'query', str, 'show why the last attempt failed')], responses: { 200: html('the form') } } },
  '/api': { get: { summary: 'The list of routes', responses: { 200: json(ref('ApiIndex')) } } },
  '/api/openapi.json': { get: { summary: 'This document', responses: { 200: json({ type: 'object' }) } } },
  '/api/login': {
    post: {
      summary: 'Sign in with a token; sets the session cookie',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: obj({ token: str }) },
          'application/x-www-form-urlencoded': { schema: obj({ token: str, next: str }, ['next']) },
        },
      },
      responses: { 200: json(ref('LoginResult'), 'signed in (JSON body)'), 303: { description: 'signed in (form): redirected to next' }, ...errors(400, 401, 403, 415, 429) },
    },
  },
  '/api/logout': { post: { summary: 'End the session (X-CSRF-Token required with a session cookie)', responses: { 200: json(obj({ signedOut: bool })), ...errors(403) } } },
  '/api/session': { get: { summary: 'Who is signed in, with the CSRF token writes need', responses: { 200: json(ref('Session')) } } },
  '/api/report': { get: { summary: 'The situation report (sitrep-report/1), reviews applied, cut to the filters', parameters: filterParams, responses: { 200: json(ref('Report')), ...readErrors } } },
  '/api/events': {
    get: {
      summary: 'The merged events with reviews applied: filtered, sorted, paged',
      parameters: [...filterParams, p('sort', 'query', { enum: ['date', '-date', 'deaths', '-deaths', 'outlets', '-outlets'] }, 'default date'), ...pageParams],
      responses: {
        200: json(
          obj({
            schema: str,
            period: ref('Period'),
            near: ref('Near'),
            total: { type: 'integer', description: 'matching events, counted up to 1000 or to one past this page, whichever is more: exact when totalExact, else at least this many' },
            totalExact: bool,
            limit: int,
            offset: int,
            next: nullable(str),
            events: arr(ref('Event')),
          }),
        ),
        ...readErrors,
      },
    },
  },
  '/api/events/points': {
    get: { summary: 'Every matching located event in a few fields (the map and the timeline)', parameters: [...filterParams, p('limit', 'query', { type: 'integer', minimum: 1, maximum: 50000 }, 'default 20000')], responses: { 200: json(obj({ total: int, truncated: bool, points: arr(ref('Point')) })), ...readErrors } },
  },
  '/api/events/timeline': {
    get: {
      summary: 'Matching dated events counted per day, month or year of their start, and per type (the timeline\'s bars)',
      parameters: [...filterParams, p('bucket', 'query', { enum: ['day', 'month', 'year'] }, 'default month')],
      responses: { 200: json(obj({ bucket: { enum: ['day', 'month', 'year'] }, buckets: arr(obj({ bucket: str, type: str, count: int, deaths: int })) })), ...readErrors },
    },
  },
  '/api/events/{id}': {
    get: {
      summary: 'One event with its documents, the figures and control changes of its sentences, and its history',
      parameters: [p('id', 'path', str, 'the event id')],
      responses: {
        200: json(
          obj({
            event: ref('Event'),
            documents: arr(obj({ id: str, title: nullable(str), outlet: nullable(str), published: nullable(str), url: nullable(str) })),
            figures: arr(ref('Figure')),
            control: arr(obj({ place: str, placeId: str, date: nullable(interval), precision: PRECISION, holder: nullable(str), previous: nullable(str), how: str, part: bool, eventId: nullable(str), sources: arr(ref('Source')) })),
            history: arr(ref('AuditEntry')),
          }),
        ),
        ...errors(400, 401, 404),
      },
    },
    post: {
      summary: 'Review the event (editor): POST to /api/events/ID/review',
      security: writeSecurity,
      parameters: [p('id', 'path', str, 'the event id followed by /review')],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              ...obj({ action: { enum: REVIEW_ACTIONS }, why: str, changes: { type: 'object' }, sources: arr(obj({ documentId: str, start: int, end: int })), into: str }, ['why', 'changes', 'sources', 'into']),
              description: 'correct takes changes (type, subType, actor1, actor2, location, date, fatalities); split takes the sources to move; merge takes the id to merge into',
            },
          },
        },
      },
      responses: { 201: json(obj({ override: ref('Override'), event: ref('Event'), related: nullable(ref('Event')) })), ...writeErrors, ...errors(404, 409) },
    },
  },
  '/api/facets': {
    get: {
      summary: 'Counts per filter value, each with the other filters applied',
      parameters: filterParams,
      responses: { 200: json(obj({ total: int, facets: { type: 'object', additionalProperties: arr(ref('Facet')) }, subTypes: { type: 'object', additionalProperties: arr(str) } })), ...readErrors },
    },
  },
  '/api/control': {
    get: {
      summary: 'Places whose control changed, in the filters\' countries, box and period',
      parameters: filterParams,
      responses: {
        200: json(obj({ places: arr(obj({ id: str, name: str, lat: num, lon: num, country: str, admin1: nullable(str), changes: arr(obj({ date: nullable(interval), holder: nullable(str), previous: nullable(str), how: str, part: bool, eventId: nullable(str) })) })) })),
        ...readErrors,
      },
    },
  },
  '/api/feed.atom': { get: { summary: 'The latest matching events as an Atom feed', parameters: [...filterParams, p('limit', 'query', { type: 'integer', minimum: 1, maximum: 500 }, 'default 50')], responses: { 200: { description: 'Atom', content: { 'application/atom+xml': { schema: str } } }, ...readErrors } } },
  '/api/desks': {
    get: { summary: 'Saved desks', responses: { 200: json(obj({ desks: arr(ref('Desk')) })), ...readErrors } },
    post: {
      summary: 'Save a desk (editor)',
      security: writeSecurity,
      requestBody: { required: true, content: { 'application/json': { schema: obj({ id: str, name: str, description: str, query: { description: 'the filters: a query string or an object' } }, ['id', 'description', 'query']) } } },
      responses: { 201: json(ref('Desk')), ...writeErrors, ...errors(409) },
    },
  },
  '/api/desks/{id}': {
    get: { summary: 'One desk', parameters: [p('id', 'path', str, 'the desk id')], responses: { 200: json(ref('Desk')), ...errors(401, 404) } },
    put: {
      summary: 'Replace a desk (editor)',
      security: writeSecurity,
      parameters: [p('id', 'path', str, 'the desk id')],
      requestBody: { required: true, content: { 'application/json': { schema: obj({ name: str, description: str, query: {} }, ['description', 'query']) } } },
      responses: { 200: json(ref('Desk')), ...writeErrors, ...errors(404) },
    },
    delete: { summary: 'Remove a desk (editor)', security: writeSecurity, parameters: [p('id', 'path', str, 'the desk id')], responses: { 200: json(obj({ removed: str })), ...writeErrors, ...errors(404) } },
  },
  '/api/gazetteer': {
    get: {
      summary: 'Places by name, or nearest a point (for correcting an event\'s place)',
      parameters: [p('q', 'query', str, 'a place name'), p('lat', 'query', num, 'latitude'), p('lon', 'query', num, 'longitude'), p('limit', 'query', { type: 'integer', minimum: 1, maximum: 50 }, 'default 10')],
      responses: { 200: json(obj({ places: arr(ref('GazetteerPlace')) })), ...readErrors },
    },
  },
  '/api/figures': {
    get: { summary: 'The figures, contested first', parameters: reportParams, responses: { 200: json(obj({ schema: str, period: ref('Period'), near: ref('Near'), figures: arr(ref('Figure')) })), ...readErrors } },
  },
  '/api/places': {
    get: { summary: 'The places with their control history', parameters: reportParams, responses: { 200: json(obj({ schema: str, period: ref('Period'), near: ref('Near'), places: arr(ref('Place')) })), ...readErrors } },
  },
  '/api/export.csv': { get: { summary: 'The merged events as ACLED-style CSV (with a reviewed column)', parameters: filterParams, responses: { 200: { description: 'CSV (RFC 4180)', content: { 'text/csv': { schema: str } } }, ...readErrors } } },
  '/api/export.geojson': { get: { summary: 'The located events as GeoJSON', parameters: filterParams, responses: { 200: { description: 'a FeatureCollection', content: { 'application/geo+json': { schema: obj({ type: { const: 'FeatureCollection' }, features: arr({ type: 'object' }) }) } } }, ...readErrors } } },
  '/api/documents': {
    get: { summary: 'Stored documents, in pages', parameters: pageParams, responses: { 200: json(ref('DocumentList')), ...readErrors } },
    post: {
      summary: 'Analyse and store documents (editor)',
      security: writeSecurity,
      parameters: ['id', 'published', 'source', 'title', 'url', 'author'].map((n) => p(n, 'query', str, `the ${n} of a single page or text`)),
      requestBody: {
        required: true,
        content: Object.fromEntries(['application/x-ndjson', 'application/json', 'text/html', 'text/plain', 'application/rss+xml', 'application/atom+xml'].map((t) => [t, { schema: str }])),
      },
      responses: {
        200: json(ref('PostResult'), 'everything was already stored'),
        201: json(ref('PostResult'), 'something new was stored'),
        202: json(ref('PostResult'), 'queued for the workers (PostgreSQL with `sitrep worker` processes running), nothing new stored yet'),
        ...writeErrors,
        ...errors(413),
        422: json(ref('NothingStored'), 'nothing could be stored'),
      },
    },
  },
  '/api/documents/{id}': {
    get: {
      summary: 'One document: its analysis record; with .html appended, its text with every span highlighted',
      parameters: [p('id', 'path', str, 'the stored id, percent-encoded (may hold slashes); append .html for the page'), p('hl', 'query', str, 'START-END[,START-END…] ranges to mark (page only)')],
      responses: { 200: { description: 'the record, or the page', content: { 'application/json': { schema: ref('Analysis') }, 'text/html': { schema: str } } }, ...errors(400, 401, 404) },
    },
    delete: {
      summary: 'Delete the document and everything derived from it: its layers, search entry and part of the picture (editor)',
      security: writeSecurity,
      parameters: [p('id', 'path', str, 'the stored id, percent-encoded')],
      responses: { 200: json({ type: 'object', properties: { deleted: str }, required: ['deleted'] }, 'deleted'), ...errors(400, 401, 403, 404, 405, 429) },
    },
  },
  '/api/search': {
    get: {
      summary: 'Full-text search',
      parameters: [p('q', 'query', str, 'words, "phrases", or, -exclusions', true), p('limit', 'query', { type: 'integer', minimum: 1, maximum: 200 }, 'default 20')],
      responses: { 200: json(ref('SearchResult')), ...readErrors, ...errors(503) },
    },
  },
  '/api/stats': { get: { summary: 'Row counts of the store', responses: { 200: json(ref('Stats')), ...readErrors } } },
  '/api/audit': {
    get: {
      summary: 'The audit log, newest first',
      parameters: [
        p('limit', 'query', { type: 'integer', minimum: 1, maximum: 1000 }, 'default 100'),
        p('before', 'query', int, 'entries older than this id (the next page)'),
        p('target', 'query', str, 'only this target (an event id, a document id, an account)'),
        p('account', 'query', str, 'only this account'),
        p('action', 'query', str, 'only this action'),
      ],
      responses: { 200: json(obj({ entries: arr(ref('AuditEntry')), next: nullable(str) })), ...readErrors },
    },
  },
  '/api/accounts': {
    get: { summary: 'Accounts (admin)', security: writeSecurity, responses: { 200: json(obj({ accounts: arr(ref('Account')) })), ...errors(401, 403) } },
    post: {
      summary: 'Add an account (admin); the token is shown once',
      security: writeSecurity,
      requestBody: { required: true, content: { 'application/json': { schema: obj({ name: str, role: { enum: ['viewer', 'editor', 'admin'] } }) } } },
      responses: { 201: json(obj({ account: ref('Account'), token: str })), ...writeErrors, ...errors(409) },
    },
  },
  '/api/accounts/{name}': {
    get: { summary: 'One account (admin)', security: writeSecurity, parameters: [p('name', 'path', str, 'the account name')], responses: { 200: json(ref('Account')), ...errors(401, 403, 404) } },
    delete: { summary: 'Remove an account (admin); its audit entries stay', security: writeSecurity, parameters: [p('name', 'path', str, 'the account name')], responses: { 200: json(obj({ removed: str })), ...writeErrors, ...errors(404) } },
  },
};

/** The route paths of app.ts (`/api/documents/:id`) as OpenAPI paths (`/api/documents/{id}`). */
export const toOpenApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

/** The document; `routes` are the server's route paths, so a route added without a description shows up. */
export function openApiDocument(routes: readonly string[]): Record<string, unknown> {
  const missing = routes.map(toOpenApiPath).filter((r) => !paths[r]);
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep',
      version: '1',
      description:
        'The HTTP API of `sitrep serve` (docs/server.md). Every failure is `{"error": {"code", "message"}}`. Reading may be open to anyone (the server\'s --anonymous-read); writes need an account: `Authorization: Bearer TOKEN`, or the session cookie from /api/login with its CSRF token in X-CSRF-Token.' +
        (missing.length ? ` Undocumented routes: ${missing.join(', ')}.` : ''),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a token from `sitrep user add NAME --role ROLE`' },
        session: { type: 'apiKey', in: 'cookie', name: 'sitrep_session', description: 'from POST /api/login; writes also need X-CSRF-Token' },
      },
    },
  };
}
