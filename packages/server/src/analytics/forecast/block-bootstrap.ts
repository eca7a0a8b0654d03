/**
 * Moving-block bootstrap (Künsch 1989) in the form the bagged-ETS bootstrap uses (`MBB` in R's
 * forecast package): ⌊n/b⌋ + 2 blocks of `blockSize` consecutive values, each starting at a
 * uniformly drawn position, are laid end to end, and n values are read from a random offset in
 * [0, b) of that chain, so block boundaries do not always fall on the same phase. A block size of
 * n or more returns the series unchanged.
 */
export function movingBlockBootstrap(values: readonly number[], blockSize: number, random: () => number): number[] {
  const n = values.length
  const b = Math.max(1, Math.floor(blockSize))
  if (b >= n) return [...values]
  const chain: number[] = []
  const blocks = Math.floor(n / b) + 2
  for (let i = 0; i < blocks; i++) {
    const start = Math.floor(random() * (n - b + 1))
    for (let j = 0; j < b; j++) chain.push(values[start + j] ?? 0)
  }
  const offset = Math.floor(random() * b)
  return chain.slice(offset, offset + n)
}
