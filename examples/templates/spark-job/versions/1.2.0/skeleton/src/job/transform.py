"""The job's logic: DataFrame in, DataFrame out, no reads and no writes."""

from __future__ import annotations

from datetime import date

from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def daily_event_counts(events: DataFrame, run_date: date) -> DataFrame:
    """Counts one day's events and distinct users per event type.

    Expects `event_time` (timestamp), `event_type` and `user_id` columns.
    Event types are trimmed and lower-cased; rows without a type are dropped.
    Only built-in functions are used, no Python UDFs, so the work stays in
    the JVM and executors need no Python packages of ours.
    """
    return (
        events.where(F.to_date("event_time") == F.lit(run_date))
        .withColumn("event_type", F.lower(F.trim(F.col("event_type"))))
        .where(F.col("event_type").isNotNull() & (F.col("event_type") != ""))
        .groupBy("event_type")
        .agg(
            F.count(F.lit(1)).alias("events"),
            F.countDistinct("user_id").alias("users"),
        )
        .orderBy("event_type")
    )
