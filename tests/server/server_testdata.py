"""Fictitious test data shared by the server tests (the name and number exist only here)."""
FICTITIOUS_NAME = "Sanne Bakkerveld"
FICTITIOUS_PHONE = "06-12345678"
POST_NL = (f"Dit is jeugdbeschermer {FICTITIOUS_NAME} van Jeugdbescherming Rotterdam. Ze woont op "
           f"Kerkstraat 12a, 3012 AB Rotterdam, bel haar op {FICTITIOUS_PHONE}. We weten waar je woont.")
