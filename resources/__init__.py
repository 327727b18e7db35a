"""Bundled data: conversation scripts, translations, icons, practice data."""
