// The SDK is delivered by its own issue; until then the package only
// re-exports the shared contracts so that apps can already type their events.
export type { BatchEventInput, IdentifyEventInput, PurchaseEventInput, TrackEventInput } from '@rapport/shared'
