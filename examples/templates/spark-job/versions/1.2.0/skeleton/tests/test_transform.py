from datetime import date, datetime

import pytest

pytest.importorskip("pyspark")

from job.transform import daily_event_counts  # noqa: E402


def test_counts_one_day_per_normalised_event_type(spark):
    events = spark.createDataFrame(
        [
            (datetime(2025, 1, 2, 8, 0), " Click ", "u1"),
            (datetime(2025, 1, 2, 9, 0), "click", "u1"),
            (datetime(2025, 1, 2, 9, 30), "click", "u2"),
            (datetime(2025, 1, 2, 10, 0), "view", "u3"),
            (datetime(2025, 1, 2, 11, 0), "  ", "u4"),
            (datetime(2025, 1, 3, 0, 5), "click", "u5"),
        ],
        "event_time timestamp, event_type string, user_id string",
    )

    rows = daily_event_counts(events, date(2025, 1, 2)).collect()

    assert [row.asDict() for row in rows] == [
        {"event_type": "click", "events": 3, "users": 2},
        {"event_type": "view", "events": 1, "users": 1},
    ]
