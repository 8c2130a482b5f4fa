from datetime import UTC, datetime
from decimal import Decimal

from ${{ values.packageName }}.transforms import (
    Order,
    negative_currencies,
    parse_orders,
    previous_day,
    revenue_by_currency,
)


def test_parse_orders_keeps_valid_rows_and_counts_the_rest():
    rows = [
        {"order_id": "1", "day": "2025-01-02", "currency": "eur", "amount": "10.50"},
        {"order_id": "2", "day": "2025-01-02", "currency": "EURO", "amount": "3"},
        {"order_id": "", "day": "2025-01-02", "currency": "EUR", "amount": "3"},
        {"order_id": "4", "day": "2025-01-02", "currency": "USD", "amount": "n/a"},
    ]

    orders, rejected = parse_orders(rows)

    assert orders == [Order("1", "2025-01-02", "EUR", Decimal("10.50"))]
    assert rejected == 3


def test_revenue_by_currency_sums_one_day_and_counts_duplicates_once():
    orders = [
        Order("1", "2025-01-02", "EUR", Decimal("10.50")),
        Order("1", "2025-01-02", "EUR", Decimal("10.50")),
        Order("2", "2025-01-02", "EUR", Decimal("4.50")),
        Order("3", "2025-01-02", "USD", Decimal("7")),
        Order("4", "2025-01-01", "USD", Decimal("100")),
    ]

    assert revenue_by_currency(orders, "2025-01-02") == {
        "EUR": Decimal("15.00"),
        "USD": Decimal("7"),
    }


def test_previous_day_is_the_partition_a_scheduled_run_fills():
    assert previous_day(datetime(2025, 3, 1, 2, 0, tzinfo=UTC)) == "2025-02-28"


def test_negative_currencies_names_the_broken_totals():
    totals = {"EUR": Decimal("-1"), "USD": Decimal("0"), "CHF": Decimal("-0.01")}

    assert negative_currencies(totals) == ["CHF", "EUR"]
