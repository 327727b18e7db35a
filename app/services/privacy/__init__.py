"""Privacy under the GDPR (issue 14): retention, erasure, access, the audit trail and the
record of processing."""
