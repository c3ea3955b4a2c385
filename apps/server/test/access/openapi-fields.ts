// What each operation of the server's OpenAPI document takes: its JSON body fields (by JSON
// pointer, with the type the schema declares), query, path and header parameters. The hostile probe
// mutates exactly these, so a field added to a route's schema is probed without anyone listing it.

/** One field a request may carry: where it sits and what the schema says it is. */
export interface DeclaredField {
  /** A JSON pointer into the body (`/caps/budget`, `/kinds/0`), or the parameter's name. */
  readonly at: string;
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' | 'unknown';
}

/** An operation as the probe sees it. */
export interface ProbedOperation {
  /** `METHOD /api/v1/path/:param`, as the route table and the access matrix name it. */
  readonly route: string;
  readonly method: string;
  readonly bodyFields: readonly DeclaredField[];
  readonly hasJsonBody: boolean;
  readonly consumes: readonly string[];
  readonly query: readonly DeclaredField[];
  readonly path: readonly string[];
  readonly headers: readonly string[];
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const recordsOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const TYPES: ReadonlyArray<DeclaredField['type']> = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

function typeOf(schema: Json): DeclaredField['type'] {
  const declared = TYPES.find((t) => t === schema.type);
  if (declared) return declared;
  if (isRecord(schema.properties)) return 'object';
  return 'unknown';
}

/** Every field of a JSON schema by pointer, through nested objects, array items and anyOf/oneOf/allOf branches (depth-capped). */
export function fieldsOf(schema: unknown, at = '', depth = 0): DeclaredField[] {
  if (!isRecord(schema) || depth > 8) return [];
  const fields: DeclaredField[] = [];
  const branches = [...recordsOf(schema.anyOf), ...recordsOf(schema.oneOf), ...recordsOf(schema.allOf)];
  if (at !== '') {
    const own = typeOf(schema);
    const branchTypes = branches.map(typeOf).filter((t) => t !== 'null');
    fields.push({ at, type: own !== 'unknown' ? own : (branchTypes[0] ?? 'unknown') });
  }
  if (isRecord(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) fields.push(...fieldsOf(property, `${at}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth + 1));
  }
  if (isRecord(schema.items)) fields.push(...fieldsOf(schema.items, `${at}/0`, depth + 1));
  for (const branch of branches) fields.push(...fieldsOf({ ...branch, anyOf: undefined }, at, depth + 1).filter((f) => f.at !== at));
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.at) && seen.add(f.at));
}

/** The operations of an OpenAPI 3 document, keyed the way the route table names routes. */
export function operationsOf(document: unknown): ProbedOperation[] {
  const operations: ProbedOperation[] = [];
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isRecord(operation)) continue;
      const parameters = recordsOf(operation.parameters);
      const named = (where: string): Json[] => parameters.filter((p) => p.in === where && typeof p.name === 'string');
      const content = isRecord(operation.requestBody) && isRecord(operation.requestBody.content) ? operation.requestBody.content : {};
      const json = content['application/json'];
      operations.push({
        route: `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`,
        method: method.toUpperCase(),
        bodyFields: isRecord(json) ? fieldsOf(json.schema) : [],
        hasJsonBody: isRecord(json),
        consumes: Object.keys(content),
        query: named('query').map((p) => ({ at: String(p.name), type: isRecord(p.schema) ? typeOf(p.schema) : 'unknown' })),
        path: named('path').map((p) => String(p.name)),
        headers: named('header').map((p) => String(p.name)),
      });
    }
  }
  return operations;
}
