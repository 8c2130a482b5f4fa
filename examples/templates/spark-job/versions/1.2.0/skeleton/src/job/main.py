"""Entry point: the SparkApplication runs local:///opt/spark/work-dir/main.py."""

from __future__ import annotations

import sys

from pyspark.sql import SparkSession

from job.config import output_partition, parse_args
from job.transform import daily_event_counts


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Master, executors, event log and metrics come from the SparkApplication;
    # nothing cluster-specific is set here, so the same code runs in tests.
    spark = SparkSession.builder.appName("${{ values.name }}").getOrCreate()
    try:
        events = spark.read.parquet(args.input_path)
        counts = daily_event_counts(events, args.run_date)
        counts.write.mode("overwrite").parquet(output_partition(args.output_path, args.run_date))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
