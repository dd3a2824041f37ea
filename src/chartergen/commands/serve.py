"""chartergen serve: the policy site on a local web server, rebuilt when a charter changes."""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence

import click

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
def serve(paths: Sequence[str], config_file: str | None, dev_addr: str,
          open_in_browser: bool, today: str | None, public: bool) -> None:
    """Serve the policy site locally and rebuild it when a charter changes.

    Same configuration as 'chartergen build': for PATHS, the default site
    settings; without PATHS, ./mkdocs.yml (or --config-file) when there is one,
    else charters/. While a charter is invalid, its pages list its problems.
    Stop with Ctrl+C.
    """
    from mkdocs import exceptions
    from mkdocs.commands.serve import serve as mkdocs_serve

    from chartergen.commands.build import load, parse_today, setup_logging, site_config
    from chartergen.errors import abort_reason

    parse_today(today)  # a clear message before MkDocs starts
    setup_logging(quiet=False)
    if today:
        # MkDocs reloads the configuration on every rebuild; the plugin reads this then.
        os.environ["CHARTERGEN_TODAY"] = today
    if public:
        os.environ["CHARTERGEN_PUBLIC"] = "1"
    with site_config(paths, config_file) as config_path:
        load(config_path, None)  # a clear message if the plugin is missing
        try:
            mkdocs_serve(config_file=str(config_path), livereload=True, dev_addr=dev_addr,
                         open_in_browser=open_in_browser)
        except exceptions.Abort as exc:
            raise ChartergenError(
                f"the site could not be served ({abort_reason(exc)})") from None
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
                raise
            from chartergen.messages import Msg

            raise ChartergenError(Msg(
                "the site could not be served at {address} ({reason}); stop what uses it or "
                "choose another address with --dev-addr HOST:PORT", address=dev_addr,
                reason=str(exc.strerror))) from None
