/** The board pack's path of the OpenAPI document (features/api/openapi.ts spreads it in). */
const error = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } as const;

const pack = {
  type: 'object',
  description: 'Everything the board pack page shows, always with small numbers withheld',
  properties: {
    year: { type: 'integer' },
    standards: {
      type: 'array',
      description: 'Every registered standard with indicators: each indicator\'s headline figure for the organisation in the year (kind, value, ci95, counts of each compared group, smallNumbers), or why there is none; indicators is null without a report for the year',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, indicators: { type: ['array', 'null'], items: { type: 'object' } } } },
    },
    payGaps: { type: ['array', 'null'], items: { type: 'string' }, description: 'The gender, ethnicity and disability pay gaps in words' },
    monthly: {
      type: 'array',
      description: 'Each monthly relative likelihood (recruitment, disciplinary, training) month by month up to the year, with both groups\' counts; a withheld month has null counts and figure',
      items: { type: 'object', properties: { measure: { type: 'string' }, title: { type: 'string' }, variation: { type: ['string', 'null'] }, months: { type: 'array', items: { type: 'object' } } } },
    },
    objectives: {
      type: 'array',
      description: 'Each objective whose baseline is from the year or before, as GET /objectives/{id} gives it but with progress as at the year, its latest review, and its interventions each with its evaluation (verdict, headline in words, sentences; or why there is none)',
      items: { type: 'object' },
    },
    objectivesWithLaterBaselines: { type: 'integer', description: 'Objectives left out because their baseline is after the year' },
    complyOrExplain: { type: 'array', description: 'Each rule with its compliance by month and the explanations, as GET /comply-or-explain gives it', items: { type: 'object' } },
  },
} as const;

export const BOARD_PACK_OPENAPI_PATHS = {
  '/api/v1/organisations/{code}/{year}/board-pack': {
    get: {
      summary: 'The board pack of an organisation\'s year: headline figures of every standard, monthly readings, objectives with progress and interventions with their evaluation, and comply or explain',
      parameters: [
        { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'year', in: 'path', required: true, schema: { type: 'integer' } },
      ],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: pack } } },
        '401': { description: 'Not signed in', content: error },
        '404': { description: 'No such organisation or year (or no WRES figures for it), or you do not belong to it', content: error },
      },
    },
  },
} as const;
