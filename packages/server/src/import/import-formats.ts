import { z } from 'zod'
import { genericFormat } from './generic.format.js'
import type { ImportFormat } from './import-format.js'
import { onlineRetailFormat } from './online-retail.format.js'

export const importFormatNameSchema = z.enum(['online-retail', 'generic'])
export type ImportFormatName = z.output<typeof importFormatNameSchema>

/** Every format `POST /v1/import` and `rapport import` know, by name. */
export const IMPORT_FORMATS: Readonly<Record<ImportFormatName, ImportFormat>> = {
  'online-retail': onlineRetailFormat,
  generic: genericFormat,
}
