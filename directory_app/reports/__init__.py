"""Gap reports for commissioners: where to fund or grow provision.

``areas`` (the geographies), ``service`` (the domain functions every page, export and command
calls), ``charts`` (SVG geometry), ``export`` (CSV/JSON), ``views`` (blueprint ``bp``) and
``cli`` (``flask report gaps``).
"""
from .pages import bp

__all__ = ["bp"]
