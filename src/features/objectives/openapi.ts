/** The objectives and comply-or-explain paths of the OpenAPI document (features/api/openapi.ts spreads them in). */
const code = { name: 'code', in: 'path', required: true, schema: { type: 'string' } } as const;
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } as const;
const error = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } as const;
const common = {
  '401': { description: 'Not signed in', content: error },
  '404': { description: 'No such organisation or record, or you do not belong to the organisation', content: error },
} as const;
const changes = {
  '400': { description: 'Refused: `error` names every missing part (for an objective: measure, target, date, owner), `problems` each with its field', content: error },
  '403': { description: 'Viewers cannot change; API tokens only read (changes need a session and its CSRF token in x-csrf-token)', content: error },
} as const;

const figure = {
  type: 'object',
  description: 'A headline figure: a relative likelihood, a percentage (0–100) or a gap in percentage points, with the counts behind it',
  properties: {
    year: { type: 'integer' },
    kind: { enum: ['ratio', 'proportion', 'representation', 'representationGap'] },
    value: { type: ['number', 'null'] },
    ci95: { type: ['array', 'null'], items: { type: 'number' }, description: '95% interval in the unit of value' },
    counts: { type: 'array', items: { type: 'object', properties: { group: { type: 'string' }, events: { type: 'integer' }, population: { type: 'integer' } } } },
    smallNumbers: { type: 'boolean' },
    parity: { type: ['number', 'null'] },
  },
} as const;

const objective = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    measure: { type: 'object', properties: { standard: { type: 'string' }, indicator: { type: 'string' }, title: { type: 'string' } } },
    scope: { type: 'string', examples: ['organisation', 'directorate:Surgery', 'medical'] },
    target: { type: 'object', description: '{kind: "value", value} | {kind: "parity"} | {kind: "range"} (0.80 to 1.25), with text' },
    targetDate: { type: 'string', format: 'date' },
    owner: { type: 'object', properties: { name: { type: 'string' }, role: { enum: ['board-member', 'executive-lead', 'directorate-lead'] }, userId: { type: ['integer', 'null'], description: 'The member it is assigned to (an owner or analyst), who may add reviews' } } },
    action: { type: ['object', 'null'], description: 'The EDI Improvement Plan high-impact action it serves: {id, title}' },
    baseline: figure,
    progress: { type: 'object', description: 'status (met, on-track, off-track, no-new-figure, no-figure), sentence, latest figure, change since the baseline with whether it is beyond chance, trajectory' },
    figures: { type: 'array', items: figure, description: 'Every year imported after the baseline' },
    reviews: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, at: { type: 'string' }, by: { type: ['string', 'null'] }, status: { type: 'string' }, note: { type: 'string' } } } },
  },
} as const;

export const OBJECTIVES_OPENAPI_PATHS = {
  '/api/v1/organisations/{code}/objectives': {
    get: {
      summary: 'Every objective with its baseline and progress, worked out from every year imported',
      parameters: [code],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { objectives: { type: 'array', items: objective } } } } } }, ...common },
    },
    post: {
      summary: 'Create an objective (analysts and administrators); the baseline is read from the latest year imported',
      parameters: [code],
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['standard', 'indicator', 'targetKind', 'targetDate', 'ownerName', 'ownerRole'], properties: {
        standard: { type: 'string', examples: ['wres'] }, indicator: { type: 'string', examples: ['2'] }, scope: { type: 'string' },
        targetKind: { enum: ['value', 'parity', 'range'] }, targetValue: { type: 'string' }, targetDate: { type: 'string', format: 'date' },
        ownerName: { type: 'string' }, ownerRole: { enum: ['board-member', 'executive-lead', 'directorate-lead'] }, action: { enum: ['1', '2', '3', '4', '5', '6'] },
        ownerUserId: { type: 'integer', description: 'The member to assign it to: an owner or analyst of the organisation' },
      } } } } },
      responses: { '201': { description: 'Created', content: { 'application/json': { schema: objective } } }, ...changes, ...common },
    },
  },
  '/api/v1/organisations/{code}/objectives/{id}': {
    get: {
      summary: 'One objective with its figures by year and its reviews, oldest first',
      parameters: [code, id],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: objective } } }, ...common },
    },
  },
  '/api/v1/organisations/{code}/objectives/{id}/reviews': {
    post: {
      summary: 'Append a dated review (reviews are never changed): analysts, administrators and the owner it is assigned to',
      parameters: [code, id],
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['status', 'note'], properties: { status: { enum: ['on-track', 'at-risk', 'off-track', 'complete'] }, note: { type: 'string' } } } } } },
      responses: { '201': { description: 'Created' }, ...changes, ...common },
    },
  },
  '/api/v1/organisations/{code}/comply-or-explain': {
    get: {
      summary: 'The organisation\'s comply-or-explain rules, each with compliance by month (SPC mean and limits) and the explanations',
      parameters: [code],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { rules: { type: 'array', items: { type: 'object' } } } } } } }, ...common },
    },
  },
  '/api/v1/organisations/{code}/comply-or-explain/{id}/cases': {
    post: {
      summary: 'Record a case: its month, whether the rule was complied with, and the explanation where not. No staff identifier or equality data is accepted.',
      parameters: [code, id],
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['month', 'complied'], properties: { month: { type: 'string', examples: ['2026-11'] }, complied: { type: 'boolean' }, explanation: { type: 'string' } } } } } },
      responses: { '201': { description: 'Created' }, ...changes, ...common },
    },
  },
} as const;
