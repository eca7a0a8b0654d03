import { seededRandom } from '../../test/seeded-random.js'
import type { Purchase } from './purchase-index.js'

/** A seeded random history with many equal similarities (few products, short baskets). */
export function randomHistory(customers: number, products: number, seed: number): Purchase[] {
  const random = seededRandom(seed)
  const purchases: Purchase[] = []
  for (let c = 0; c < customers; c++) {
    const basket = 1 + Math.floor(random() * 6)
    for (let i = 0; i < basket; i++) purchases.push({ customerId: `c${String(c).padStart(3, '0')}`, productId: `p${Math.floor(random() * products)}`, at: Math.floor(random() * 100) })
  }
  return purchases
}
