"""`python -m claimtrack`: the same as the `claimtrack` command."""

from claimtrack.cli import main

main()
