"""Tools for developers, never run by a serving process: the demo company and writing
migrations after a models change."""
