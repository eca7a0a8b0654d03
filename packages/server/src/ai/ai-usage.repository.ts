import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'

/** Tokens (prompt + completion) the project spent on the model today (UTC). */
export async function tokensUsedToday(db: Kysely<Database>, projectId: string): Promise<number> {
  const result = await sql<{ used: string | number | null }>`
    select prompt_tokens + completion_tokens as used from ai_usage
    where project_id = ${projectId} and day = (now() at time zone 'UTC')::date
  `.execute(db)
  return Number(result.rows[0]?.used ?? 0)
}

/** Adds one model request's tokens to today's row of the project. */
export async function recordUsage(db: Kysely<Database>, projectId: string, usage: { promptTokens: number; completionTokens: number }): Promise<void> {
  await sql`
    insert into ai_usage as u (project_id, day, requests, prompt_tokens, completion_tokens)
    values (${projectId}, (now() at time zone 'UTC')::date, 1, ${usage.promptTokens}, ${usage.completionTokens})
    on conflict (project_id, day) do update set
      requests = u.requests + 1,
      prompt_tokens = u.prompt_tokens + excluded.prompt_tokens,
      completion_tokens = u.completion_tokens + excluded.completion_tokens
  `.execute(db)
}
