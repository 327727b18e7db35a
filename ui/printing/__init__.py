"""Documents Ringkväll draws with Qt for printing (PDF)."""
