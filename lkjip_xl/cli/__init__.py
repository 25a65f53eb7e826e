"""The `lkjip-xl` command: a thin click layer over the library.

Each subcommand lives in its own module (`lkjip_xl/cli/<name>.py`, a click command named
`command`) and is imported only when it runs, so `lkjip-xl --help` stays fast. Every command
parses, calls one library function, renders, and exits with the report's code:
0 clean, 1 error findings, 2 usage, 3 input unreadable.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from lkjip_xl import __version__

COMMANDS: dict[str, str] = {
    "new": "Buat workbook LKjIP baru (kosong atau dari data YAML/JSON) / create a workbook",
    "verify": "Periksa setiap rumus dan isian workbook (untuk auditor) / verify a workbook",
    "measure": "Tulis sheet Pengukuran Kinerja dan tabel Bab III ke file baru / measure",
    "export": "Ekspor workbook ke YAML/JSON beserta pengukuran / export to the data format",
    "rekap": "Rekap (konsolidasi) banyak instansi dalam satu workbook / consolidate agencies",
    "laporan": "Buat dokumen LKjIP (.docx/.pdf) dari workbook / write the LKjIP document",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [n for n in COMMANDS if importlib.util.find_spec(f"lkjip_xl.cli.{n}")]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not importlib.util.find_spec(f"lkjip_xl.cli.{name}"):
            return None
        module = importlib.import_module(f"lkjip_xl.cli.{name}")
        cmd: click.Command = module.command
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(n, COMMANDS[n]) for n in self.list_commands(ctx)]  # no import just for help
        if rows:
            with formatter.section("Perintah / Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lkjip-xl")
@click.option("--lang", type=click.Choice(["id", "en"], case_sensitive=False), default="id",
              show_default=True,
              envvar="LKJIP_XL_LANG", help="Bahasa pesan / language of messages.")
@click.option("--debug", is_flag=True, help="Tampilkan traceback bila galat / show tracebacks.")
@click.option("--max-sel", "max_cells", type=click.IntRange(1000, 50_000_000),
              envvar="LKJIP_XL_MAX_CELLS",
              help="Batas jumlah sel yang dibaca per workbook (bawaan 500.000) / cell cap.")
@click.option("--batas-waktu", "timeout_s", type=click.FloatRange(1, 3600),
              envvar="LKJIP_XL_TIMEOUT",
              help="Batas waktu membaca satu workbook, detik (bawaan 8) / read time budget (s).")
@click.pass_context
def main(ctx: click.Context, lang: str, debug: bool, max_cells: int | None,
         timeout_s: float | None) -> None:
    """lkjip-xl: workbook Excel untuk SAKIP / LKjIP instansi pemerintah.

    Generate, verify and measure the performance workbooks (Renstra, IKU, RKT, PK, Rencana Aksi,
    realisasi, Pengukuran Kinerja) that agencies fill in Excel or LibreOffice.

    \b
    Contoh / examples:
      lkjip-xl new --data samples/denpasar_2019.yaml -o lkjip-2019.xlsx
      lkjip-xl verify lkjip-2019.xlsx
      lkjip-xl measure lkjip-2019.xlsx -o lkjip-2019-terukur.xlsx
      lkjip-xl export lkjip-2019.xlsx --format yaml
    """
    if max_cells is not None or timeout_s is not None:
        from lkjip_xl.xlsx.guard import configure

        configure(max_cells=max_cells, timeout_s=timeout_s)
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang.lower()
    ctx.obj["debug"] = debug


def run_main(argv: list[str] | None = None) -> int:
    """Entry point: every error a user can cause becomes one line and an exit code."""
    from lkjip_xl.catalogue.lines import level, line
    from lkjip_xl.core.errors import LkjipError

    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    lang = "en" if _lang_en(argv) else "id"
    try:
        rv = main.main(args=argv, prog_name="lkjip-xl", standalone_mode=False)
        return rv if isinstance(rv, int) else 0
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.Abort:
        click.echo(line("aborted", lang), err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except LkjipError as exc:
        if debug:
            raise
        click.echo(f"{level('error', lang)}: {exc.message(lang)}", err=True)
        return exc.exit_code
    except MemoryError:
        click.echo(line("error.memory", lang), err=True)
        return 3
    except Exception as exc:  # never a traceback for users; --debug shows it
        if debug:
            raise
        click.echo(line("error.internal", lang, error=f"{type(exc).__name__}: {exc}"), err=True)
        return 3


def _lang_en(argv: list[str] | None) -> bool:
    import os

    args = argv if argv is not None else sys.argv[1:]
    if "--lang" in args:
        i = args.index("--lang")
        return i + 1 < len(args) and args[i + 1].lower() == "en"
    return ("--lang=en" in [a.lower() for a in args]
            or os.environ.get("LKJIP_XL_LANG", "").lower() == "en")


def lang_of(ctx: click.Context) -> str:
    obj: dict[str, Any] = ctx.find_root().obj or {}
    return str(obj.get("lang", "id"))


# a workbook this big (about 1,500 rows) takes seconds to export or report on: worth a
# progress line on a terminal; smaller ones finish before a bar would be read
LARGE_BYTES = 1_000_000


def large(path: Any) -> bool:
    import os

    try:
        return os.path.getsize(path) >= LARGE_BYTES
    except OSError:  # the command's own check names a missing file
        return False


def entry() -> None:
    sys.exit(run_main())


__all__ = ["main", "run_main", "entry", "lang_of", "large"]
