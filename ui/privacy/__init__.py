"""The GDPR screens: retention notices, purging a campaign's personal data, erasing a person."""
