"""Pure business logic of the pipeline: no Dagster, no I/O, easy to test."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Order:
    order_id: str
    day: str
    currency: str
    amount: Decimal


def parse_orders(rows: Iterable[Mapping[str, str]]) -> tuple[list[Order], int]:
    """Turns raw rows into orders and counts the rows it had to reject.

    A row is rejected when it has no id, no day, a currency that is not three
    letters, or an amount that is not a number.
    """
    orders: list[Order] = []
    rejected = 0
    for row in rows:
        try:
            amount = Decimal(str(row.get("amount", "")).strip())
        except InvalidOperation:
            rejected += 1
            continue
        order_id = str(row.get("order_id", "")).strip()
        day = str(row.get("day", "")).strip()
        currency = str(row.get("currency", "")).strip().upper()
        if not order_id or not day or len(currency) != 3 or not currency.isalpha():
            rejected += 1
            continue
        orders.append(Order(order_id=order_id, day=day, currency=currency, amount=amount))
    return orders, rejected


def revenue_by_currency(orders: Iterable[Order], day: str) -> dict[str, Decimal]:
    """Sums the amounts of one day's orders per currency; duplicates count once."""
    seen: set[str] = set()
    totals: dict[str, Decimal] = {}
    for order in orders:
        if order.day != day or order.order_id in seen:
            continue
        seen.add(order.order_id)
        totals[order.currency] = totals.get(order.currency, Decimal("0")) + order.amount
    return dict(sorted(totals.items()))


def negative_currencies(totals: Mapping[str, Decimal]) -> list[str]:
    """Currencies whose total is below zero, which valid input never produces."""
    return sorted(currency for currency, amount in totals.items() if amount < 0)


def previous_day(scheduled_at: datetime) -> str:
    """The daily partition a run scheduled at this time should fill: yesterday."""
    return (scheduled_at - timedelta(days=1)).strftime("%Y-%m-%d")
