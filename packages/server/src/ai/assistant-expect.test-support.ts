import type { AskResult, Summary } from '@rapport/shared'
import { expect } from 'vitest'
import { findUngrounded, groundsFromJson, groundsFromText, mergeGrounds } from './grounding.js'

/** Every number of every text of a summary is one of its facts (checked the way the OpenAI engine's output is). */
export function expectGroundedSummary(summary: Summary): void {
  const values = summary.facts.flatMap((fact) => (typeof fact.value === 'number' ? [fact.value] : /^-?\d+(\.\d+)?$/.test(fact.value) ? [Number(fact.value)] : fact.value.split('-').map(Number)))
  const literals = summary.facts.flatMap((fact) => (typeof fact.value === 'string' && !/^-?\d+(\.\d+)?$/.test(fact.value) ? [fact.value, fact.formatted] : []))
  const texts = [summary.headline, ...summary.sections.flatMap((section) => section.bullets.map((bullet) => bullet.text))]
  for (const text of texts) expect(findUngrounded(text, { values, literals }), text).toEqual([])
  const ids = new Set(summary.facts.map((fact) => fact.id))
  for (const bullet of summary.sections.flatMap((section) => section.bullets)) for (const id of bullet.factIds) expect(ids.has(id), id).toBe(true)
}

export function expectGroundedAnswer(result: AskResult, question: string): void {
  const grounds = mergeGrounds(groundsFromJson(result.toolCalls.map((call) => call.data)), groundsFromText(question))
  expect(findUngrounded(result.answer, grounds), result.answer).toEqual([])
}
