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
const interval = obj({ start: day, end: day });
const span = { start: int, end: int, text: str };
const sentence = obj(span);
const source = { documentId: str, outlet: nullable(str), published: nullable(str), ...span, sentence };
const fatal = obj({ low: nullable(num), best: nullable(num), high: nullable(num) });
const eventDate = obj({ start: day, end: day, precision: PRECISION });

const schemas: Record<string, Schema> = {
  Error: obj({ error: obj({ code: str, message: str }) }),
  /** A POST that stored nothing: the error, and what happened to each document. */
  NothingStored: obj({ error: obj({ code: { const: 'nothing_processed' }, message: str }), new: int, existing: int, failed: arr(obj({ where: str, message: str })), warnings: arr(obj({ where: str, message: str })), documents: arr({ type: 'object' }) }),
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
    location: nullable(obj({ name: str, lat: num, lon: num, country: str, admin1: nullable(str), precision: PRECISION })),
    actor1: nullable(ref('Actor')),
    actor2: nullable(ref('Actor')),
    actors: arr(ref('Actor')),
    fatalities: fatal,
    sources: arr(ref('EventSource')),
    corroboration: int,
    outlets: arr(str),
    certainty: CERTAINTY,
    merged: arr(str),
  }),
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
    mentions: arr(obj({ documentId: str, outlet: nullable(str), ...span })),
    documents: arr(str),
    events: arr(str),
    control: arr(ref('Control')),
  }),
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
    failed: arr(obj({ where: str, message: str })),
    warnings: arr(obj({ where: str, message: str })),
    documents: arr(obj({ where: str, id: str, status: { enum: ['new', 'existing'] } })),
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
  p('since', 'query', day, 'first day of the period (inclusive)'),
  p('until', 'query', day, 'last day of the period (inclusive)'),
  p('near', 'query', str, 'a place the documents name, or LAT,LON'),
  p('radius', 'query', num, 'km around `near` (default 50)'),
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
      }[c] ?? 'error'),
    ]),
  );
const html = (description: string) => ({ description, content: { 'text/html': { schema: str } } });
const readErrors = errors(400, 401);
const writeErrors = errors(400, 401, 403, 405, 415, 429);
const writeSecurity = [{ bearer: [] }, { session: [] }];

const paths: Record<string, Record<string, unknown>> = {
  '/': { get: { summary: 'The situation report as an HTML page', parameters: reportParams, responses: { 200: html('the page'), ...readErrors } } },
  '/report': { get: { summary: 'The situation report as an HTML page', parameters: reportParams, responses: { 200: html('the page'), ...readErrors } } },
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
  '/api/report': { get: { summary: 'The situation report (sitrep-report/1)', parameters: reportParams, responses: { 200: json(ref('Report')), ...readErrors } } },
  '/api/events': {
    get: { summary: 'The merged events', parameters: reportParams, responses: { 200: json(obj({ schema: str, period: ref('Period'), near: ref('Near'), events: arr(ref('Event')) })), ...readErrors } },
  },
  '/api/figures': {
    get: { summary: 'The figures, contested first', parameters: reportParams, responses: { 200: json(obj({ schema: str, period: ref('Period'), near: ref('Near'), figures: arr(ref('Figure')) })), ...readErrors } },
  },
  '/api/places': {
    get: { summary: 'The places with their control history', parameters: reportParams, responses: { 200: json(obj({ schema: str, period: ref('Period'), near: ref('Near'), places: arr(ref('Place')) })), ...readErrors } },
  },
  '/api/export.csv': { get: { summary: 'The merged events as ACLED-style CSV', parameters: reportParams, responses: { 200: { description: 'CSV (RFC 4180)', content: { 'text/csv': { schema: str } } }, ...readErrors } } },
  '/api/export.geojson': { get: { summary: 'The located events as GeoJSON', parameters: reportParams, responses: { 200: { description: 'a FeatureCollection', content: { 'application/geo+json': { schema: obj({ type: { const: 'FeatureCollection' }, features: arr({ type: 'object' }) }) } } }, ...readErrors } } },
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
  },
  '/api/search': {
    get: {
      summary: 'Full-text search',
      parameters: [p('q', 'query', str, 'words, "phrases", or, -exclusions', true), p('limit', 'query', { type: 'integer', minimum: 1, maximum: 200 }, 'default 20')],
      responses: { 200: json(ref('SearchResult')), ...readErrors },
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
