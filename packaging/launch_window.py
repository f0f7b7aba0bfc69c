"""The frozen application's window (``Amanat``): the same as ``python -m amanat.gui``."""

import sys

from amanat.gui.app import main

sys.exit(main())
