"""Software-defined assets: what downstream teams browse in the asset catalog."""

import dagster as dg

from .resources import OrdersSource
from .transforms import negative_currencies, parse_orders, revenue_by_currency

# One partition per day, so a backfill reruns one day at a time.
daily_partitions = dg.DailyPartitionsDefinition(start_date="2025-01-01")


@dg.asset(partitions_def=daily_partitions, group_name="orders", kinds={"python"})
def raw_orders(
    context: dg.AssetExecutionContext, orders_source: OrdersSource
) -> dg.Output[list]:
    """Orders of one day, as the source delivers them: one dict per CSV row."""
    rows = orders_source.fetch(context.partition_key)
    return dg.Output(rows, metadata={"row_count": len(rows)})


@dg.asset(
    partitions_def=daily_partitions,
    group_name="orders",
    kinds={"python"},
    check_specs=[dg.AssetCheckSpec("not_negative", asset="daily_revenue", blocking=True)],
)
def daily_revenue(context: dg.AssetExecutionContext, raw_orders: list):
    """Revenue of one day per currency, from valid and de-duplicated orders."""
    orders, rejected = parse_orders(raw_orders)
    totals = revenue_by_currency(orders, context.partition_key)
    yield dg.Output(
        {currency: str(amount) for currency, amount in totals.items()},
        metadata={"currencies": len(totals), "rejected_rows": rejected},
    )
    # Refunds are booked elsewhere, so a negative day means broken input.
    negative = negative_currencies(totals)
    yield dg.AssetCheckResult(
        check_name="not_negative",
        passed=not negative,
        metadata={"negative_currencies": negative},
    )
