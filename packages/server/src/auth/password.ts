import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MB per hash; N=2^15 keeps a
// login near 50 ms and 32 MB on our 2-core target while staying well above the
// 2^14 that Node defaults to. Parameters are stored with each hash, so they can grow.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 64

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...params, maxmem: 256 * params.N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url; a fresh salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const params = { N: Number(n), r: Number(r), p: Number(p) }
  if (!Object.values(params).every(Number.isSafeInteger)) return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

let dummyHash: Promise<string> | undefined

/** Burns the same time as a real check, so a login for an unknown email answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('rapport-dummy-password')
  await verifyPassword(password, await dummyHash)
  return false
}
