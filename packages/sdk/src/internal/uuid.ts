/**
 * A random (v4) UUID. `crypto.randomUUID` is missing outside secure contexts
 * (a page served over plain http), where `getRandomValues` still exists.
 */
export function randomUUID(): string {
  const { crypto } = globalThis
  if (crypto.randomUUID) return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(31))
  // Each template digit `x` becomes a random hex digit; `y` the variant (8–b); `4` is the version.
  let index = 0
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (digit) => {
    const random = (bytes[index++] ?? 0) & 15
    return (digit === 'x' ? random : (random & 3) | 8).toString(16)
  })
}
