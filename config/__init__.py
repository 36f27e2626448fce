"""The bottom layer: settings read from the environment and the parsers of the URLs they
hold (SMTP, S3). Anyone may import it; it imports nothing of the service."""
