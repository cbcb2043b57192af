"""Validators in python-stdnum's shape (compact / validate / is_valid / format) for Dutch numbers
that stdnum has no module for. `validate` raises stdnum's typed errors; `is_valid` never raises."""
