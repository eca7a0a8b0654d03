import {
  apiErrorSchema,
  askInputSchema,
  askResultSchema,
  summaryInputSchema,
  summarySchema,
  batchResultSchema,
  batchSchema,
  customerDetailSchema,
  customerGetInputSchema,
  customerListInputSchema,
  customerScoresInputSchema,
  customerScoresSchema,
  forecastInputSchema,
  forecastSchema,
  recommendationOutcomesInputSchema,
  recommendationOutcomesSchema,
  recommendationsInputSchema,
  recommendationsSchema,
  customerPageSchema,
  identifyEventSchema,
  refundEventSchema,
  reportInputSchema,
  reportSchema,
  segmentsInputSchema,
  segmentsSchema,
  trendsInputSchema,
  trendsSchema,
  ingestResultSchema,
  purchaseEventSchema,
  trackEventSchema,
} from '@rapport/shared'
import { z } from 'zod'
import { importPath, importSchemas } from '../import/import.openapi.js'

type JsonSchema = Record<string, unknown>

function schema(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema
  return rest
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } })

const errors = {
  '400': { description: 'Invalid input: `error.issues` names each field', ...json('Error') },
  '401': { description: 'Missing, unknown or revoked key', ...json('Error') },
  '403': { description: 'The key may not do this (a publishable key reading, another project)', ...json('Error') },
  '413': { description: 'Body larger than 512 KB', ...json('Error') },
  '429': { description: 'Rate limit: retry after `Retry-After` seconds', ...json('Error') },
}

function ingestPath(summary: string, body: string, result: string) {
  return {
    post: {
      summary,
      security: [{ apiKey: [] }],
      requestBody: { required: true, ...json(body) },
      responses: { '200': { description: 'Stored, or recognised as already stored', ...json(result) }, ...errors },
    },
  }
}

