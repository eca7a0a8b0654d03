import { describe, expect, it } from 'vitest'
import { matchPath } from './match'

describe('matchPath', () => {
  it('reads named segments, decoded', () => {
    expect(matchPath('/p/:projectId/customers/:customerId', '/p/abc/customers/user%2042')).toEqual({
      projectId: 'abc',
      customerId: 'user 42',
    })
  })

  it('needs the same number of segments and the same fixed parts', () => {
    expect(matchPath('/p/:projectId', '/p/abc/customers')).toBeNull()
    expect(matchPath('/p/:projectId/customers', '/p/abc/reports')).toBeNull()
    expect(matchPath('/', '/')).toEqual({})
  })

  it('refuses malformed escapes instead of throwing', () => {
    expect(matchPath('/c/:id', '/c/%E0%A4%A')).toBeNull()
  })
})
