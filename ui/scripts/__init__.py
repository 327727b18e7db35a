"""The organiser's screens for conversation scripts: list, editor, preview."""
