/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. A document (data, no HTTP) kept beside the
 * routes that serve it; a test checks every documented path answers.
 */
import { OBJECTIVES_OPENAPI_PATHS } from '../../features/objectives/openapi.ts';
import { INTERVENTION_PATHS, INTERVENTION_SCHEMAS } from '../../features/interventions/openapi.ts';
import { BOARD_PACK_OPENAPI_PATHS } from '../../features/board-pack/openapi.ts';

const interval = { type: ['array', 'null'], items: { type: 'number' }, minItems: 2, maxItems: 2, description: '95% interval, in the unit of the value beside it' } as const;

const groupRate = {
  type: 'object',
  required: ['events', 'population', 'rate', 'ci95'],
  properties: {
    events: { type: 'integer' },
    population: { type: 'integer' },
    rate: { type: ['number', 'null'], description: 'events ÷ population, 0–1' },
    ci95: interval,
  },
} as const;

const ratioIndicator = {
  type: 'object',
  required: ['id', 'title', 'available'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    available: { type: 'boolean' },
    reason: { type: 'string', description: 'Why the indicator is not available (when available is false)' },
    value: { type: ['number', 'null'], description: 'Relative likelihood; null when undefined (see undefinedReason)' },
    ci95: interval,
    undefinedReason: { type: ['string', 'null'], enum: ['noNumeratorPopulation', 'noDenominatorPopulation', 'noDenominatorEvents', null] },
    withinNonAdverseRange: { type: ['boolean', 'null'] },
    significant: { type: ['boolean', 'null'] },
    smallNumbers: { type: 'boolean' },
    orientation: { type: 'object', properties: { numerator: { type: 'string' }, denominator: { type: 'string' } } },
    statement: { type: 'string' },
    groups: {
      type: 'object',
      properties: { white: groupRate, ethnicMinority: groupRate, unknown: groupRate },
    },
    breakdowns: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
  },
} as const;

