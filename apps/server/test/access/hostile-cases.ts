// The cases the hostile probe sends to one operation, built from what the OpenAPI document says it
// takes and from the access matrix's request for it (real ids in the path, a valid body to mutate
// one field at a time, so a mutation gets past 404 and reaches validation and the use case).
import type { MatrixRequest } from './matrix.ts';
import type { ProbedOperation } from './openapi-fields.ts';
import { AWKWARD_TEXT, CONFUSED_VALUES, encodeLoosely, nested, RAW, sample, toJson, UNSTORABLE_TEXT, withValueAt } from './hostile-values.ts';

/** One request the probe sends. */
export interface ProbeRequest {
  readonly url: string;
  readonly payload?: string | Buffer | object;
  readonly headers: Readonly<Record<string, string>>;
}

/** A named way of spoiling the matrix's request for an operation. */
export interface HostileCase {
  readonly name: string;
  build(base: MatrixRequest): ProbeRequest;
}

/** What the cases need besides the operation: the body limit, real ids to put in paths, a seeded source. */
export interface CaseContext {
  readonly bodyLimit: number;
  readonly realIds: readonly string[];
  readonly random: () => number;
  /** Every listed value in every field instead of a seeded sample (PROBE_WIDE=1: a deeper search, ~2× longer). */
  readonly wide?: boolean;
}

/** `count` of the items by the seeded source, or all of them in a wide run. */
const some = <T>(context: CaseContext, items: readonly T[], count: number): T[] => (context.wide ? [...items] : sample(context.random, items, count));

const JSON_TYPE = { 'content-type': 'application/json' };
const bodyOf = (base: MatrixRequest): unknown => (typeof base.payload === 'object' ? base.payload : {});
const json = (base: MatrixRequest, value: unknown): ProbeRequest => ({ url: base.url, headers: { ...base.headers, ...JSON_TYPE }, payload: toJson(value) });
const raw = (base: MatrixRequest, payload: string | Buffer, headers: Record<string, string> = JSON_TYPE): ProbeRequest => ({ url: base.url, headers: { ...base.headers, ...headers }, payload });
const contentTypeOf = (base: MatrixRequest): string => base.headers?.['content-type'] ?? 'application/json';
/** The matrix's body unchanged (an object is sent as JSON by inject). */
const sameBody = (base: MatrixRequest): { payload?: string | object } => (base.payload === undefined ? {} : { payload: base.payload });

/** Every case for one operation; bounded by sampling the long lists with the seeded source. */
export function casesFor(operation: ProbedOperation, base: MatrixRequest, context: CaseContext): HostileCase[] {
  const cases: HostileCase[] = [...queryCases(operation, context), ...pathCases(operation, context), ...headerCases(operation, context)];
  if (operation.method === 'GET') return cases;
  const type = contentTypeOf(base);
  if (type.startsWith('text/csv')) return [...cases, ...csvCases(context)];
  if (type.startsWith('multipart/')) return [...cases, ...multipartCases()];
  return [...cases, ...jsonCases(context), ...fieldCases(operation, context)];
}

