"""The bundled program's entry: the same `ringkvall` as the installed one (ui.launcher)."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
