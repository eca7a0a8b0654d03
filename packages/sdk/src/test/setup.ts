import { afterEach, vi } from 'vitest'

// Like zod's test setup: stray console output fails the test that caused it.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
const spies = methods.map((method) => vi.spyOn(console, method))

afterEach(() => {
  const calls = spies.flatMap((spy, index) => spy.mock.calls.map((args) => `console.${methods[index]}(${args.map(String).join(' ')})`))
  for (const spy of spies) spy.mockClear()
  if (calls.length > 0) throw new Error(`Unexpected console output:\n${calls.join('\n')}`)
})