/** Query parameters of a GET route, from the same zod schema the route validates with. */
function queryParams(type: z.ZodType, omit: readonly string[] = []) {
  const input = schema(type, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
  return Object.entries(input.properties ?? {})
    .filter(([name]) => !omit.includes(name))
    .map(([name, property]) => ({
      name,
      in: 'query',
      required: input.required?.includes(name) ?? false,
      description: typeof property.description === 'string' ? property.description : undefined,
      schema: property,
    }))
}

function readPath(summary: string, parameters: JsonSchema[], result: string) {
  return {
    get: {
      summary,
      security: [{ apiKey: [] }],
      parameters,
      responses: { '200': { description: summary, ...json(result) }, ...errors },
    },
  }
}

const queryParam = (name: string, description: string, schemaValue: JsonSchema) => ({ name, in: 'query', required: false, description, schema: schemaValue })

/** The OpenAPI 3.1 document of the HTTP API, generated from the same zod contracts the server validates with. */
export function buildOpenApiDocument(version: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapport HTTP API',
      version,
      description:
        'Send customers, purchases and interactions to Rapport and read the customer base. Authenticate with `Authorization: Bearer <key>`: a publishable key (`rk_pub_…`) can only send events, a secret key (`rk_sec_…`) can also read. Money is sent as a decimal in major units (`"49.90"`) and returned as an exact decimal string.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'rk_pub_… or rk_sec_…' } },
      schemas: {
        IdentifyEvent: schema(identifyEventSchema, 'input'),
        PurchaseEvent: schema(purchaseEventSchema, 'input'),
        RefundEvent: schema(refundEventSchema, 'input'),
        TrackEvent: schema(trackEventSchema, 'input'),
        Report: schema(reportSchema, 'output'),
        Trends: schema(trendsSchema, 'output'),
        Segments: schema(segmentsSchema, 'output'),
        Forecast: schema(forecastSchema, 'output'),
        Recommendations: schema(recommendationsSchema, 'output'),
        RecommendationOutcomes: schema(recommendationOutcomesSchema, 'output'),
        CustomerScores: schema(customerScoresSchema, 'output'),
        Batch: schema(batchSchema, 'input'),
        IngestResult: schema(ingestResultSchema, 'output'),
        BatchResult: schema(batchResultSchema, 'output'),
        CustomerPage: schema(customerPageSchema, 'output'),
        CustomerDetail: schema(customerDetailSchema, 'output'),
        Error: schema(apiErrorSchema, 'output'),
        Summary: schema(summarySchema, 'output'),
        AskInput: schema(askInputSchema, 'input'),
        AskResult: schema(askResultSchema, 'output'),
        ...importSchemas(schema),
      },
    },
    paths: {
      '/v1/identify': ingestPath('A customer signed up or changed their profile', 'IdentifyEvent', 'IngestResult'),
      '/v1/purchase': ingestPath('An order, or a change to one (e.g. refunded)', 'PurchaseEvent', 'IngestResult'),
      '/v1/refund': ingestPath('Money given back: a whole or partial refund, returned lines', 'RefundEvent', 'IngestResult'),
      '/v1/track': ingestPath('Any other interaction of a customer', 'TrackEvent', 'IngestResult'),
      '/v1/batch': ingestPath('Up to 500 events; each is stored or rejected on its own', 'Batch', 'BatchResult'),
      '/v1/import': importPath(errors),
      '/v1/customers': {
        get: {
          summary: 'List customers',
          security: [{ apiKey: [] }],
          parameters: queryParams(customerListInputSchema),
          responses: { '200': { description: 'A page of customers', ...json('CustomerPage') }, ...errors },
        },
      },
      '/v1/insights/report': readPath(
        'Sales report: totals, series, comparison, top products and customers, breakdown, cohorts',
        queryParams(reportInputSchema),
        'Report',
      ),
      '/v1/insights/trends': readPath('Trends: direction and significance, seasonality, anomalies, movers', queryParams(trendsInputSchema), 'Trends'),
      '/v1/insights/forecast': readPath('Forecast with 80% and 95% intervals and the model\'s backtest accuracy', queryParams(forecastInputSchema), 'Forecast'),
      '/v1/insights/segments': readPath('RFM segments: sizes, revenue share, movement', queryParams(segmentsInputSchema), 'Segments'),
      '/v1/insights/summary': readPath(
        'Assistant: a narrative of a period (changes, drivers, forecast, actions) in `en` or `ru`, every figure one of its facts',
        queryParams(summaryInputSchema),
        'Summary',
      ),
      '/v1/insights/ask': {
        post: {
          summary: "Assistant: a question about the project's data, answered from its analytics tools, with the tool calls and data used",
          security: [{ apiKey: [] }],
          parameters: queryParams(askInputSchema, ['question', 'locale']),
          requestBody: { required: true, ...json('AskInput') },
          responses: { '200': { description: 'The answer, its sources and the engine that wrote it', ...json('AskResult') }, ...errors },
        },
      },
      '/v1/insights/recommendations': readPath(
        'Ranked actions to raise sales, with evidence, targets, expected impact and confidence',
        queryParams(recommendationsInputSchema),
        'Recommendations',
      ),
      '/v1/insights/recommendation-outcomes': readPath(
        'Did it work? Targeted customers against the held-out control group, 30 days after each recommendation',
        queryParams(recommendationOutcomesInputSchema),
        'RecommendationOutcomes',
      ),
      '/v1/insights/customers': readPath('Lead scores: label bands, hottest leads, valuable customers at risk', queryParams(customerScoresInputSchema), 'CustomerScores'),
      '/v1/customers/{customerId}': {
        get: {
          summary: 'One customer with purchases and timeline',
          security: [{ apiKey: [] }],
          parameters: [{ name: 'customerId', in: 'path', required: true, schema: { type: 'string' } }, ...queryParams(customerGetInputSchema, ['customerId'])],
          responses: {
            '200': { description: 'The customer', ...json('CustomerDetail') },
            '404': { description: 'No such customer', ...json('Error') },
            ...errors,
          },
        },
      },
    },
  }
}
