import type { z } from 'zod'
import { importFormatNameSchema } from './import-formats.js'
import { importProgressSchema, importSummarySchema } from './import-summary.js'

type JsonSchema = Record<string, unknown>

/** The import's schemas for `components.schemas`, converted by the document's own converter. */
export function importSchemas(convert: (type: z.ZodType, io: 'input' | 'output') => JsonSchema): Record<string, JsonSchema> {
  return { ImportProgress: convert(importProgressSchema, 'output'), ImportSummary: convert(importSummarySchema, 'output') }
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** `POST /v1/import` in the OpenAPI document. */
export function importPath(errors: Record<string, unknown>): JsonSchema {
  const binary = { schema: { type: 'string', contentMediaType: 'application/octet-stream' } }
  return {
    post: {
      summary: 'Import a CSV file of orders (plain or gzip), streamed',
      description:
        'The file is the raw body (up to 200 MB; gzip is recognised by its first bytes). The answer streams `application/x-ndjson`: a `progress` line about every half second, then one `summary` line, or an `error` line (`{ "type": "error", "error": { code, message, issues } }`) if the import fails once started. Importing the same file again stores nothing new. Needs a secret key, or a session with `projectId`. Formats and columns: docs/import.md.',
      security: [{ apiKey: [] }],
      parameters: [
        { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: importFormatNameSchema.options } },
        { name: 'map', in: 'query', required: false, description: 'Column names of your file: `ordered_at=Date,order_id=Invoice`', schema: { type: 'string' } },
        { name: 'projectId', in: 'query', required: false, description: 'With a session: the project to import into', schema: { type: 'string', format: 'uuid' } },
      ],
      requestBody: { required: true, content: { 'text/csv': binary, 'application/gzip': binary } },
      responses: {
        '200': {
          description: 'Progress lines, then the summary',
          content: { 'application/x-ndjson': { schema: { oneOf: [ref('ImportProgress'), ref('ImportSummary')] } } },
        },
        ...errors,
        '413': { description: 'Body larger than 200 MB', content: { 'application/json': { schema: ref('Error') } } },
      },
    },
  }
}
