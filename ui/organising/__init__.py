"""Organising between the evenings (issue 16): the evening planner, the inbox, corrections to
calls and the district's review of local plans."""
