/** The shop's products; prices are decimal strings in major units, as Rapport takes them. */
export interface Product {
  productId: string
  name: string
  unitPrice: string
}

export const CURRENCY = 'EUR'

export const CATALOGUE: readonly Product[] = [
  { productId: 'mug', name: 'Mug', unitPrice: '12.50' },
  { productId: 'tee', name: 'T-shirt', unitPrice: '24.95' },
  { productId: 'poster', name: 'Poster', unitPrice: '9.99' },
]

export function findProduct(productId: string): Product | undefined {
  return CATALOGUE.find((product) => product.productId === productId)
}

/** Sums prices exactly: in cents, never in floating-point euros. */
export function lineTotal(unitPrice: string, quantity: number): number {
  const [whole = '0', fraction = ''] = unitPrice.split('.')
  return (Number(whole) * 100 + Number(fraction.padEnd(2, '0'))) * quantity
}

/** Cents back to the decimal string Rapport expects (`4990` → `"49.90"`). */
export function formatCents(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}
