import { z } from 'zod'

/**
 * A zod schema as an OpenAI `json_schema` response format (strict: every
 * property required, no extra properties; optional values are nullable).
 */
export function responseFormat(name: string, schema: z.ZodType) {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>
  return { type: 'json_schema' as const, json_schema: { name, strict: true, schema: jsonSchema } }
}

/** Parameters of a tool as JSON Schema (input side: fields with defaults may be left out). */
export function toolParameters(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>
  return jsonSchema
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

/** The model's message content read as JSON and checked against the schema. */
export function parseModelJson<T>(content: string | null | undefined, schema: z.ZodType<T>): Parsed<T> {
  if (!content) return { ok: false, problem: 'The reply was empty.' }
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch {
    return { ok: false, problem: 'The reply was not valid JSON.' }
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: `The reply did not match the schema: ${z.prettifyError(parsed.error)}` }
}
