from datetime import date

import pytest

from job.config import output_partition, parse_args


def test_run_date_defaults_to_yesterday():
    args = parse_args(["--input", "in/", "--output", "out/"], today=date(2025, 3, 1))

    assert args.run_date == date(2025, 2, 28)


def test_run_date_can_be_given():
    args = parse_args(["--input", "in/", "--output", "out/", "--run-date", "2025-01-02"])

    assert args.run_date == date(2025, 1, 2)


def test_paths_default_to_the_environment():
    args = parse_args([], environ={"INPUT_PATH": "in/", "OUTPUT_PATH": "out/"})

    assert (args.input_path, args.output_path) == ("in/", "out/")


def test_a_malformed_run_date_is_rejected():
    with pytest.raises(SystemExit):
        parse_args(["--input", "in/", "--output", "out/", "--run-date", "02.01.2025"])


def test_a_run_overwrites_only_its_own_partition():
    assert (
        output_partition("s3a://bucket/daily-counts/", date(2025, 1, 2))
        == "s3a://bucket/daily-counts/event_date=2025-01-02"
    )
