import type { ToolCall } from '@rapport/shared'
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions'
import { z } from 'zod'
import { ASSISTANT_TOOLS, type ToolContext } from './assistant-tools.js'
import { findUngrounded, groundsFromJson, groundsFromText, mergeGrounds } from './grounding.js'
import type { ModelClient } from './model-client.js'
import { systemPrompt } from './prompts.js'
import { runTool } from './run-tool.js'
import { parseModelJson, responseFormat, toolParameters } from './structured-output.js'

/** Tool rounds before the model must answer: enough for a range, a report and trends, bounded so a looping model stops. */
const MAX_ROUNDS = 6

const modelAnswerSchema = z.strictObject({
  answer: z.string().min(1),
  followUp: z.string().nullable(),
  insufficientData: z.boolean(),
})
type ModelAnswer = z.output<typeof modelAnswerSchema>

const TASK = [
  "Answer the user's question about their shop by calling the tools, then reply with the answer.",
  'Call data_range first when the question names a time ("last month", "in March") to find the dates with data.',
  'followUp is one short question worth asking next (or null); insufficientData is true when the data could not answer the question.',
].join('\n')

const TOOLS: ChatCompletionTool[] = ASSISTANT_TOOLS.map((tool) => ({
  type: 'function',
  function: { name: tool.name, description: tool.description, parameters: toolParameters(tool.parameters) },
}))

export interface OpenAiAnswer {
  answer: ModelAnswer | null
  toolCalls: ToolCall[]
  problems: string[]
}

/**
 * The model answers by calling the project's tools (each call validated with
 * its zod schema and run for the caller's project only), then replies in the
 * structured form. A reply whose numbers are not in the tool results (or the
 * question) gets one more chance; after that `answer` is null and the caller
 * falls back to the deterministic assistant.
 */
export async function openAiAsk(client: ModelClient, context: ToolContext, question: string): Promise<OpenAiAnswer> {
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: systemPrompt(context.locale, TASK) },
    { role: 'user', content: question },
  ]
  const toolCalls: ToolCall[] = []
  let problems: string[] = []
  let retried = false
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const completion = await client.complete({ messages, tools: TOOLS, response_format: responseFormat('answer', modelAnswerSchema), temperature: 0.2 })
    const message = completion.choices[0]?.message
    if (!message) return { answer: null, toolCalls, problems: ['The model sent no message.'] }
    const calls = (message.tool_calls ?? []).filter((call) => call.type === 'function')
    if (calls.length > 0) {
      messages.push({ role: 'assistant', content: message.content, tool_calls: calls })
      for (const call of calls) {
        let args: unknown
        try {
          args = JSON.parse(call.function.arguments || '{}')
        } catch {
          args = undefined
        }
        const outcome = args === undefined ? { ok: false as const, error: 'The arguments were not valid JSON.' } : await runTool(context, call.function.name, args)
        if (outcome.ok) toolCalls.push(outcome.call)
        messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(outcome.ok ? outcome.call.data : { error: outcome.error }) })
      }
      continue
    }
    const parsed = parseModelJson(message.refusal ? null : message.content, modelAnswerSchema)
    if (parsed.ok) {
      const grounds = mergeGrounds(groundsFromJson(toolCalls.map((call) => call.data)), groundsFromText(question))
      problems = [parsed.value.answer, parsed.value.followUp ?? ''].flatMap((text) =>
        findUngrounded(text, grounds).map((number) => `"${number.text}" is not a figure of the tool results`),
      )
      if (problems.length === 0) return { answer: parsed.value, toolCalls, problems }
    } else problems = [parsed.problem]
    if (retried) break
    retried = true
    messages.push(
      { role: 'assistant', content: message.content ?? '' },
      { role: 'user', content: `Your answer cannot be used: ${problems.slice(0, 10).join('; ')}. Answer again, citing only figures from the tool results.` },
    )
  }
  return { answer: null, toolCalls, problems: problems.length > 0 ? problems : ['The model kept calling tools without answering.'] }
}
