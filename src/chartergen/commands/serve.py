"""chartergen serve: the policy site on a local web server, rebuilt when a charter changes."""

from __future__ import annotations

import errno
from collections.abc import Sequence

import click

from chartergen.commands.build import ENGINE_OPTION
from chartergen.errors import ChartergenError


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--config-file", type=click.Path(dir_okay=False),
              help="MkDocs configuration (default: ./mkdocs.yml if there is one).")
@click.option("-a", "--dev-addr", metavar="IP:PORT", default="127.0.0.1:8000", show_default=True,
              help="Address to serve the site on.")
@click.option("--open", "open_in_browser", is_flag=True, help="Open the site in a browser.")
@click.option("--today", metavar="YYYY-MM-DD",
              help="Date for the audit and overdue reviews (default: today).")
@click.option("--public", is_flag=True,
              help="Serve the version to publish: no personal data, no internal parts, no "
              "audit (as 'chartergen build --public').")
@ENGINE_OPTION
def serve(paths: Sequence[str], config_file: str | None, dev_addr: str,
          open_in_browser: bool, today: str | None, public: bool, engine: str | None) -> None:
    """Serve the policy site locally and rebuild it when a charter changes.

    Same configuration as 'chartergen build': for PATHS, the default site
    settings; without PATHS, ./mkdocs.yml (or --config-file) when there is one,
    else charters/. While a charter is invalid, its pages list its problems.
    Stop with Ctrl+C.
    """
    from chartergen.commands.build import load_engine, parse_today, site_config
    from chartergen.engines import BuildRequest

    parse_today(today)  # a clear message before the engine starts
    with site_config(paths, config_file) as config_path:
        adapter = load_engine(engine, config_path)
        try:
            adapter.serve(BuildRequest(config_path, today=today, public=public),
                          dev_addr=dev_addr, open_in_browser=open_in_browser)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
                raise
            from chartergen.messages import Msg

            raise ChartergenError(Msg(
                "the site could not be served at {address} ({reason}); stop what uses it or "
                "choose another address with --dev-addr HOST:PORT", address=dev_addr,
                reason=str(exc.strerror))) from None
