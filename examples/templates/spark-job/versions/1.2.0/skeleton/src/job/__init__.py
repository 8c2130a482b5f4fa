"""${{ values.name }}: a PySpark batch job run by the Spark Operator."""
