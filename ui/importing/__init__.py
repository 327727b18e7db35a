"""Importing phone lists and keeping the do-not-call list, in the window."""
