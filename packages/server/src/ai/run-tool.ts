import type { JsonValue, ToolCall } from '@rapport/shared'
import { z } from 'zod'
import { type AssistantTool, findTool, type ToolContext, ToolInputError } from './assistant-tools.js'

export type ToolOutcome = { ok: true; call: ToolCall } | { ok: false; error: string }

function asRecord(value: unknown): Record<string, JsonValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (JSON.parse(JSON.stringify(value)) as Record<string, JsonValue>) : {}
}

/**
 * Runs a tool by name with arguments from the model: unknown tools and invalid
 * arguments come back as an error message for the model, never as an exception.
 */
export async function runTool(context: ToolContext, name: string, args: unknown, tools: readonly AssistantTool[] = []): Promise<ToolOutcome> {
  const tool = tools.find((candidate) => candidate.name === name) ?? findTool(name)
  if (!tool) return { ok: false, error: `There is no tool named ${JSON.stringify(name)}.` }
  const parsed = tool.parameters.safeParse(args ?? {})
  if (!parsed.success) return { ok: false, error: `Invalid arguments: ${z.prettifyError(parsed.error)}` }
  try {
    const data = await tool.run(context, parsed.data)
    return { ok: true, call: { tool: tool.name, input: asRecord(parsed.data), data } }
  } catch (error) {
    if (error instanceof ToolInputError) return { ok: false, error: error.message }
    throw error
  }
}

/** Runs a tool the server chose itself (typed input and data) and records the call as a source. */
export async function callTool<S extends z.ZodType, D extends JsonValue>(
  context: ToolContext,
  tool: AssistantTool<S, D>,
  input: z.input<S>,
  calls: ToolCall[],
): Promise<D> {
  const parsed = tool.parameters.parse(input)
  const data = await tool.run(context, parsed)
  calls.push({ tool: tool.name, input: asRecord(parsed), data })
  return data
}
