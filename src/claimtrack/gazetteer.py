"""Read a user gazetteer file and merge it over the shipped one (outside the pure core).

The file is TOML in the format of `lang/entities.toml`:

    [entity.hasakah-camps]            # a new entity, or more names for a shipped one
    kind = "camp"                     # camp | prison | org | country | group | place
    names = ["مخيمات الحسكة", "Hasakah camps"]
    members = ["al-hol", "roj"]       # optional: the figure covers all of them

    [generic]
    camp = ["هذا المخيم"]             # more words for "the camp" (the camp named last)

    [cues.ar.detainees]               # more metric cue words, per language and metric
    before = ["الموقوفين"]            # words shortly before the number
    after = ["موقوفا"]                # words shortly after it

Names and cue words are written in ordinary spelling (they are folded on load); a cue ending
in `*` matches any word that begins with it. Entries add to the shipped ones; set
`replace = true` in an entity table to replace its names instead.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from claimtrack.errors import InputError
from claimtrack.extract.entities import Gazetteer, default_gazetteer, gazetteer_from_data

ENV_VAR = "CLAIMTRACK_GAZETTEER"


def load_gazetteer(extra: Path | None) -> Gazetteer:
    """Return the shipped gazetteer, with the user file `extra` merged over it when given."""
    base = default_gazetteer()
    if extra is None:
        return base
    try:
        data = tomllib.loads(extra.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{extra}: gazetteer file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{extra}: cannot read gazetteer ({e})") from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{extra}: not valid TOML ({e})") from None
    _check(data, extra)
    return gazetteer_from_data(data, base)


def _check(data: dict, path: Path) -> None:
    for slug, spec in (data.get("entity") or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("names", []), list):
            raise InputError(f"{path}: [entity.{slug}] needs a list `names = [...]`")
    for lang, table in (data.get("cues") or {}).items():
        if lang not in ("ar", "en") or not isinstance(table, dict):
            raise InputError(
                f"{path}: [cues.{lang}] must be [cues.ar.<metric>] or [cues.en.<metric>]"
            )
