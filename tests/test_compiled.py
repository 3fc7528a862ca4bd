"""The mypyc build of the numeral engine (setup.py): in step with its source, either way."""

from __future__ import annotations

from claimtrack.extract import numerals, stale_compiled


def test_no_compiled_module_is_older_than_its_source() -> None:
    assert stale_compiled() == []


def test_the_engine_is_all_compiled_or_all_pure() -> None:
    from claimtrack.extract import normalize, numdates, numkinds, numtokens, numwords

    modules = (normalize, numwords, numtokens, numkinds, numdates, numerals)
    assert len({m.__file__.endswith(".py") for m in modules}) == 1
