/**
 * A small online-retail CSV with enough history for every kind of
 * recommendation: 24 customers over 16 weeks, 20 regulars every 12–20 days, four
 * who stopped after the first six weeks (to win back), a mug and a lantern
 * bought together in most orders (to cross-sell). Deterministic: a fixed LCG.
 */

const PRODUCTS = {
  MUG: ['WHITE MUG', '2.50'],
  LAMP: ['LANTERN', '10.00'],
  CARD: ['GREETING CARD', '0.50'],
  CANDLE: ['SCENTED CANDLE', '4.00'],
  BAG: ['TOTE BAG', '6.00'],
  TEA: ['TEA TOWEL', '3.00'],
} as const
type Code = keyof typeof PRODUCTS

const COUNTRIES = ['United Kingdom', 'United Kingdom', 'Germany', 'France'] as const
const FIRST_DAY = Date.UTC(2011, 7, 1) // 1 Aug 2011

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

/** The CSV text and how many orders it holds. */
export function seededShopCsv(): { csv: string; orders: number; customers: number } {
  const next = random(7)
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country']
  let invoice = 540_000
  let orders = 0
  const customers = 24
  for (let c = 0; c < customers; c++) {
    const customerId = String(13_000 + c)
    const country = COUNTRIES[c % COUNTRIES.length] ?? 'United Kingdom'
    const lapsed = c >= 20
    const gap = lapsed ? 6 : 12 + (c % 9)
    const lastDay = lapsed ? 42 : 112
    for (let day = c % 7; day <= lastDay; day += gap) {
      const basket: Code[] = []
      const roll = next()
      if (roll < 0.6) basket.push('MUG', 'LAMP')
      else if (roll < 0.7) basket.push('MUG')
      if (next() < 0.5) basket.push((['CARD', 'CANDLE', 'BAG', 'TEA'] as const)[Math.floor(next() * 4)] ?? 'CARD')
      if (basket.length === 0) basket.push('CANDLE')
      const when = new Date(FIRST_DAY + day * 86_400_000 + (9 + (c % 8)) * 3_600_000).toISOString()
      const date = `${when.slice(0, 10)} ${when.slice(11, 16)}`
      invoice++
      orders++
      for (const code of new Set(basket)) {
        const [name, price] = PRODUCTS[code]
        lines.push(`${invoice},${code},${name},${1 + Math.floor(next() * 4)},${date},${price},${customerId},${country}`)
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, orders, customers }
}
