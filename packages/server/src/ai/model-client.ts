import OpenAI from 'openai'
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions'
import type { ServerDeps } from '../deps.js'
import type { Env } from '../env.js'
import { AppError } from '../errors.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { recordUsage, tokensUsedToday } from './ai-usage.repository.js'

/** Retries of one model request on 408/409/429/5xx and timeouts, with the client's capped, jittered backoff honouring Retry-After. */
const MAX_RETRIES = 2

/** The configured model, charged to a project: every request checks and records the project's daily tokens. */
export interface ModelClient {
  model: string
  complete(body: Omit<ChatCompletionCreateParamsNonStreaming, 'model'>): Promise<ChatCompletion>
}

const clients = new WeakMap<Env, OpenAI>()

function openAiFor(env: Env): OpenAI | null {
  if (!env.OPENAI_API_KEY) return null
  let client = clients.get(env)
  if (!client) {
    client = new OpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL ?? null, timeout: env.OPENAI_TIMEOUT_MS, maxRetries: MAX_RETRIES })
    clients.set(env, client)
  }
  return client
}

function secondsToUtcMidnight(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000))
}

/** The model client of a project, or null when no `OPENAI_API_KEY` is configured (the deterministic assistant answers). */
export function modelClientFor(deps: ServerDeps, project: ProjectRow): ModelClient | null {
  const client = openAiFor(deps.env)
  if (!client) return null
  const budget = deps.env.RAPPORT_AI_DAILY_TOKEN_BUDGET
  return {
    model: deps.env.OPENAI_MODEL,
    complete: async (body) => {
      const used = await tokensUsedToday(deps.db, project.id)
      if (used >= budget) {
        throw new AppError(
          'rate_limited',
          `The project's daily AI budget of ${budget} tokens is spent (${used} used today); it renews at 00:00 UTC. Raise RAPPORT_AI_DAILY_TOKEN_BUDGET to allow more.`,
          { retryAfter: secondsToUtcMidnight() },
        )
      }
      const completion = await client.chat.completions.create({ ...body, model: deps.env.OPENAI_MODEL })
      await recordUsage(deps.db, project.id, {
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      })
      return completion
    },
  }
}

/** Why the model did not answer, for the note that says templates answered instead. */
export function modelFailure(error: unknown): string | null {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'the model did not answer in time'
  if (error instanceof OpenAI.RateLimitError) return 'the model provider rate-limited the request'
  if (error instanceof OpenAI.APIError) return `the model provider answered with an error (${error.status ?? 'no status'})`
  return null
}
