#!/usr/bin/env bash
# Rapport's plain HTTP API with nothing but curl: send a customer, a purchase and an
# interaction, resend an event to see idempotency, then read the customer and a report.
# Every route and field is in the OpenAPI document: curl "$RAPPORT_HOST/v1/openapi.json".
#
#   RAPPORT_SECRET_KEY=rk_sec_… bash curl.sh          (RAPPORT_HOST defaults to http://localhost:3000)
set -euo pipefail

HOST="${RAPPORT_HOST:-http://localhost:3000}"
KEY="${RAPPORT_SECRET_KEY:?set RAPPORT_SECRET_KEY to the project secret key (rk_sec_…), see README.md}"
CUSTOMER="${CUSTOMER_ID:-curl-user-1}"
ORDER="curl-$(date +%s)"
# A UUID per event makes resending it safe: it is stored once.
EVENT_ID="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen | tr 'A-Z' 'a-z')"

# One helper: the key as a bearer token, JSON in, and a non-2xx answer fails the script (its body is printed).
api() {
  local method="$1" path="$2"
  shift 2
  curl -sS --fail-with-body -X "$method" "$HOST$path" \
    -H "Authorization: Bearer $KEY" -H 'content-type: application/json' "$@"
  echo
}

echo "# identify: a customer signed up"
api POST /v1/identify -d '{"customerId":"'"$CUSTOMER"'","email":"ann@example.com","name":"Ann","traits":{"plan":"pro"}}'

echo "# purchase: money is a decimal string in major units (stored exactly, in cents)"
api POST /v1/purchase -d '{
  "orderId":"'"$ORDER"'","customerId":"'"$CUSTOMER"'","amount":"49.90","currency":"EUR","country":"Germany",
  "items":[{"productId":"mug","name":"Mug","quantity":2,"unitPrice":"24.95"}]}'

echo "# track: any other interaction, sent twice with the same eventId (the second is a duplicate)"
TRACK='{"eventId":"'"$EVENT_ID"'","customerId":"'"$CUSTOMER"'","name":"demo_requested","properties":{"source":"pricing_page"}}'
api POST /v1/track -d "$TRACK"
api POST /v1/track -d "$TRACK"

echo "# batch: up to 500 events; each is stored or rejected on its own (the second has too many decimals)"
api POST /v1/batch -d '{"events":[
  {"type":"track","customerId":"'"$CUSTOMER"'","name":"newsletter_opened"},
  {"type":"purchase","orderId":"'"$ORDER"'-bad","amount":"1.234","currency":"EUR"}]}'

echo "# the customer, with totals, purchases and timeline (secret key)"
api GET "/v1/customers/$CUSTOMER"

echo "# this month's report"
FROM="$(date -u +%Y-%m-01)"
TO="$(date -u -d "$FROM +1 month" +%Y-%m-01 2>/dev/null || date -u -v+1m -j -f %Y-%m-%d "$FROM" +%Y-%m-01)"
api GET "/v1/insights/report?from=$FROM&to=$TO&interval=week"
