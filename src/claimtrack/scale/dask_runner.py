"""Run the map step (`shards.extract_shard`) over many shards on Dask.

Needs the `dask` extra: `pip install 'claimtrack[dask]'`. Dask is imported when called.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.errors import UsageError
from claimtrack.scale.shards import ShardResult, extract_shard


def run(
    shards: Sequence[str],
    out_dir: str,
    *,
    address: str | None = None,
    scheduler: str | None = None,
) -> list[ShardResult]:
    """Extract every shard into `out_dir`, one Dask task per shard; return their results.

    `address` is a running scheduler (`tcp://host:8786`); without it `scheduler` picks a local
    one: "processes" (default), "threads" or "synchronous".
    """
    try:
        import dask
    except ImportError:
        raise UsageError("running on Dask needs it: pip install 'claimtrack[dask]'") from None
    tasks = [dask.delayed(extract_shard, pure=False)(s, out_dir) for s in shards]
    if address:
        from distributed import Client

        with Client(address):
            return list(dask.compute(*tasks))
    return list(dask.compute(*tasks, scheduler=scheduler or "processes"))
