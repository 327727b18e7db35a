"""Tables for organising between the evenings (issue 16): calling evenings and sign-ups, the
organiser's inbox, corrected calls' earlier versions, and local plans under district review.

Kept apart from app/db/models.py so that file stays about calling itself; imported from there,
so every table is on Base.metadata wherever the models are."""

from __future__ import annotations
