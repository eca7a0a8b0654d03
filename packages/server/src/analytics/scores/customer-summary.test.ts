import { describe, expect, it } from 'vitest'
import { summarizeCustomers } from './customer-summary.js'

describe('summarizeCustomers', () => {
  it('counts one transaction per customer and day, measures in the chosen unit and averages repeat values', () => {
    const summaries = summarizeCustomers(
      [
        { customerId: 'a', day: 0, value: 100 },
        { customerId: 'a', day: 7, value: 10 },
        { customerId: 'a', day: 7, value: 5 },
        { customerId: 'a', day: 21, value: 45 },
        { customerId: 'a', day: 29, value: 1000 },
        { customerId: 'b', day: 14, value: 20 },
      ],
      { lastDay: 28, unitDays: 7 },
    )
    // a: days 0, 7 (15 in two purchases), 21; day 29 is after the calibration period.
    expect(summaries.get('a')).toEqual({ frequency: 2, recency: 3, age: 4, monetary: 30 })
    expect(summaries.get('b')).toEqual({ frequency: 0, recency: 0, age: 2, monetary: 0 })
  })

  it('includes purchases on the last day and leaves out customers who start after it', () => {
    const summaries = summarizeCustomers(
      [
        { customerId: 'a', day: 10 },
        { customerId: 'a', day: 12 },
        { customerId: 'c', day: 13 },
      ],
      { lastDay: 12 },
    )
    expect(summaries.get('a')).toEqual({ frequency: 1, recency: 2, age: 2, monetary: 0 })
    expect(summaries.has('c')).toBe(false)
  })
})
