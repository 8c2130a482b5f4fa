"""Where the pipeline reads from. Tests and local runs swap in another source."""

import csv
from pathlib import Path

import dagster as dg


class OrdersSource(dg.ConfigurableResource):
    """Reads one day of raw orders from CSV files named `orders-<day>.csv`.

    Locally the files come from `data/`; in the cluster point `directory` at
    the mounted export, or replace this resource with your database or API
    client. Credentials come from the pod's workload identity, never from the
    repository.
    """

    directory: str = "data"

    def fetch(self, day: str) -> list[dict[str, str]]:
        path = Path(self.directory) / f"orders-{day}.csv"
        if not path.exists():
            return []
        with path.open(newline="", encoding="utf-8") as file:
            return list(csv.DictReader(file))
