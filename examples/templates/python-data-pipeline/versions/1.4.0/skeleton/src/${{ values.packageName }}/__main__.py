"""Runs the pipeline once: `python -m ${{ values.packageName }} [--partition YYYY-MM-DD]`.

This is what the Kubernetes CronJob starts on schedule. Without a partition
it fills yesterday's. With DAGSTER_HOME set, the run is recorded in that
Dagster instance; otherwise in a throwaway one.
"""

import argparse
import os
import sys
from datetime import UTC, datetime

import dagster as dg

from .assets import daily_revenue, raw_orders
from .resources import OrdersSource
from .transforms import previous_day


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ${{ values.packageName }}")
    parser.add_argument(
        "--partition",
        help="day to materialize, YYYY-MM-DD (default: yesterday in UTC)",
    )
    args = parser.parse_args(argv)
    partition = args.partition or previous_day(datetime.now(UTC))

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else None
    result = dg.materialize(
        [raw_orders, daily_revenue],
        partition_key=partition,
        resources={"orders_source": OrdersSource(directory=os.environ.get("ORDERS_DIR", "data"))},
        instance=instance,
        raise_on_error=False,
    )
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
