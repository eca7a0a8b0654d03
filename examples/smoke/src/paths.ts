import { fileURLToPath } from 'node:url'

/** The repository root and the example folders, from this file. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const example = (name: string): string => fileURLToPath(new URL(`../../${name}/`, import.meta.url))
/** The Online Retail sample kept beside the repository. */
export const ONLINE_RETAIL = fileURLToPath(new URL('../../../../shared/data/online-retail.csv.gz', import.meta.url))