function jsonCases({ bodyLimit }: CaseContext): HostileCase[] {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  return [
    { name: 'malformed JSON', build: (b) => raw(b, '{"broken": ') },
    { name: 'truncated JSON', build: (b) => raw(b, toJson(bodyOf(b)).slice(0, -1)) },
    { name: 'JSON with trailing garbage', build: (b) => raw(b, `${toJson(bodyOf(b))}}x`) },
    { name: 'an empty JSON body', build: (b) => raw(b, '') },
    { name: 'an array body', build: (b) => json(b, [bodyOf(b)]) },
    { name: 'a null body', build: (b) => raw(b, 'null') },
    { name: 'a number body', build: (b) => raw(b, '42') },
    { name: 'a string body with a NUL', build: (b) => raw(b, '"a\\u0000"') },
    { name: 'a body nested 50 deep', build: (b) => json(b, nested(50)) },
    { name: 'a body of arrays nested 100,000 deep', build: (b) => raw(b, deep) },
    { name: 'a body over the limit', build: (b) => raw(b, toJson({ pad: 'x'.repeat(bodyLimit) })) },
    { name: 'a body just under the limit', build: (b) => json(b, { ...asObject(bodyOf(b)), pad: 'x'.repeat(bodyLimit - toJson(bodyOf(b)).length - 64) }) },
    { name: 'an unknown field with a NUL', build: (b) => json(b, { ...asObject(bodyOf(b)), extra: 'a\u0000' }) },
    { name: 'an unknown key with a lone surrogate', build: (b) => json(b, { ...asObject(bodyOf(b)), 'k\ud800': 1 }) },
    { name: 'a __proto__ key', build: (b) => raw(b, `{"__proto__":{"admin":true},${toJson(bodyOf(b)).slice(1)}`) },
    { name: 'a constructor.prototype key', build: (b) => raw(b, `{"constructor":{"prototype":{"admin":true}},${toJson(bodyOf(b)).slice(1)}`) },
    { name: 'duplicate keys, the last with a NUL', build: (b) => raw(b, `${toJson(bodyOf(b)).slice(0, -1)}${Object.keys(asObject(bodyOf(b))).length > 0 ? ',' : ''}"${Object.keys(asObject(bodyOf(b)))[0] ?? 'k'}":"\\u0000"}`) },
    { name: 'a form body', build: (b) => raw(b, 'a=1&b=%00', { 'content-type': 'application/x-www-form-urlencoded' }) },
    { name: 'a CSV body', build: (b) => raw(b, 'a,b\n1,\u0000', { 'content-type': 'text/csv' }) },
    { name: 'JSON said to be UTF-16', build: (b) => raw(b, toJson(bodyOf(b)), { 'content-type': 'application/json; charset=utf-16' }) },
    { name: 'JSON of invalid UTF-8 bytes', build: (b) => raw(b, Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe]), Buffer.from('"}')])) },
    { name: 'JSON without a content type', build: (b) => ({ url: b.url, headers: { ...b.headers, 'content-type': '' }, payload: toJson(bodyOf(b)) }) },
  ];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

function fieldCases(operation: ProbedOperation, context: CaseContext): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const field of operation.bodyFields) {
    const set = (label: string, value: unknown): HostileCase => ({ name: `body ${field.at} = ${label}`, build: (b) => json(b, withValueAt(bodyOf(b), field.at, value)) });
    if (field.type === 'string' || field.type === 'unknown') {
      for (const [label, text] of Object.entries(UNSTORABLE_TEXT)) cases.push(set(label, text));
      for (const [label, text] of some(context, Object.entries(AWKWARD_TEXT), 6)) cases.push(set(label, text));
    }
    for (const [label, value] of some(context, Object.entries(CONFUSED_VALUES), 5)) cases.push(set(label, value));
    if (field.type === 'object' || field.type === 'unknown') cases.push(set('arrays nested 10,000 deep', RAW(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)));
  }
  return cases;
}

