"""Rapport's plain HTTP API from Python with `requests` (see GET /v1/openapi.json).

    pip install -r requirements.txt
    RAPPORT_SECRET_KEY=rk_sec_... python3 main.py    # RAPPORT_HOST defaults to http://localhost:3000
"""

import os
import random
import sys
import time
import uuid

import requests


class Rapport:
    """A minimal client: a key, a session, and retries that are safe because every event has an eventId."""

    def __init__(self, key: str, host: str = "http://localhost:3000", max_retries: int = 5) -> None:
        self.host = host.rstrip("/")
        self.max_retries = max_retries
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {key}"

    def request(self, method: str, path: str, **kwargs):
        for attempt in range(self.max_retries + 1):
            try:
                response = self.session.request(method, self.host + path, timeout=10, **kwargs)
            except requests.ConnectionError:
                if attempt == self.max_retries:
                    raise
                time.sleep(self._backoff(attempt, None))
                continue
            # 408, 429 and 5xx are worth retrying; the same eventIds make the resend harmless.
            if response.status_code in (408, 429) or response.status_code >= 500:
                if attempt < self.max_retries:
                    time.sleep(self._backoff(attempt, response.headers.get("Retry-After")))
                    continue
            if response.status_code >= 400:
                error = response.json().get("error", {})
                raise RuntimeError(f"{method} {path}: {response.status_code} {error.get('code')}: {error.get('message')} {error.get('issues', [])}")
            return response.json()
        raise RuntimeError("unreachable")

    @staticmethod
    def _backoff(attempt: int, retry_after) -> float:
        if retry_after is not None:
            return float(retry_after)
        return random.uniform(0, min(30.0, 0.5 * 2**attempt))  # exponential backoff with full jitter

    def batch(self, events):
        """Sends up to 500 events; each gets an eventId here so a retried batch is stored once."""
        for event in events:
            event.setdefault("eventId", str(uuid.uuid4()))
        return self.request("POST", "/v1/batch", json={"events": events})


def main() -> int:
    key = os.environ.get("RAPPORT_SECRET_KEY")
    if not key:
        print("Set RAPPORT_SECRET_KEY to the project secret key (rk_sec_...); see README.md", file=sys.stderr)
        return 2
    crm = Rapport(key, os.environ.get("RAPPORT_HOST", "http://localhost:3000"))
    customer_id = os.environ.get("CUSTOMER_ID", "python-user-1")
    order_id = f"py-{uuid.uuid4()}"

    events = [
        {"type": "identify", "customerId": customer_id, "email": "bob@example.com", "name": "Bob", "traits": {"plan": "free"}},
        {
            "type": "purchase",
            "customerId": customer_id,
            "orderId": order_id,
            "amount": "30.00",  # money as a decimal string in major units
            "currency": "EUR",
            "items": [{"productId": "tee", "name": "T-shirt", "quantity": 1, "unitPrice": "30.00"}],
        },
        {"type": "track", "customerId": customer_id, "name": "checkout_completed", "properties": {"orderId": order_id}},
    ]
    result = crm.batch(events)
    print(f"batch: {result['accepted']} accepted, {result['duplicates']} duplicates, {len(result['rejected'])} rejected")
    again = crm.batch(events)  # the same eventIds: nothing is stored twice
    print(f"resent: {again['accepted']} accepted, {again['duplicates']} duplicates")

    detail = crm.request("GET", f"/v1/customers/{customer_id}")
    totals = detail["customer"]["totals"]
    print(f"customer {customer_id}: {totals['orders']} order(s), net spent {totals['netSpent']}")

    page = crm.request("GET", "/v1/customers", params={"sort": "totalSpent", "limit": 5})
    for customer in page["items"]:
        print(f"  {customer['customerId']:<20} {customer['totals']['netSpent']:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
