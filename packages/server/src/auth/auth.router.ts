import { accountSchema, loginInputSchema, registerInputSchema, sessionResultSchema } from '@rapport/shared'
import { z } from 'zod'
import { AppError } from '../errors.js'
import { type Context, publicProcedure, router, sessionProcedure } from '../trpc.js'
import { findAccountById } from './account.repository.js'
import { login, register, toAccount } from './auth.service.js'
import { clearedSessionCookie, sessionCookie } from './cookies.js'
import { revokeSession } from './session.repository.js'

function setSessionCookie(ctx: Context, token: string, expiresAt: string): void {
  const maxAgeSeconds = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000))
  ctx.res.append('Set-Cookie', sessionCookie(token, { maxAgeSeconds, secure: ctx.req.secure }))
}

export const authRouter = router({
  /** Creates an account and logs it in (session cookie + token). */
  register: publicProcedure
    .input(registerInputSchema)
    .output(sessionResultSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await register(ctx.deps, input)
      setSessionCookie(ctx, result.token, result.expiresAt)
      return result
    }),

  login: publicProcedure
    .input(loginInputSchema)
    .output(sessionResultSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await login(ctx.deps, input)
      setSessionCookie(ctx, result.token, result.expiresAt)
      return result
    }),

  /** Ends the session: its token stops working at once, wherever it was copied. */
  logout: sessionProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await revokeSession(ctx.deps.db, ctx.session.sessionId)
    ctx.res.append('Set-Cookie', clearedSessionCookie(ctx.req.secure))
    return { ok: true as const }
  }),

  me: sessionProcedure.output(accountSchema).query(async ({ ctx }) => {
    const account = await findAccountById(ctx.deps.db, ctx.session.accountId)
    if (!account) throw new AppError('unauthorized', 'The account no longer exists')
    return toAccount(account)
  }),
})
