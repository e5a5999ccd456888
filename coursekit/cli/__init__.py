"""The `course` command line: `main.py` is the entry point, each other module is one subcommand.

`coursekit.cli:main` is kept as an alias of `coursekit.cli.main:main` for console scripts installed before the move.
"""

from coursekit.cli.main import main

__all__ = ["main"]
