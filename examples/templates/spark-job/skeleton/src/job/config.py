"""Arguments of a run, kept free of Spark so they test in milliseconds."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone


@dataclass(frozen=True)
class JobArgs:
    input_path: str
    output_path: str
    run_date: date


def parse_args(argv: Sequence[str] | None = None, today: date | None = None) -> JobArgs:
    """Reads the job's arguments; the run date defaults to yesterday in UTC."""
    parser = argparse.ArgumentParser(prog="${{ values.name }}")
    parser.add_argument("--input", required=True, help="events to read (Parquet)")
    parser.add_argument("--output", required=True, help="where the daily counts go (Parquet)")
    parser.add_argument("--run-date", help="day to process, YYYY-MM-DD (default: yesterday, UTC)")
    args = parser.parse_args(argv)
    if args.run_date:
        try:
            run_date = date.fromisoformat(args.run_date)
        except ValueError:
            parser.error(f"--run-date must be YYYY-MM-DD, got {args.run_date!r}")
    else:
        run_date = (today or datetime.now(timezone.utc).date()) - timedelta(days=1)
    return JobArgs(input_path=args.input, output_path=args.output, run_date=run_date)


def output_partition(output_path: str, run_date: date) -> str:
    """The one partition a run overwrites, so reruns of a day are idempotent."""
    return f"{output_path.rstrip('/')}/event_date={run_date.isoformat()}"
