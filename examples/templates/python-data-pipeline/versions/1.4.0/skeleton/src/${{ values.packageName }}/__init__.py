"""${{ values.name }}: a Dagster code location on the platform's shared instance."""
