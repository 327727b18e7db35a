"""Calling packs: people handed to a volunteer's laptop as an encrypted file, called without a
server, and their calls merged back (issue 13; docs/packs.md).

create.py makes a pack (organiser), laptop.py opens and returns one (volunteer), merge.py
merges returned results, manage.py lists and revokes; files.py and crypto.py are the file."""

from app.domain.status import ContactStatus

# A person handed out in an open pack. Not 'open', so the queue's partial index
# (ix_contact_queue, WHERE status = 'open') never offers them on the organiser's database.
PACKED = ContactStatus.PACKED.value

# Call.flag of a call merged from a revoked or an expired pack, for the organiser to review.
FLAG_REVOKED = "revoked"
FLAG_EXPIRED = "expired"
PACK_FLAGS = (FLAG_REVOKED, FLAG_EXPIRED)
