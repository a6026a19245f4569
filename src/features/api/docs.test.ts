import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiDocs, typeText } from './docs.ts';
import { OPENAPI_DOCUMENT } from './openapi.ts';

test('a schema is described in a few words', () => {
  assert.equal(typeText({ $ref: '#/components/schemas/WresReport' }), 'WresReport');
  assert.equal(typeText({ type: 'array', items: { $ref: '#/components/schemas/Organisation' } }), 'array of Organisation');
  assert.equal(typeText({ type: 'string', enum: ['a', 'b'] }), 'string: one of a, b');
  assert.equal(typeText({ type: ['string', 'null'] }), 'string or null');
  assert.equal(typeText({ oneOf: [{ type: 'integer' }, { $ref: '#/x/Error' }] }), 'integer or Error');
  assert.equal(typeText(undefined), 'object');
});

test('a small document becomes operations with resolved parameters, bodies and responses, and sorted schemas', () => {
  const docs = apiDocs({
    info: { title: 'T', version: '1', description: 'D' },
    components: {
      parameters: { Scope: { name: 'scope', in: 'query', required: false, schema: { type: 'string' }, description: 'Part of it' } },
      schemas: { Zed: { type: 'object', required: ['a'], properties: { a: { type: 'integer', description: 'An a' }, b: { type: 'string' } } }, Alpha: { type: 'object' } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token' } },
    },
    paths: {
      '/x/{code}': {
        get: {
          summary: 'Get x', parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/Scope' }],
          responses: { 200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Zed' } } } }, 404: { description: 'Not found' } },
        },
        post: { summary: 'Make x', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Alpha' } } } }, responses: { 201: { description: 'Made' } } },
      },
    },
  });
  assert.deepEqual(docs.operations.map((o) => [o.id, o.method, o.path, o.summary, o.body]), [
    ['get-x-code', 'GET', '/x/{code}', 'Get x', ''],
    ['post-x-code', 'POST', '/x/{code}', 'Make x', 'Alpha'],
  ]);
  assert.deepEqual(docs.operations[0]!.parameters, [
    { name: 'code', where: 'path', required: true, type: 'string', description: '' },
    { name: 'scope', where: 'query', required: false, type: 'string', description: 'Part of it' },
  ]);
  assert.deepEqual(docs.operations[0]!.responses, [{ status: '200', description: 'OK', schema: 'Zed' }, { status: '404', description: 'Not found', schema: '' }]);
  assert.deepEqual(docs.schemas.map((s) => s.name), ['Alpha', 'Zed']);
  assert.deepEqual(docs.schemas[1]!.properties, [{ name: 'a', type: 'integer', required: true, description: 'An a' }, { name: 'b', type: 'string', required: false, description: '' }]);
  assert.deepEqual(docs.security, [{ name: 'bearer', description: 'HTTP bearer: A token' }]);
});

test("Mirror's own document: every path and method is documented, each with a summary and responses", () => {
  const docs = apiDocs(OPENAPI_DOCUMENT as unknown as Record<string, unknown>);
  const expected = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
  assert.deepEqual(docs.operations.map((o) => `${o.method} ${o.path}`), expected);
  for (const o of docs.operations) {
    assert.ok(o.summary, `${o.method} ${o.path} has a summary`);
    assert.ok(o.responses.length > 0, `${o.method} ${o.path} has responses`);
  }
  assert.ok(docs.schemas.some((s) => s.name === 'WresReport'));
});
