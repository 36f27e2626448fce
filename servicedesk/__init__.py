"""The app, the top layer: `app.py` (create_app and its one lifespan) and `cli.py` here, the
rest by job in `http/`, `transport/`, `workers/` and `devtools/`. Settings are config/'s."""
