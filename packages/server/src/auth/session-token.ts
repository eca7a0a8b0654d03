import { jwtVerify, SignJWT } from 'jose'

export interface SessionClaims {
  accountId: string
  sessionId: string
}

const ISSUER = 'rapport'
const AUDIENCE = 'rapport-session'

/** Signs and checks session JWTs (HS256). Whether a session was logged out is the database's to say. */
export class SessionTokens {
  readonly #key: Uint8Array

  constructor(secret: string) {
    this.#key = new TextEncoder().encode(secret)
  }

  sign(claims: SessionClaims, expiresAt: Date): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.accountId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.#key)
  }

  /** The claims of a valid, unexpired token; `null` for anything else. */
  async verify(token: string): Promise<SessionClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] })
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null
      return { accountId: payload.sub, sessionId: payload.sid }
    } catch {
      return null
    }
  }
}