/** Every standard's report takes a scope: its whole report for part of the organisation. */
const scopeParameter = { $ref: '#/components/parameters/Scope' } as const;
const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } as const;
const scopeResponses = {
  '400': { description: 'The scope is not one (e.g. site=North: the staff file has no site column)', content: errorContent },
  '409': { description: 'A scope was asked for, but the year was imported before Mirror kept everything a scope is counted from: import the year again', content: errorContent },
} as const;

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Mirror API',
    version: '1',
    description:
      'The figures of every standard Mirror computes (WRES, WDES, WRES for the medical workforce, pay gaps), and the ' +
      'objectives, comply-or-explain rules and interventions, for the organisations you belong to. ' +
      'Authenticate with your session or ' +
      'an API token (Authorization: Bearer <token>, created on your account page or with `npx mirror token create`), ' +
      'which reads one organisation until it expires or is revoked; an expired or revoked token gets 401. ' +
      'Percentages are 0–100 and rates 0–1. ' +
      'Breakdowns have disclosure control applied. Every read is audited.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'An API token from your account page, for one organisation, until it expires or is revoked' },
      session: { type: 'apiKey', in: 'cookie', name: 'mirror_session' },
    },
    parameters: {
      Scope: {
        name: 'scope',
        in: 'query',
        required: false,
        schema: { type: 'string', examples: ['directorate:Surgery', 'staff-group:Nursing and Midwifery Registered', 'medical'] },
        description:
          'The whole report for part of the organisation: directorate:NAME, staff-group:NAME (ESR staff group, or a common ' +
          'spelling such as Nursing) or medical (the medical and dental workforce); absent or "organisation" for the whole ' +
          'organisation. Counted from the year\'s records exactly as `mirror <standard> --scope directorate=NAME` counts the ' +
          'files: staff in the scope, their own disciplinary, training and capability rows, applications by staff group ' +
          '(applications have no directorate); the board and survey are left out. The report gains a `scope` field ' +
          '(kind, name, key, label, notes). Headline figures resting on fewer than 8 people, or withheld in the ' +
          'organisation\'s own breakdown, are withheld. A directorate or staff group with nobody in it answers 404 with the ' +
          'ones there are.',
      },
    },
    schemas: {
      ...INTERVENTION_SCHEMAS,
      Organisation: {
        type: 'object',
        required: ['code', 'name', 'synthetic', 'years'],
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          synthetic: { type: 'boolean', description: 'True for the synthetic demonstration trust' },
          years: { type: 'array', items: { type: 'integer' }, description: 'Reporting years loaded, newest first' },
        },
      },
      WresReport: {
        type: 'object',
        description: 'Exactly the JSON that `npx mirror wres <folder> --format json` prints for the same files.',
        required: ['standard', 'year', 'period', 'disclosure', 'sources', 'indicators', 'notes'],
        properties: {
          standard: { const: 'WRES' },
          year: { type: 'integer' },
          period: { type: 'object', properties: { start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' }, snapshot: { type: 'string', format: 'date' } } },
          disclosure: { type: 'object' },
          sources: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, file: { type: 'string' }, sha256: { type: 'string' }, rows: { type: 'integer' }, encoding: { type: 'string' } } } },
          notes: { type: 'array', items: { type: 'string' } },
          scope: {
            type: 'object',
            description: 'Only in a report for a scope (see the scope parameter): which part of the organisation, and what it includes and leaves out',
            properties: {
              kind: { enum: ['directorate', 'staffGroup', 'medical'] },
              name: { type: ['string', 'null'] },
              key: { type: 'string', examples: ['directorate:Surgery'] },
              label: { type: 'string', examples: ['the Surgery directorate'] },
              notes: { type: 'array', items: { type: 'string' } },
            },
          },
          indicators: {
            type: 'object',
            properties: {
              '1': { type: 'object', description: 'overall.{white,ethnicMinority,unknown}.{count,pct} and rows by band' },
              '2': ratioIndicator,
              '3': ratioIndicator,
              '4': ratioIndicator,
              '5': { type: 'object', description: 'groups.{white,ethnicMinority}.{respondents,positive,pct,ci95,smallNumbers}' },
              '6': { type: 'object' },
              '7': { type: 'object' },
              '8': { type: 'object' },
              '9': { type: 'object', description: 'voting and executive, each {boardCount, boardTotal, boardPct, workforcePct, differencePp}' },
            },
          },
        },
      },
      Error: { type: 'object', properties: { error: { type: 'string' } } },
    },
  },
  security: [{ bearer: [] }, { session: [] }],
  paths: {
    '/api/v1/organisations': {
      get: {
        summary: 'Organisations you belong to, with their loaded years',
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } } } } },
          '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
    '/api/v1/organisations/{code}/wres/{year}': {
      get: {
        summary: 'The WRES report for one organisation and reporting year',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'year', in: 'path', required: true, schema: { type: 'integer' }, description: '2025 means the workforce at 31 March 2025' },
          scopeParameter,
        ],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/WresReport' } } } },
          '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '404': { description: 'No such organisation or year, or you do not belong to it', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ...scopeResponses,
        },
      },
    },
    '/api/v1/organisations/{code}/wdes/{year}': {
      get: {
        summary: 'The WDES report for one organisation and reporting year: exactly what `mirror wdes --format json` prints',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'year', in: 'path', required: true, schema: { type: 'integer' } },
          scopeParameter,
        ],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', description: 'metrics "1" to "10" with groups disabled, nonDisabled and unknown, and declaration rates' } } } },
          '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '404': { description: 'No such organisation or year, or you do not belong to it', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ...scopeResponses,
        },
      },
    },
    '/api/v1/organisations/{code}/medical/{year}': {
      get: {
        summary: 'WRES for the medical and dental workforce for one organisation and reporting year: exactly what `mirror medical --format json` prints',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'year', in: 'path', required: true, schema: { type: 'integer' } },
          scopeParameter,
        ],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', description: 'indicators "1" to "4" for medical and dental staff, leadership (medical and clinical directors against consultants, with small groups withheld) and consultantAppointment' } } } },
          '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '404': { description: 'No such organisation or year, you do not belong to it, or the year was imported before Mirror kept medical counts', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ...scopeResponses,
        },
      },
    },
    '/api/v1/organisations/{code}/paygap/{year}': {
      get: {
        summary: 'Pay gaps by gender, ethnicity and disability at 31 March of the year: exactly what `mirror paygap --format json` prints',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'year', in: 'path', required: true, schema: { type: 'integer' } },
          scopeParameter,
        ],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', description: 'gender, ethnicity and disability, each with meanGapPct, medianGapPct, groups, quartiles and bonus figures' } } } },
          '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '404': { description: 'No such organisation or year, or you do not belong to it', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ...scopeResponses,
        },
      },
    },
    ...OBJECTIVES_OPENAPI_PATHS,
    ...INTERVENTION_PATHS,
    ...BOARD_PACK_OPENAPI_PATHS,
    '/api/v1/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OK' } } } },
  },
} as const;
