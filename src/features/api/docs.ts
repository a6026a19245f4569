/**
 * The API's documentation page, read from the OpenAPI document itself so the two can never differ: every path and
 * method with its parameters, request body and responses, and every schema with its properties. Pure: no HTTP.
 */
type Json = { readonly [key: string]: unknown };

export interface DocParameter { readonly name: string; readonly where: string; readonly required: boolean; readonly type: string; readonly description: string }
export interface DocResponse { readonly status: string; readonly description: string; readonly schema: string }
export interface DocOperation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly parameters: readonly DocParameter[];
  readonly body: string;
  readonly responses: readonly DocResponse[];
}
export interface DocProperty { readonly name: string; readonly type: string; readonly required: boolean; readonly description: string }
export interface DocSchema { readonly id: string; readonly name: string; readonly description: string; readonly properties: readonly DocProperty[] }
export interface ApiDocs {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly security: readonly { readonly name: string; readonly description: string }[];
  readonly operations: readonly DocOperation[];
  readonly schemas: readonly DocSchema[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const asObject = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** "#/components/schemas/WresReport" → "WresReport". */
function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** A schema in a few words: "WresReport", "array of Organisation", "integer", "string: one of a, b". */
export function typeText(schema: unknown): string {
  const s = asObject(schema);
  if (typeof s['$ref'] === 'string') return refName(s['$ref']);
  if (s['type'] === 'array') return `array of ${typeText(s['items'])}`;
  const union = s['oneOf'] ?? s['anyOf'];
  if (Array.isArray(union)) return union.map(typeText).join(' or ');
  const type = Array.isArray(s['type']) ? s['type'].join(' or ') : asText(s['type']) || 'object';
  if (Array.isArray(s['enum'])) return `${type}: one of ${s['enum'].map(String).join(', ')}`;
  return type;
}

function resolveParameter(parameter: unknown, document: Json): Json {
  const p = asObject(parameter);
  if (typeof p['$ref'] !== 'string') return p;
  const parameters = asObject(asObject(document['components'])['parameters']);
  return asObject(parameters[refName(p['$ref'])]);
}

function firstSchema(content: unknown): string {
  const media = Object.values(asObject(content))[0];
  return media === undefined ? '' : typeText(asObject(media)['schema']);
}

function anchor(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function apiDocs(document: Json): ApiDocs {
  const info = asObject(document['info']);
  const components = asObject(document['components']);
  const operations: DocOperation[] = [];
  for (const [path, item] of Object.entries(asObject(document['paths']))) {
    for (const method of METHODS) {
      const operation = asObject(asObject(item)[method]);
      if (Object.keys(operation).length === 0) continue;
      const parameters = (Array.isArray(operation['parameters']) ? operation['parameters'] : []).map((raw) => {
        const p = resolveParameter(raw, document);
        return { name: asText(p['name']), where: asText(p['in']), required: p['required'] === true, type: typeText(p['schema']), description: asText(p['description']) };
      });
      const responses = Object.entries(asObject(operation['responses'])).map(([status, raw]) => {
        const r = asObject(raw);
        return { status, description: asText(r['description']), schema: firstSchema(r['content']) };
      });
      operations.push({
        id: anchor(`${method} ${path}`), method: method.toUpperCase(), path, summary: asText(operation['summary']), description: asText(operation['description']),
        parameters, body: firstSchema(asObject(operation['requestBody'])['content']), responses,
      });
    }
  }
  const schemas = Object.entries(asObject(components['schemas'])).map(([name, raw]) => {
    const s = asObject(raw);
    const required = new Set(Array.isArray(s['required']) ? s['required'].map(String) : []);
    const properties = Object.entries(asObject(s['properties'])).map(([property, schema]) => ({
      name: property, type: typeText(schema), required: required.has(property), description: asText(asObject(schema)['description']),
    }));
    return { id: `schema-${anchor(name)}`, name, description: asText(s['description']), properties };
  }).sort((a, b) => a.name.localeCompare(b.name));
  const security = Object.entries(asObject(components['securitySchemes'])).map(([name, raw]) => {
    const s = asObject(raw);
    const how = s['type'] === 'http' ? `HTTP ${asText(s['scheme'])}` : `${asText(s['in'])} ${asText(s['name'])}`.trim();
    return { name, description: [how, asText(s['description'])].filter(Boolean).join(': ') };
  });
  return { title: asText(info['title']), version: asText(info['version']), description: asText(info['description']), security, operations, schemas };
}
