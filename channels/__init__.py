"""Channel adapters: how messages come in from e-mail, Telegram and the website chat, and how
replies go out on the channel they came from (see channels/base.py for how one plugs in)."""
