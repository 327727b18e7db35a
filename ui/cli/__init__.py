"""Command-line subcommands that draw with Qt (PDF reports). app/cli holds every other one;
these live here because app/ never imports Qt, and ui.launcher hands them to app.cli.main.
Each module has register(subparsers), like app/cli's, and imports Qt only when it runs."""

COMMAND_MODULES: tuple[str, ...] = (
    "ui.cli.cmd_report",
    "ui.cli.cmd_record",
)
