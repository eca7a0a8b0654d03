/** Bounds shared by the SDK (which splits batches by them) and the server (which enforces them). */
export const LIMITS = {
  /** Events in one batch request. */
  batchEvents: 500,
  /** Bytes of one batch request body (JSON text, UTF-8). */
  batchBytes: 512 * 1024,
  /** Characters of a customer id, order id or product id. */
  idLength: 256,
  /** Keys in a `traits` object. */
  traitKeys: 100,
  /** Characters of a trait or property key. */
  keyLength: 128,
  /** Characters of one string value inside traits or properties. */
  stringValueLength: 2048,
  /** Bytes of `traits` or `properties`, serialized as JSON. */
  objectBytes: 16 * 1024,
  /** Nesting depth of `properties` (traits are flat). */
  propertiesDepth: 5,
  /** Lines in one purchase. */
  purchaseItems: 2500,
  /** Decimals a unit price may carry (wholesale prices have up to 4). */
  unitPriceDecimals: 4,
} as const
