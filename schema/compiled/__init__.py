"""Reads compiled to one SQL statement: a query document of the compiled subset
(`plan.py`) becomes one PostgreSQL statement that returns the response's JSON (`sql.py`), run
in place of the executor (`run.py`); anything else goes the ordinary way."""
