"""Arguments of a run, kept free of Spark so they test in milliseconds."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone


@dataclass(frozen=True)
class JobArgs:
    input_path: str
    output_path: str
    run_date: date


DEFAULT_INPUT = "s3a://example-data-lake/events/"
DEFAULT_OUTPUT = "s3a://example-data-lake/${{ values.name }}/daily-counts/"


def parse_args(
    argv: Sequence[str] | None = None,
    today: date | None = None,
    environ: Mapping[str, str] = os.environ,
) -> JobArgs:
    """Reads the job's arguments; the run date defaults to yesterday in UTC.

    Paths come from the arguments, else from INPUT_PATH and OUTPUT_PATH, so
    the SparkApplication can set them per environment without new arguments.
    """
    parser = argparse.ArgumentParser(prog="${{ values.name }}")
    parser.add_argument("--input", default=environ.get("INPUT_PATH", DEFAULT_INPUT))
    parser.add_argument("--output", default=environ.get("OUTPUT_PATH", DEFAULT_OUTPUT))
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
