"""`python -m claimtrack.scale SHARD... --out DIR`: the map step, on Dask or in this process."""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    """Run the map step; print one JSON summary per shard; return 1 if an input was skipped."""
    parser = argparse.ArgumentParser(
        prog="python -m claimtrack.scale",
        description="Extract claims from shards (JSONL, WARC, folders) into "
        "DIR/<shard>.claims.jsonl; load them with `claimtrack import-claims`.",
    )
    parser.add_argument("shards", nargs="+", metavar="SHARD")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.add_argument("--address", help="Dask scheduler address, e.g. tcp://host:8786")
    parser.add_argument(
        "--scheduler", default="processes", choices=("processes", "threads", "synchronous")
    )
    parser.add_argument("--local", action="store_true", help="No Dask: one shard after another")
    args = parser.parse_args(argv)

    from claimtrack.errors import ClaimtrackError

    try:
        if args.local:
            from claimtrack.scale.shards import extract_shard

            results = [extract_shard(s, args.out) for s in args.shards]
        else:
            from claimtrack.scale.dask_runner import run

            results = run(args.shards, args.out, address=args.address, scheduler=args.scheduler)
    except ClaimtrackError as e:
        print(f"claimtrack: error: {e}", file=sys.stderr)
        return e.exit_code
    for r in results:
        for problem in r.problems:
            print(f"claimtrack: error: {problem}", file=sys.stderr)
        print(json.dumps(vars(r) | {"problems": len(r.problems)}, ensure_ascii=False))
    return 1 if any(r.skipped for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
