"""Who is calling and what they may see: every permission of the service is decided here."""
