"""examples/scaling/spark_audit.py: PySpark in local mode audits a DataFrame of sources in
mapInPandas with trygg.audit_many, and the collected findings rows are those of
audit_many(...).findings_frame() in this process (issue 15).

PySpark (and Java) are optional; with TRYGG_REQUIRE_SCALING set (scripts/test.sh) they must
be there."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

from conftest import AS_OF, ROOT

if os.environ.get("TRYGG_REQUIRE_SCALING"):
    import pandas as pd
    import pyspark  # noqa: F401

    assert shutil.which("java"), "TRYGG_REQUIRE_SCALING is set but java is not installed"
else:
    pytest.importorskip("pyspark")
    pd = pytest.importorskip("pandas")
    if not shutil.which("java"):
        pytest.skip("PySpark needs java", allow_module_level=True)

import trygg  # noqa: E402

# PySpark 3.5 compares pandas versions with distutils' LooseVersion in toPandas, and py4j
# leaves its gateway sockets to the garbage collector.
pytestmark = [
    pytest.mark.filterwarnings("ignore:distutils Version classes are deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:unclosed <socket:ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

sys.path.insert(0, str(ROOT / "examples" / "scaling"))
import spark_audit  # noqa: E402
from sample_organisations import BROKEN_TEXT, copies, write_copies  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = spark_audit.local_session(2, "trygg-test")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def as_strings(frame):
    """The findings frame as Spark carries it: categoricals as strings, missing as None."""
    frame = frame.copy()
    for name in frame.columns:
        if isinstance(frame[name].dtype, pd.CategoricalDtype):
            frame[name] = frame[name].astype(object)
        elif pd.api.types.is_datetime64_any_dtype(frame[name].dtype):
            frame[name] = [d.date() if pd.notna(d) else None for d in frame[name]]
    frame = frame.astype(object)
    return frame.where(frame.notna(), None).reset_index(drop=True)


def test_schema_is_the_findings_frames_columns():
    frame = trygg.audit_many([ROOT / "examples" / "organisations" / "small-company.json"], as_of=AS_OF,
                             progress=False).findings_frame()
    assert spark_audit.findings_schema().fieldNames() == list(frame.columns)
    assert list(frame.columns[:4]) == ["organisation", "country", "sector", "size_band"]


def test_spark_findings_are_audit_manys(tmp_path, spark):
    paths = [str(p) for p in write_copies(tmp_path, 8, broken=1)]
    sources = spark.createDataFrame([(p,) for p in paths], "source string")

    rows = spark_audit.audit_with_spark(sources, as_of=AS_OF).toPandas()
    local = trygg.audit_many(paths, as_of=AS_OF, progress=False)
    expected = as_strings(local.findings_frame())

    assert len(local) == 8 and len(local.failures) == 1
    assert len(rows) == len(expected) > 8
    pd.testing.assert_frame_equal(as_strings(rows), expected)
    assert list(dict.fromkeys(rows["organisation"])) == local.ids


def test_spark_audits_json_texts(spark):
    docs = copies(4, prefix="text")
    texts = [json.dumps(d, ensure_ascii=False) for d in docs] + [BROKEN_TEXT]
    sources = spark.createDataFrame([(t,) for t in texts], "source string")
    rows = spark_audit.audit_with_spark(sources, as_of=AS_OF).toPandas()
    expected = as_strings(trygg.audit_many(texts, as_of=AS_OF, progress=False).findings_frame())
    pd.testing.assert_frame_equal(as_strings(rows), expected)
    assert sorted(set(rows["organisation"])) == ["text-0001", "text-0002", "text-0003", "text-0004"]
