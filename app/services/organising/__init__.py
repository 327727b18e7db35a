"""Organising between the evenings (issue 16)."""
