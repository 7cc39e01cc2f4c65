"""examples/scaling/dask_audit.py: a Dask cluster of two worker processes audits the files
of its partitions with trygg.audit_many, and the gathered ReportSet is the one audit_many
gives in this process (issue 15).

Dask is optional; with TRYGG_REQUIRE_SCALING set (scripts/test.sh) it must be installed."""

from __future__ import annotations

import os
import sys

import pytest

from conftest import AS_OF, ROOT

if os.environ.get("TRYGG_REQUIRE_SCALING"):
    import dask.bag  # noqa: F401
    import dask.distributed  # noqa: F401
    import pandas as pd
else:
    pytest.importorskip("dask.bag")
    pytest.importorskip("dask.distributed")
    pd = pytest.importorskip("pandas")

import trygg  # noqa: E402

# Dask's comms leave sockets to the garbage collector when a cluster closes.
pytestmark = [pytest.mark.filterwarnings("ignore:unclosed <socket:ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

sys.path.insert(0, str(ROOT / "examples" / "scaling"))
import dask_audit  # noqa: E402
from sample_organisations import write_copies  # noqa: E402


@pytest.fixture(scope="module")
def cluster_client(tmp_path_factory):
    from dask.distributed import Client

    cluster = dask_audit.local_cluster(2, local_directory=str(tmp_path_factory.mktemp("dask")),
                                       memory_limit="1GiB", silence_logs=40)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_gathers_the_set_audit_many_gives(tmp_path, cluster_client):
    paths = write_copies(tmp_path, 22, broken=1)
    assert len(paths) == 23

    gathered = dask_audit.audit_with_dask(paths, client=cluster_client, npartitions=5, as_of=AS_OF)
    local = trygg.audit_many(paths, as_of=AS_OF, progress=False)

    assert isinstance(gathered, trygg.ReportSet)
    assert len(gathered) == len(local) == 22
    assert gathered.ids == local.ids == [f"sample-{i:04d}" for i in range(1, 23)]
    # Every partition ran in a worker process, not here.
    assert len(cluster_client.scheduler_info()["workers"]) == 2

    pd.testing.assert_frame_equal(gathered.findings_frame(), local.findings_frame())
    pd.testing.assert_frame_equal(gathered.scores_frame(by="area"), local.scores_frame(by="area"))
    assert len(gathered.findings_frame()) > 22  # the examples have findings

    broken = [os.fspath(p) for p in paths if "broken" in p.name]
    assert [f.source for f in gathered.failures] == [f.source for f in local.failures] == broken
    (failure,) = gathered.failures
    assert isinstance(failure.error, trygg.LoadError)
    assert str(failure.error) == str(local.failures[0].error)

    # A report that came back from a worker is a whole report.
    assert gathered["sample-0002"].to_json() == local["sample-0002"].to_json()


def test_dask_raises_the_first_failure_with_errors_raise(tmp_path, cluster_client):
    paths = write_copies(tmp_path, 4, broken=1)
    with pytest.raises(trygg.LoadError):
        dask_audit.audit_with_dask(paths, client=cluster_client, npartitions=2, as_of=AS_OF, errors="raise")


def test_dask_script_runs_on_its_own_cluster(tmp_path):
    paths = write_copies(tmp_path / "orgs", 3)
    out = tmp_path / "findings.csv"
    assert dask_audit.main([*map(str, paths), "--as-of", AS_OF, "--workers", "2", "--out", str(out)]) == 0
    written = pd.read_csv(out)
    assert sorted(written["organisation"].unique()) == ["sample-0001", "sample-0002", "sample-0003"]
