"""The README documents every command with an example, and the two set-up commands come first."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from claimtrack.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_an_example_in_the_readme() -> None:
    missing = [name for name in command_names() if not re.search(rf"\bclaimtrack {name}\b", README)]
    assert not missing, f"commands without an example in README.md: {missing}"


def test_every_command_has_a_docstring_example() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help and "Example:" in command.help, name


def test_the_two_setup_commands_come_first() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, flags=re.DOTALL)
    assert blocks[0].strip().splitlines() == ["make demo", "make test"]
