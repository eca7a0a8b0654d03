import { type AskInput, type AskResult, askInputSchema, type Summary, type SummaryInput, summaryInputSchema } from '@rapport/shared'
import { refreshAnalytics } from '../analytics/refresh-analytics.js'
import type { ServerDeps } from '../deps.js'
import type { ProjectRow } from '../projects/project.repository.js'
import type { ToolContext } from './assistant-tools.js'
import { deterministicAsk } from './deterministic-ask.js'
import { deterministicSummary, type SummaryText } from './deterministic-summary.js'
import { modelClientFor, modelFailure } from './model-client.js'
import { openAiAsk } from './openai-ask.js'
import { openAiSummary } from './openai-summary.js'
import { cachedSummary, dataFingerprint, storeSummary } from './summary-cache.js'
import { loadSummaryData } from './summary-data.js'
import { summaryFacts } from './summary-facts.js'
import { summaryMarkdown } from './summary-markdown.js'

const FALLBACK_NOTE = {
  failed: (reason: string) => `The AI model could not be used (${reason}); this text comes from templates over the same figures.`,
  ungrounded: 'The AI model twice wrote a text that failed the checks (figures not in the data, or malformed output); this text comes from templates over the same figures.',
}

/** The model's text, or the templates' with a note saying why the model's was not used. Budget errors propagate. */
async function withFallback<T>(attempt: () => Promise<T | null>, fallback: () => Promise<T> | T): Promise<{ value: T; note: string | null }> {
  try {
    const value = await attempt()
    if (value !== null) return { value, note: null }
    return { value: await fallback(), note: FALLBACK_NOTE.ungrounded }
  } catch (error) {
    const reason = modelFailure(error)
    if (reason === null) throw error
    return { value: await fallback(), note: FALLBACK_NOTE.failed(reason) }
  }
}

/**
 * `insights.summary`: the period's narrative from its facts, by the model when
 * one is configured (checked against the facts), from templates otherwise.
 * Kept until the project's data changes.
 */
export async function summarize(deps: ServerDeps, project: ProjectRow, input: SummaryInput): Promise<Summary> {
  const query = summaryInputSchema.parse(input)
  const client = modelClientFor(deps, project)
  await refreshAnalytics(deps.db, project)
  const fingerprint = await dataFingerprint(deps.db, project.id)
  const key = [client ? `openai:${client.model}` : 'deterministic', query.from, query.to, query.locale].join('|')
  const cached = await cachedSummary(deps.db, project.id, key, fingerprint)
  if (cached) return { ...cached, cached: true }

  const data = await loadSummaryData(deps.db, project, query)
  const sheet = summaryFacts(data, query.locale)
  let engine: Summary['engine'] = 'deterministic'
  let text: SummaryText
  let note: string | null = null
  if (client) {
    const result = await withFallback(
      async () => (await openAiSummary(client, sheet)).text,
      () => deterministicSummary(data, sheet),
    )
    text = result.value
    note = result.note
    if (note === null) engine = 'openai'
  } else text = deterministicSummary(data, sheet)

  const summary: Summary = {
    engine,
    locale: query.locale,
    from: query.from,
    to: query.to,
    currency: project.currency,
    headline: text.headline,
    sections: text.sections,
    markdown: summaryMarkdown(text.headline, text.sections),
    facts: sheet.list(),
    notes: [...(note === null ? [] : [note]), ...data.report.notes],
    generatedAt: new Date().toISOString(),
    cached: false,
  }
  // A fallback after a model failure is not kept: the next request tries the model again.
  if (note === null) await storeSummary(deps.db, project.id, key, fingerprint, summary)
  return summary
}

/**
 * `insights.ask`: the model answers with the project's tools when configured;
 * otherwise (or when its answer cannot be grounded) the deterministic assistant.
 */
export async function ask(deps: ServerDeps, project: ProjectRow, input: AskInput): Promise<AskResult> {
  const query = askInputSchema.parse(input)
  const context: ToolContext = { db: deps.db, project, locale: query.locale }
  const client = modelClientFor(deps, project)
  if (!client) return deterministicAsk(context, query.question)
  const result = await withFallback<AskResult>(
    async () => {
      const answer = await openAiAsk(client, context, query.question)
      return answer.answer && { engine: 'openai', locale: query.locale, ...answer.answer, toolCalls: answer.toolCalls, notes: [] }
    },
    () => deterministicAsk(context, query.question),
  )
  return result.note === null ? result.value : { ...result.value, notes: [result.note, ...result.value.notes] }
}
