"""Past one machine: extraction as a map step over shards, and the records it writes.

`shards.extract_shard` turns one input shard (JSONL, WARC, a folder) into a JSONL file of
self-contained records, each an article with its claims; `claimtrack import-claims` loads those
into a database, deduplicating by content hash. `dask_runner.run` maps `extract_shard` over
many shards on a Dask cluster; any other scheduler (a job array, GNU parallel) can run
`python -m claimtrack.scale --local SHARD --out DIR` per shard instead.
"""
