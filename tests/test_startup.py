"""Start-up: `import claimtrack.cli` and a query load only what they use (not timed here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from claimtrack import store

HEAVY = ("rich", "sqlite_utils", "dateutil", "claimtrack.extract", "multiprocessing")


def loaded_after(code: str) -> list[str]:
    """Return which HEAVY modules are in sys.modules after running `code` in a fresh Python."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return out.split()


def test_importing_the_cli_loads_no_heavy_module() -> None:
    assert loaded_after("import claimtrack.cli") == []


def test_a_query_on_an_existing_database_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    store.connect(db, write=True).close()  # created and migrated here, in the test process
    code = (
        "from claimtrack import store\n"
        f"st = store.connect({str(db)!r})\n"
        "list(st.query('SELECT count(*) FROM claims'))"
    )
    assert "sqlite_utils" not in loaded_after(code)
