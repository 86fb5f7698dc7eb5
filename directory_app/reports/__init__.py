"""Gap reports for commissioners: where to fund or grow provision.

``areas`` (the geographies of a region), ``national`` (the England and GB tables they come from), ``service`` (the domain functions every page, export and command
calls), ``charts`` (SVG geometry), ``export`` (CSV/JSON), ``pages`` (blueprint ``bp``) and
``cli`` (``flask report gaps``). The app imports ``pages`` itself, so the domain modules here
load without the pages.
"""
