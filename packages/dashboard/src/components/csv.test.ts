import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",')
  })

  it('keeps negative amounts as numbers and defuses formulas', () => {
    expect(toCsv(['n'], [['-12.50'], ['=SUM(A1)'], ['@cmd']])).toBe("n\r\n-12.50\r\n'=SUM(A1)\r\n'@cmd")
  })
})
