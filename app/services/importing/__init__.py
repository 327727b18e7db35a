"""Importing purchased phone lists: readers, column mapping, the import pipeline, reports."""