function queryCases(operation: ProbedOperation, context: CaseContext): HostileCase[] {
  const withQuery = (b: MatrixRequest, query: string): ProbeRequest => ({ url: `${b.url}${b.url.includes('?') ? '&' : '?'}${query}`, headers: { ...b.headers }, ...sameBody(b) });
  const cases: HostileCase[] = [
    { name: 'an undeclared query parameter with a NUL', build: (b) => withQuery(b, 'zz=a%00b') },
    { name: 'a __proto__ query parameter', build: (b) => withQuery(b, '__proto__=x&constructor=y&a[b]=c') },
    { name: 'a thousand query parameters', build: (b) => withQuery(b, Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')) },
    { name: 'a malformed percent escape', build: (b) => withQuery(b, 'q=%E0%A4%A&r=%') },
  ];
  const strange: Record<string, string> = { '"NaN"': 'NaN', '"-1"': '-1', '1e400': '1e400', 'an empty value': '', 'ten thousand characters': 'x'.repeat(10_000), 'a 30-digit integer': '123456789012345678901234567890' };
  for (const parameter of operation.query) {
    const set = (label: string, value: string): HostileCase => ({ name: `query ${parameter.at} = ${label}`, build: (b) => withQuery(b, `${parameter.at}=${encodeLoosely(value)}`) });
    for (const [label, text] of Object.entries(UNSTORABLE_TEXT)) cases.push(set(label, text));
    for (const [label, text] of some(context, Object.entries(AWKWARD_TEXT), 4)) cases.push(set(label, text));
    for (const [label, text] of some(context, Object.entries(strange), 3)) cases.push(set(label, text));
    cases.push({ name: `query ${parameter.at} given twice`, build: (b) => withQuery(b, `${parameter.at}=1&${parameter.at}=2`) });
  }
  return cases;
}

function pathCases(operation: ProbedOperation, context: CaseContext): HostileCase[] {
  const values: Record<string, string> = {
    'a NUL': '%00', 'a NUL inside': 'a%00b', 'a lone surrogate': '%ED%A0%80', 'invalid UTF-8': '%FF%FE', 'a traversal': '..%2F..%2Fetc', 'an emoji': '%F0%9F%98%80',
    '199 characters': 'x'.repeat(199), '300 characters': 'x'.repeat(300), '-1': '-1', 'a 30-digit integer': '123456789012345678901234567890', 'null': 'null', 'an uppercase UUID': '00000000-0000-4000-8000-00000000000A'.toUpperCase(),
  };
  const cases: HostileCase[] = [];
  for (const parameter of operation.path) {
    const swap = (b: MatrixRequest, value: string): ProbeRequest => ({ url: swapSegment(b.url, operation.route, parameter, value), headers: { ...b.headers }, ...sameBody(b) });
    for (const [label, value] of Object.entries(values)) cases.push({ name: `path ${parameter} = ${label}`, build: (b) => swap(b, value) });
    // Real ids of other people and organisations: the same route on something that exists but is not the caller's.
    for (const id of some(context, context.realIds, 4)) cases.push({ name: `path ${parameter} = a real id of someone else (${id.slice(0, 8)})`, build: (b) => swap(b, id) });
  }
  return cases;
}

/** The URL with the segment that fills `:parameter` in the route replaced. */
function swapSegment(url: string, route: string, parameter: string, value: string): string {
  const [path = '', query] = url.split('?');
  const pattern = (route.split(' ')[1] ?? '').split('/');
  const segments = path.split('/');
  const index = pattern.indexOf(`:${parameter}`);
  if (index >= 0 && index < segments.length) segments[index] = value;
  return `${segments.join('/')}${query === undefined ? '' : `?${query}`}`;
}

function headerCases(operation: ProbedOperation, context: CaseContext): HostileCase[] {
  const header = (name: string, headers: Record<string, string>): HostileCase => ({
    name,
    build: (b) => ({ url: b.url, headers: { ...b.headers, ...headers }, ...sameBody(b) }),
  });
  const cases = [
    header('a forged bearer token', { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }),
    header('a bearer token of 8,000 characters', { authorization: `Bearer ${'x'.repeat(8000)}` }),
    header('basic authentication', { authorization: 'Basic Zm9vOmJhcg==' }),
    header('a bearer token with a NUL', { authorization: 'Bearer a\u0000b' }),
    header('a refresh cookie with a NUL and a lone surrogate', { cookie: 'heyblue_refresh=%00%ED%A0%80; other=%FF' }),
    header('a request id with a NUL', { 'x-request-id': 'a\u0000b' }),
    header('a forwarded-for list of garbage', { 'x-forwarded-for': 'not-an-ip, ::ffff:999.1.1.1, \u0000' }),
  ];
  for (const name of operation.headers) {
    const values: Record<string, string> = { 'a NUL': 'abcdefgh\u0000', 'too short': 'a', 'too long': 'k'.repeat(300), 'odd characters': 'key with spaces/and;semicolons', 'latin-1 characters': 'clé-clé-clé' };
    for (const [label, value] of some(context, Object.entries(values), 4)) cases.push(header(`header ${name} = ${label}`, { [name]: value }));
  }
  return cases;
}

function csvCases(context: CaseContext): HostileCase[] {
  const csv = (name: string, body: string | Buffer): HostileCase => ({ name: `CSV: ${name}`, build: (b) => raw(b, body, { 'content-type': 'text/csv' }) });
  const header = 'name,email,badge_number,department\n';
  const cases = [
    ...Object.entries(UNSTORABLE_TEXT).map(([label, text]) => csv(`a cell with ${label}`, `${header}${text},probe@matrix.example,P-1,Probe\n`)),
    ...some(context, Object.entries(AWKWARD_TEXT), 6).map(([label, text]) => csv(`a name that is ${label}`, `${header}"${text.replaceAll('"', '""')}",awkward@matrix.example,P-2,Probe\n`)),
    csv('an email with a NUL', `${header}Probe,pro\u0000be@matrix.example,P-3,Probe\n`),
    csv('invalid UTF-8 bytes', Buffer.concat([Buffer.from(header), Buffer.from([0xed, 0xa0, 0x80, 0xff]), Buffer.from(',bytes@matrix.example,P-4,Probe\n')])),
    csv('an unbalanced quote', `${header}"Probe,quote@matrix.example,P-5,Probe\n`),
    csv('only the header', header),
    csv('an empty file', ''),
    csv('a byte order mark and CRLF lines', `\uFEFF${header.replace('\n', '\r\n')}Probe,bom@matrix.example,P-6,Probe\r\n`),
    csv('a thousand columns', `${header.trim()},${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',')}\nProbe,wide@matrix.example,P-7,Probe\n`),
    csv('a formula', `${header}=cmd|' /C calc'!A0,formula@matrix.example,P-8,Probe\n`),
    csv('a cell of 10,000 characters', `${header}${'x'.repeat(10_000)},long@matrix.example,P-9,Probe\n`),
    csv('the wrong header', 'a,b,c\n1,2,3\n'),
    csv('500 rows, one of them with a NUL', header + Array.from({ length: 500 }, (_, i) => `Row ${i === 250 ? '\u0000' : i},row${i}@matrix.example,R-${i},Probe`).join('\n')),
  ];
  return cases;
}

function multipartCases(): HostileCase[] {
  const boundary = 'probe';
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  // A PNG header that claims 100,000 × 100,000 pixels, and nothing behind it.
  const bomb = Buffer.concat([png.subarray(0, 16), Buffer.from([0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0]), png.subarray(24, 33)]);
  const part = (disposition: string, body: Buffer | string, type = 'image/png'): Buffer => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: ${type}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
  const form = (name: string, ...parts: Buffer[]): HostileCase => ({ name: `multipart: ${name}`, build: (b) => raw(b, Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), { 'content-type': `multipart/form-data; boundary=${boundary}` }) });
  return [
    form('a picture whose file name has a NUL', part('name="avatar"; filename="a\u0000.png"', png)),
    form('a picture whose file name is right-to-left', part('name="avatar"; filename="\u202Egnp.exe"', png)),
    form('a text field with a NUL', part('name="caption"', 'a\u0000b', 'text/plain')),
    form('bytes that are no picture', part('name="avatar"; filename="x.png"', Buffer.from('not a picture at all'))),
    form('a truncated PNG', part('name="avatar"; filename="x.png"', png.subarray(0, 40))),
    form('a PNG header claiming 100,000 pixels a side', part('name="avatar"; filename="x.png"', bomb)),
    form('two files', part('name="avatar"; filename="a.png"', png), part('name="avatar"; filename="b.png"', png)),
    form('an empty form'),
    { name: 'multipart: no boundary', build: (b) => raw(b, 'x', { 'content-type': 'multipart/form-data' }) },
    { name: 'multipart: an unterminated part', build: (b) => raw(b, `--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="x.png"\r\n\r\nabc`, { 'content-type': `multipart/form-data; boundary=${boundary}` }) },
  ];
}
