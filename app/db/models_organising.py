"""Tables for organising between the evenings (issue 16): calling evenings and sign-ups, and
the organiser's inbox.

Kept apart from app/db/models.py so that file stays about calling itself; imported from there,
so every table is on Base.metadata wherever the models are."""

from __future__ import annotations
