import { summarySectionSchema } from '@rapport/shared'
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import { z } from 'zod'
import type { SummaryText } from './deterministic-summary.js'
import type { FactSheet } from './fact-sheet.js'
import { findUngrounded } from './grounding.js'
import type { ModelClient } from './model-client.js'
import { systemPrompt } from './prompts.js'
import { parseModelJson, responseFormat } from './structured-output.js'

/** What the model writes; the server adds the rest (Markdown, facts, engine). */
const modelSummarySchema = z.strictObject({
  headline: z.string().min(1).max(300),
  sections: z.array(summarySectionSchema.extend({ bullets: z.array(z.strictObject({ text: z.string().min(1), factIds: z.array(z.string()) })) }).strict()).min(1).max(4),
})

const TASK = [
  'Write a short summary of the period from the facts in the user message (a JSON list of {id, label, value, formatted}).',
  'Sections, in this order: "changes" (what changed against the previous period), "drivers" (which products, countries or segments drove it), "forecast" (what the forecast says), "actions" (the three most useful things to do next).',
  'Each bullet lists in factIds the ids of the facts whose figures it uses. Use the "formatted" form of a figure.',
].join('\n')

/** The problems of a written summary: unknown fact ids and numbers that are in no fact. */
export function summaryProblems(text: SummaryText, sheet: FactSheet): string[] {
  const grounds = sheet.grounds()
  const problems: string[] = []
  const check = (content: string) => {
    for (const number of findUngrounded(content, grounds)) problems.push(`"${number.text}" in "${content}" is not a figure of the facts`)
  }
  check(text.headline)
  for (const section of text.sections) {
    check(section.title)
    for (const bullet of section.bullets) {
      check(bullet.text)
      for (const id of bullet.factIds) if (!sheet.get(id)) problems.push(`factIds names "${id}", which is not a fact`)
    }
  }
  return problems
}

/**
 * The summary written by the model from the facts, or null when two attempts
 * gave malformed output or cited figures that are not facts (the caller then
 * uses the templates). Model and network errors propagate.
 */
export async function openAiSummary(client: ModelClient, sheet: FactSheet): Promise<{ text: SummaryText | null; problems: string[] }> {
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: systemPrompt(sheet.locale, TASK) },
    { role: 'user', content: JSON.stringify({ currency: sheet.currency, facts: sheet.list() }) },
  ]
  let problems: string[] = []
  for (let attempt = 0; attempt < 2; attempt++) {
    const completion = await client.complete({ messages, response_format: responseFormat('summary', modelSummarySchema), temperature: 0.2 })
    const message = completion.choices[0]?.message
    const parsed = parseModelJson(message?.refusal ? null : message?.content, modelSummarySchema)
    problems = parsed.ok ? summaryProblems(parsed.value, sheet) : [parsed.problem]
    if (parsed.ok && problems.length === 0) return { text: parsed.value, problems }
    messages.push(
      { role: 'assistant', content: message?.content ?? '' },
      { role: 'user', content: `Your summary cannot be used: ${problems.slice(0, 10).join('; ')}. Write it again, citing only figures from the facts.` },
    )
  }
  return { text: null, problems }
}
