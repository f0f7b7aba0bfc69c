"""``amanat``: the archive from the command line, for scripts, tests and power users.

``program`` builds the parser and runs a command; ``shared`` holds what every command needs
(unlocking, passwords, JSON or text, Ctrl-C); each other module is one group of commands,
its options declared beside the functions that carry them out (which call ``amanat.app``).
"""

from amanat.cli.program import main

__all__ = ["main"]
