/** The interventions paths and schemas of the OpenAPI document (features/api/openapi.ts spreads them in). */
const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } as const;
const code = { name: 'code', in: 'path', required: true, schema: { type: 'string' } } as const;
const objectiveId = { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, description: 'The objective' } as const;
const interventionId = { name: 'interventionId', in: 'path', required: true, schema: { type: 'integer' } } as const;
const notSignedIn = { description: 'Not signed in', content: errorContent } as const;
const notFound = { description: 'No such organisation, objective or intervention, or you do not belong to it', content: errorContent } as const;
const forbidden = { description: 'Only analysts and administrators change interventions, signed in (API tokens only read)', content: errorContent } as const;
const invalid = {
  description: 'The intervention is not complete or not valid: every problem, by field',
  content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string' }, problems: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } } } } },
} as const;

const interventionBody = {
  type: 'object',
  required: ['ownerName', 'ownerRole', 'status'],
  properties: {
    catalogueId: { type: ['string', 'null'], description: 'A catalogue entry\'s id (GET /api/v1/interventions/catalogue); null or absent with name and description for the team\'s own. Fixed once created.' },
    name: { type: 'string', description: 'The team\'s own intervention only' },
    description: { type: 'string', description: 'The team\'s own intervention only' },
    ownerName: { type: 'string' },
    ownerRole: { type: 'string' },
    ownerUserId: { type: ['integer', 'null'], description: 'The member it is assigned to (an owner or analyst of the organisation), who may record its status' },
    startDate: { type: ['string', 'null'], format: 'date', description: 'Needed unless the status is planned' },
    endDate: { type: ['string', 'null'], format: 'date' },
    status: { type: 'string', enum: ['planned', 'in-progress', 'completed', 'stopped'] },
    staffNetworks: { type: 'array', items: { type: 'string' }, description: 'Staff networks involved in designing it' },
    cost: { type: ['number', 'null'], minimum: 0, description: 'In pounds' },
    shareEvaluation: { type: 'boolean', description: 'Whether the evaluation appears in the published report and the open data' },
  },
} as const;

export const INTERVENTION_SCHEMAS = {
  Intervention: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      objectiveId: { type: 'integer' },
      ...interventionBody.properties,
      name: { type: 'string', description: 'The catalogue entry\'s name, or the team\'s own' },
      description: { type: ['string', 'null'] },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      statusHistory: { type: 'array', description: 'Single intervention only: every status, oldest first', items: { type: 'object', properties: { status: { type: 'string' }, at: { type: 'string', format: 'date-time' }, by: { type: ['string', 'null'] }, note: { type: ['string', 'null'] } } } },
    },
  },
  InterventionInput: interventionBody,
} as const;

export const INTERVENTION_PATHS = {
  '/api/v1/interventions/catalogue': {
    get: {
      summary: 'The catalogue of evidence-based interventions: what each targets, the evidence with its sources and strength, cautions and typical measures (any signed-in person)',
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } } },
    },
  },
  '/api/v1/organisations/{code}/interventions': {
    get: {
      summary: 'Every intervention of the organisation, oldest first',
      parameters: [code],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Intervention' } } } } }, '401': notSignedIn, '404': notFound },
    },
  },
  '/api/v1/organisations/{code}/objectives/{id}/interventions': {
    get: {
      summary: 'The interventions of one objective',
      parameters: [code, objectiveId],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Intervention' } } } } }, '401': notSignedIn, '404': notFound },
    },
    post: {
      summary: 'Adds an intervention to the objective (analysts and administrators, signed in, with the CSRF token in x-csrf-token); audited',
      parameters: [code, objectiveId],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/InterventionInput' } } } },
      responses: { '201': { description: 'Added', content: { 'application/json': { schema: { $ref: '#/components/schemas/Intervention' } } } }, '400': invalid, '401': notSignedIn, '403': forbidden, '404': notFound },
    },
  },
  '/api/v1/organisations/{code}/objectives/{id}/interventions/{interventionId}': {
    get: {
      summary: 'One intervention with its status history and its evaluation (monthly SPC readings, the years before and after with 95% intervals, the difference in differences against peers); small numbers withheld',
      parameters: [code, objectiveId, interventionId],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { intervention: { $ref: '#/components/schemas/Intervention' }, evaluation: { type: 'object' } } } } } }, '401': notSignedIn, '404': notFound },
    },
    put: {
      summary: 'Changes the intervention (every field but the catalogue entry); a changed status is added to its history; audited',
      parameters: [code, objectiveId, interventionId],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/InterventionInput' } } } },
      responses: { '200': { description: 'Changed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Intervention' } } } }, '400': invalid, '401': notSignedIn, '403': forbidden, '404': notFound },
    },
  },
  '/api/v1/organisations/{code}/objectives/{id}/interventions/{interventionId}/updates': {
    post: {
      summary: 'Records the status (the same or a new one) with a note, appended to the history: analysts, administrators and the owner it is assigned to, signed in, with the CSRF token; audited',
      parameters: [code, objectiveId, interventionId],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['planned', 'in-progress', 'completed', 'stopped'] }, note: { type: 'string', description: 'Needed unless the status changes' } } } } } },
      responses: { '201': { description: 'Recorded', content: { 'application/json': { schema: { $ref: '#/components/schemas/Intervention' } } } }, '400': invalid, '401': notSignedIn, '403': forbidden, '404': notFound },
    },
  },
} as const;
