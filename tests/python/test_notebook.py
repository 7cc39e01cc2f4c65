"""examples/notebooks/audit-many.ipynb runs from top to bottom without an error: it
generates a few hundred organisations, audits them with trygg.audit_many and plots the
frames (issue 15). Executed in a real kernel with nbclient.

nbclient, ipykernel and matplotlib are optional; with TRYGG_REQUIRE_SCALING set
(scripts/test.sh) they must be installed."""

from __future__ import annotations

import base64
import os

import pytest

from conftest import ROOT

if os.environ.get("TRYGG_REQUIRE_SCALING"):
    import ipykernel  # noqa: F401
    import matplotlib  # noqa: F401
    import nbclient
    import nbformat
else:
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")

NOTEBOOK = ROOT / "examples" / "notebooks" / "audit-many.ipynb"

# The kernel's own start-up (jupyter_client, zmq) may warn; those are not the notebook's errors.
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]


def test_notebook_runs_and_shows_its_frames_and_plots():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first cell that fails

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "300 organisations audited, 0 failed" in text
    # Both plots were drawn, and are real images.
    images = [o.data["image/png"] for o in outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert len(images) == 2
    assert all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)
    # The frames were shown as tables.
    html = [o.data["text/html"] for o in outputs if o.output_type in ("execute_result", "display_data")
            and "text/html" in o.data]
    assert sum("size_band" in h for h in html) >= 3
