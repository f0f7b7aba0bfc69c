"""``python -m amanat.cli``: the same as the ``amanat`` command."""

import sys

from amanat.cli.program import main

sys.exit(main())
