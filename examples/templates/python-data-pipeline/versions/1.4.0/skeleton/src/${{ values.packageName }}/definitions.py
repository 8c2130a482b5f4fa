"""The code location: everything Dagster loads from this repository."""

import dagster as dg

from .assets import daily_partitions, daily_revenue, raw_orders
from .resources import OrdersSource
from .transforms import previous_day

daily_job = dg.define_asset_job(
    "daily_orders",
    selection=[raw_orders, daily_revenue],
    partitions_def=daily_partitions,
    run_tags={
        # Run pod resources, read by the K8sRunLauncher; raise them per job here.
        "dagster-k8s/config": {
            "container_config": {
                "resources": {
                    "requests": {"cpu": "${{ values.cpuRequest }}", "memory": "${{ values.memoryRequest }}"},
                    "limits": {"memory": "${{ values.memoryLimit }}"},
                }
            }
        }
    },
)


@dg.schedule(job=daily_job, cron_schedule="${{ values.schedule }}", execution_timezone="UTC")
def daily_orders_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Fills yesterday's partition; the run key keeps a day from running twice."""
    day = previous_day(context.scheduled_execution_time)
    return dg.RunRequest(run_key=day, partition_key=day)


defs = dg.Definitions(
    assets=[raw_orders, daily_revenue],
    jobs=[daily_job],
    schedules=[daily_orders_schedule],
    resources={"orders_source": OrdersSource()},
)
