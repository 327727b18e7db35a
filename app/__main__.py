"""`python -m app`: the command line without the window, so it never loads Qt (a server, a
script). With no command, or `call`, it says to run `ringkvall` (ui.launcher) instead."""

import sys

from app.cli.main import main

sys.exit(main())
