"""chartergen: validate, audit and publish social-media charters kept as YAML in git."""

__version__ = "0.1.0"
