#!/usr/bin/env python3
"""Audit many organisations with PySpark: a DataFrame of sources (file paths or JSON texts)
is audited batch by batch in ``mapInPandas``, each batch by ``trygg.audit_many``, and the
result is a Spark DataFrame of findings, one row per finding, with the columns of
``ReportSet.findings_frame()``.

What travels (docs/scaling.md): the sources go out to the executors, findings rows come back.
The executors' Python needs ``trygg`` installed, the same version as the driver's, and, for
paths, the files at the same paths (a shared file system); for JSON texts nothing else.

As a script, in local mode::

    python3 examples/scaling/spark_audit.py examples/organisations/*.json --as-of 2026-11-22
    python3 examples/scaling/spark_audit.py DIR/*.json --out findings.parquet --master spark://host:7077

As a function::

    from spark_audit import audit_with_spark, local_session
    spark = local_session()
    sources = spark.createDataFrame([(p,) for p in paths], "source string")
    findings = audit_with_spark(sources, as_of="2026-11-22")     # a Spark DataFrame
    findings.groupBy("country", "severity").count().show()
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

# The findings frame's columns, in its order, with their Spark types (the categorical columns
# organisation, country, sector and size_band travel as strings, the due date as a date). Written out rather than
# inferred: Spark needs the schema before it has seen a row, and a batch whose organisations
# all failed has none. tests/python/test_spark.py checks it against findings_frame().
FINDINGS_COLUMNS: list[tuple[str, str]] = [
    ("organisation", "string"),
    ("country", "string"),
    ("sector", "string"),
    ("size_band", "string"),
    ("fingerprint", "string"),
    ("rule", "string"),
    ("measure", "string"),
    ("area", "string"),
    ("subject_kind", "string"),
    ("subject_id", "string"),
    ("status", "string"),
    ("severity", "string"),
    ("obligation", "string"),
    ("due", "date"),
]


def findings_schema() -> Any:
    """The Spark ``StructType`` of the findings rows (every column nullable)."""
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "date": T.DateType(), "long": T.LongType(), "double": T.DoubleType(),
             "boolean": T.BooleanType()}
    return T.StructType([T.StructField(name, kinds[kind], True) for name, kind in FINDINGS_COLUMNS])


def local_session(cores: int = 2, app_name: str = "trygg-audit") -> Any:
    """A small local-mode SparkSession: ``local[cores]``, little memory, no web UI."""
    from pyspark.sql import SparkSession

    # The executors run this interpreter, so they import the same trygg.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (SparkSession.builder.master(f"local[{cores}]").appName(app_name)
            .config("spark.driver.memory", "512m")
            .config("spark.executor.memory", "512m")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(cores))
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "200")
            .config("spark.driver.extraJavaOptions", "-XX:+UseSerialGC")
            .getOrCreate())


def audit_with_spark(sources: Any, *, column: str = "source", as_of: str | None = None, lang: str | None = None) -> Any:
    """Audit every source in ``sources[column]`` (a Spark DataFrame of paths or JSON texts)
    and return a Spark DataFrame of their findings, schema :func:`findings_schema`.

    A source that does not load gives no rows: its LoadError is printed to the executor's
    standard error. To keep the failures as data, audit the sources with
    ``trygg.audit_many`` in ``mapInPandas`` and yield ``[(f.source, str(f.error)) for f in
    reports.failures]`` to a second DataFrame.
    """
    schema = findings_schema()
    names = [name for name, _ in FINDINGS_COLUMNS]
    options = {"as_of": as_of, "lang": lang}

    # Nested, so that Spark pickles it by value: the executors need trygg and pandas, not this file.
    def audit_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        import trygg

        for batch in batches:
            reports = trygg.audit_many(list(batch[column]), as_of=options["as_of"],
                                       lang=options["lang"], workers=1, progress=False, errors="collect")
            for failure in reports.failures:
                print(f"trygg: {failure.source[:200]}: {failure.error}", file=sys.stderr)
            frame = reports.findings_frame()
            out = pd.DataFrame({name: frame[name] for name in names})
            for name, kind in FINDINGS_COLUMNS:
                if kind == "string":
                    # Categoricals (and pandas 3's arrow-backed strings, which PySpark 3.5
                    # cannot convert) as plain Python strings, a missing value as None.
                    column_values = out[name].astype(object)
                    out[name] = column_values.where(column_values.notna(), None)
                elif kind == "date":
                    dates = pd.to_datetime(out[name])
                    out[name] = pd.Series([d.date() if pd.notna(d) else None for d in dates], dtype=object,
                                          index=out.index)
            yield out

    return sources.select(column).mapInPandas(audit_batches, schema=schema)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="organisation files")
    ap.add_argument("--as-of", help="audit date, YYYY-MM-DD (default: today)")
    ap.add_argument("--lang", help="report language (sv, nb, en)")
    ap.add_argument("--master", help="Spark master URL (default: local[2])")
    ap.add_argument("--texts", action="store_true", help="send the files' JSON texts instead of their paths")
    ap.add_argument("--out", help="write the findings to this Parquet directory")
    a = ap.parse_args(argv)

    if a.master:
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.master(a.master).appName("trygg-audit").getOrCreate()
    else:
        spark = local_session()
    try:
        if a.texts:
            rows = [(open(p, encoding="utf-8").read(),) for p in a.paths]
        else:
            rows = [(os.path.abspath(p),) for p in a.paths]
        sources = spark.createDataFrame(rows, "source string")
        findings = audit_with_spark(sources, as_of=a.as_of, lang=a.lang)
        summary = findings.groupBy("organisation", "severity").count().orderBy("organisation", "severity").collect()
        print(json.dumps([r.asDict() for r in summary], ensure_ascii=False, indent=1))
        if a.out:
            findings.write.mode("overwrite").parquet(a.out)
            print(f"findings written to {a.out}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
