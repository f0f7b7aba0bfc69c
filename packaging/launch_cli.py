"""The frozen application's command line (``amanat``): the same as the ``amanat`` command."""

import sys

from amanat.cli import main

sys.exit(main())
