"""``python -m qualcode`` runs the command line."""

import sys

from qualcode.cli import main

sys.exit(main())
