"""The calling screen: a volunteer's whole evening, keyboard-first."""
