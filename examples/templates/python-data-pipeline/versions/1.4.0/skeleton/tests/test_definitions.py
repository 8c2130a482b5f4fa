import pytest

dg = pytest.importorskip("dagster")

from ${{ values.packageName }}.assets import daily_revenue, raw_orders  # noqa: E402
from ${{ values.packageName }}.definitions import defs  # noqa: E402
from ${{ values.packageName }}.resources import OrdersSource  # noqa: E402


class FakeOrdersSource(OrdersSource):
    def fetch(self, day: str) -> list[dict[str, str]]:
        return [
            {"order_id": "1", "day": day, "currency": "EUR", "amount": "10.00"},
            {"order_id": "2", "day": day, "currency": "EUR", "amount": "2.50"},
            {"order_id": "3", "day": day, "currency": "usd", "amount": "bad"},
        ]


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)


def test_materialize_one_day():
    result = dg.materialize(
        [raw_orders, daily_revenue],
        partition_key="2025-01-02",
        resources={"orders_source": FakeOrdersSource()},
    )

    assert result.success
    assert result.output_for_node("daily_revenue") == {"EUR": "12.50"}
    checks = result.get_asset_check_evaluations()
    assert [check.passed for check in checks] == [True]
