"""Command line: ``python -m bot directory …``, ``db upgrade``, ``purge``, ``staff …``, ``web serve``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import List, Optional

from bot.settings import Settings, load_settings


def _directory_validate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.directory import read_directory
    from bot.entitlements import EntitlementsError, read_entitlements
    from bot.schema import DirectoryError

    data_dir = Path(args.data_dir) if args.data_dir else settings.data_dir
    try:
        directory = read_directory(data_dir / "services.yaml")
    except DirectoryError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{data_dir / 'services.yaml'}: OK, {len(directory.services)} services.")
    entitlements_file = data_dir / "entitlements.yaml"
    if not entitlements_file.is_file():
        print(f"{entitlements_file}: not there (optional): topic answers use the general texts only.")
        return 0
    try:
        entitlements = read_entitlements(entitlements_file, directory.city["languages"])
    except EntitlementsError as error:
        print(error, file=sys.stderr)
        return 1
    variations = sum(len(entry.by_status) for entry in entitlements.values())
    print(f"{entitlements_file}: OK, {len(entitlements)} topics, {variations} answers by residence status.")
    return 0


def _directory_load(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db import make_engine
    from bot.directory import read_directory, store_directory
    from bot.schema import DirectoryError

    try:
        directory = read_directory(settings.services_file)
    except DirectoryError as error:
        print(error, file=sys.stderr)
        print("Nothing was loaded; the running assistant keeps the previous directory.", file=sys.stderr)
        return 1
    store_directory(make_engine(settings.database_url), directory)
    print(f"Loaded {len(directory.services)} services from {settings.services_file}.")
    return 0


def _directory_export_hsds(settings: Settings, args: argparse.Namespace) -> int:
    from bot.directory import read_directory
    from bot.hsds import export_hsds
    from bot.schema import DirectoryError

    try:
        directory = read_directory(settings.services_file)
    except DirectoryError as error:
        print(error, file=sys.stderr)
        return 1
    counts = export_hsds(directory, Path(args.folder))
    print(f"Wrote HSDS 3.0 files to {args.folder}: " + ", ".join(f"{count} {name}" for name, count in counts.items()))
    return 0


def _directory_import_hsds(settings: Settings, args: argparse.Namespace) -> int:
    import yaml

    from bot.hsds import HsdsError, import_hsds, service_to_yaml
    from bot.schema import DirectoryError, read_yaml

    try:
        current = read_yaml(settings.services_file)
    except DirectoryError as error:
        print(error, file=sys.stderr)
        return 1
    city = current.get("city") if isinstance(current, dict) else None
    if not isinstance(city, dict):
        print(f"{settings.services_file}: no 'city:' block to keep; nothing was written.", file=sys.stderr)
        return 1
    try:
        directory = import_hsds(Path(args.folder), city)
    except HsdsError as error:
        print(error, file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else settings.services_file
    document = {"city": directory.city, "services": [service_to_yaml(service) for service in directory.services]}
    text = f"# Imported from the HSDS folder {args.folder} (python -m bot directory import-hsds).\n"
    text += yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)
    temporary = out.with_name(out.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(out)  # never a half-written services.yaml
    print(f"Wrote {len(directory.services)} services to {out}.")
    return 0


def _db_upgrade(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db import make_engine
    from bot.migrate import current_revision, upgrade

    engine = make_engine(settings.database_url)
    upgrade(engine)
    print(f"Database schema at revision {current_revision(engine)}.")
    return 0


def _purge(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import date

    from bot.db import make_engine
    from bot.migrate import upgrade
    from bot.retention import cutoffs, purge

    today = date.fromisoformat(args.today) if args.today else date.today()
    engine = make_engine(settings.database_url)
    upgrade(engine)
    deleted = purge(engine, settings, today)
    limits = cutoffs(settings, today)
    for table, count in deleted.items():
        print(f"{table}: deleted {count} from before {limits[table]}")
    return 0


def _read_password(stdin=None) -> str:
    """From the terminal (asked twice, not echoed) or the first line of standard input."""
    import getpass

    stream = stdin or sys.stdin
    if stream.isatty():
        first = getpass.getpass("Password (at least 12 characters): ")
        if getpass.getpass("Same password again: ") != first:
            raise ValueError("The two passwords differ.")
        return first
    return stream.readline().rstrip("\r\n")


def _staff(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from bot.db import make_engine
    from bot.migrate import upgrade
    from bot.staff import accounts

    engine = make_engine(settings.database_url)
    upgrade(engine)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        if args.command == "list":
            for account in accounts.list_users(engine):
                print(f"{account.username}\t{account.role}\t{'active' if account.active else 'disabled'}")
            return 0
        if args.command == "add":
            account = accounts.add_user(engine, args.username, _read_password(), args.role, now)
        elif args.command == "reset-password":
            account = accounts.set_password(engine, args.username, _read_password(), now)
        else:
            account = accounts.set_active(engine, args.username, args.command == "enable")
    except ValueError as error:  # AccountError, or passwords that differ
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(f"{args.command}: {account.username} ({account.role}, {'active' if account.active else 'disabled'})")
    return 0


def _web_serve(settings: Settings, args: argparse.Namespace) -> int:
    import waitress

    from bot.runtime import build_runtime
    from bot.web import create_app

    runtime = build_runtime(settings)
    app = create_app(settings, runtime.directory().city, runtime.translator, runtime)
    print(f"Web app on http://{settings.web_host}:{settings.web_port}/")
    waitress.serve(app, host=settings.web_host, port=settings.web_port, threads=8, ident="openwelcome")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all groups and commands."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="OpenWelcome command line.")
    groups = parser.add_subparsers(dest="group", required=True, metavar="GROUP")

    directory = groups.add_parser("directory", help="Service directory (data/services.yaml).")
    commands = directory.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate", help="Check services.yaml and entitlements.yaml; exit code 1 on any problem."
    )
    validate.add_argument("data_dir", nargs="?", help="Folder holding the two files (default: data/).")
    validate.set_defaults(handler=_directory_validate)
    for name, text in (("load", "Validate and load into the database (DATABASE_URL)."), ("reload", "Same as load.")):
        commands.add_parser(name, help=text).set_defaults(handler=_directory_load)
    export = commands.add_parser("export-hsds", help="Write the directory as Open Referral HSDS 3.0 JSON files.")
    export.add_argument("folder", help="Folder for the JSON files (created if needed).")
    export.set_defaults(handler=_directory_export_hsds)
    imported = commands.add_parser(
        "import-hsds", help="Read HSDS 3.0 JSON files into services.yaml (keeps the city block)."
    )
    imported.add_argument("folder", help="Folder holding service.json and the other tables.")
    imported.add_argument("--out", help="File to write (default: the data folder's services.yaml).")
    imported.set_defaults(handler=_directory_import_hsds)

    db = groups.add_parser("db", help="The app database (DATABASE_URL).")
    db_commands = db.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db_commands.add_parser("upgrade", help="Apply the migrations (Alembic) up to the latest.").set_defaults(
        handler=_db_upgrade
    )

    purge = groups.add_parser(
        "purge",
        help="Delete feedback and reports past their retention period (run daily).",
        description="Deletes answer ratings and service feedback older than FEEDBACK_RETENTION_MONTHS "
        "and reports older than REPORT_RETENTION_MONTHS (whole months after the month sent).",
    )
    purge.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD), for testing a schedule.")
    purge.set_defaults(handler=_purge)

    staff = groups.add_parser(
        "staff",
        help="Staff console accounts. Passwords are read from the terminal or standard input, never the command line.",
    )
    staff_commands = staff.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = staff_commands.add_parser("add", help="Create an account (asks for the password).")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=["reviewer", "admin"])
    for name, text in (
        ("reset-password", "Set a new password (asks for it); signs the person out everywhere."),
        ("disable", "Disable an account (signed out at the next request)."),
        ("enable", "Enable a disabled account."),
    ):
        staff_commands.add_parser(name, help=text).add_argument("username")
    staff_commands.add_parser("list", help="List the accounts.")
    staff.set_defaults(handler=_staff)

    web = groups.add_parser("web", help="Demo city page with the chat widget.")
    web_commands = web.add_subparsers(dest="command", required=True, metavar="COMMAND")
    web_commands.add_parser("serve", help="Serve on WEB_HOST:WEB_PORT (default 127.0.0.1:8000).").set_defaults(
        handler=_web_serve
    )
    return parser


def main(argv: Optional[List[str]] = None, settings: Optional[Settings] = None) -> int:
    """Runs one command; returns the exit code."""
    args = build_parser().parse_args(argv)
    settings = settings or load_settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return args.handler(settings, args)
