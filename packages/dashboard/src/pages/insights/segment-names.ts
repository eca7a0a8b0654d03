import type { SegmentName } from '../../api/types'
import type { MessageKey } from '../../i18n/en'

/** The RFM segments, best first, with their labels. */
export const SEGMENTS: Record<SegmentName, MessageKey> = {
  champions: 'segment.champions',
  loyal: 'segment.loyal',
  potential_loyalists: 'segment.potential_loyalists',
  new: 'segment.new',
  promising: 'segment.promising',
  need_attention: 'segment.need_attention',
  about_to_sleep: 'segment.about_to_sleep',
  at_risk: 'segment.at_risk',
  cant_lose_them: 'segment.cant_lose_them',
  hibernating: 'segment.hibernating',
  lost: 'segment.lost',
}

export function isSegment(value: string): value is SegmentName {
  return value in SEGMENTS
}
