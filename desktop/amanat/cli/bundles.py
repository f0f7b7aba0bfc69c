"""``amanat export``, ``verify-bundle`` and ``import-bundle``: encrypted, signed bundles for
advocates, written with the plan of what leaves, and checked before anything is imported."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from amanat.cli.shared import (
    Commands,
    ProgressBar,
    date_option,
    first_line,
    interruptible,
    show,
    unlocked,
    warn,
)

if TYPE_CHECKING:  # the bundle modules load the cryptography: only when a command needs them
    from amanat.core.bundle.export import ExportPlan
    from amanat.core.bundle.importer import BundleReport


def declare(commands: Commands) -> None:
    export_bundle = commands.command(
        "export",
        write_bundle,
        "write an encrypted, signed bundle for advocates; shows what leaves and what is held back",
    )
    export_bundle.add_argument("--person", metavar="ID", help="documents concerning this person")
    export_bundle.add_argument("--doc", action="append", metavar="ID", help="(repeatable)")
    export_bundle.add_argument("--tag", metavar="NAME", help="documents with this tag")
    export_bundle.add_argument("--since", metavar="DATE")
    export_bundle.add_argument("--until", metavar="DATE")
    to = export_bundle.add_mutually_exclusive_group()
    to.add_argument(
        "--recipient", action="append", metavar="AGE1KEY", help="a public key (repeatable)"
    )
    to.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="encrypt with the passphrase in FILE (default: make a strong one and print it)",
    )
    export_bundle.add_argument(
        "--keep-metadata",
        action="store_true",
        help="send the original files byte for byte, with GPS, camera and names in them",
    )
    export_bundle.add_argument("--no-annotations", action="store_true")
    export_bundle.add_argument("--no-events", action="store_true")
    export_bundle.add_argument("--audit", action="store_true", help="include their audit entries")
    export_bundle.add_argument(
        "--audience",
        choices=["legal-team", "advocates", "public"],
        default="advocates",
        help="who the recipients are; testimony consented to a narrower circle stays home",
    )
    export_bundle.add_argument(
        "--reader-language",
        choices=("en", "fa"),
        default="en",
        help="the language the reader inside the bundle (index.html) opens in; fa is Persian "
        "with Jalali dates (default: en)",
    )
    export_bundle.add_argument("--dry-run", action="store_true", help="only show what would leave")
    export_bundle.add_argument("-o", "--output", required=True, metavar="FILE")

    for name, handler, help in (
        ("verify-bundle", verify_bundle, "check a bundle completely without importing it"),
        ("import-bundle", import_bundle, "verify a bundle and import it in one step"),
    ):
        bundle = commands.command(name, handler, help)
        bundle.add_argument("file", metavar="FILE")
        way = bundle.add_mutually_exclusive_group()
        way.add_argument(
            "--identity",
            action="store_true",
            help="open it with this archive's own key (the default)",
        )
        way.add_argument("--passphrase-file", metavar="FILE")
        if name == "import-bundle":
            bundle.add_argument(
                "--accept-signer",
                metavar="FINGERPRINT",
                help="import from this signer (as verify-bundle shows and the sender confirms) "
                "even if they are none of your contacts; any other signer is refused",
            )
            bundle.add_argument(
                "--confirm-additions",
                action="store_true",
                help="accept the additions to records already here that verify-bundle lists "
                "(needed unless the signer is a verified contact)",
            )


def write_bundle(args: argparse.Namespace) -> int:
    from amanat.app import bundles
    from amanat.core.bundle.export import ExportOptions, new_passphrase
    from amanat.core.bundle.reader import Language
    from amanat.core.records import Audience

    since = date_option(args.since, None)
    until = date_option(args.until, None)
    passphrase = ""
    generated = False
    if args.recipient:
        send_to = bundles.SendTo(age_recipients=tuple(args.recipient))
    else:
        passphrase = first_line(args.passphrase_file) if args.passphrase_file else ""
        generated = not passphrase
        passphrase = passphrase or new_passphrase()
        send_to = bundles.SendTo(passphrase=passphrase)
    send_to.recipients()  # a mistyped key is refused before the password is asked for
    options = ExportOptions(
        originals=args.keep_metadata,
        annotations=not args.no_annotations,
        events=not args.no_events,
        audit=args.audit,
        audience=Audience(args.audience),
        language=Language(args.reader_language),
    )
    with unlocked(args) as archive:
        scope = bundles.export_scope(
            archive,
            person_id=args.person,
            document_ids=args.doc or (),
            tag_path=args.tag,
            since=since.start if since else None,
            until=until.end if until else None,
        )
        plan = bundles.plan_bundle(archive, scope, options)
        for line in _plan_lines(plan):
            print(line)
        if args.dry_run:
            return 0
        with interruptible() as cancel:
            written = bundles.write(archive, plan, Path(args.output), send_to, cancel=cancel)
    print(f"Wrote the bundle {written.path} ({written.size} bytes).")
    if generated:
        print(f"Passphrase: {passphrase}")
        print("Pass it on separately from the bundle (by phone, on paper), never with it.")
    return 0


def _plan_lines(plan: ExportPlan) -> Iterator[str]:
    yield (
        f"Leaving: {len(plan.documents)} document(s), {len(plan.pages)} page(s) "
        f"({'originals' if plan.options.originals else 'sanitised copies'}), "
        f"{len(plan.texts)} text(s), {len(plan.people)} person(s), {len(plan.events)} event(s), "
        f"{len(plan.annotations)} annotation(s), {len(plan.tags)} tag(s)"
        + (f", {len(plan.audit_entries)} audit entries" if plan.audit_entries else "")
    )
    for document in plan.documents:
        yield f"  {document.id}  {document.title}"
    if plan.redacted_page_ids:
        yield (
            f"Redacted: {len(plan.redacted_page_ids)} page(s) leave as sanitised copies with "
            "their redacted rectangles blacked out"
        )
    if plan.redacted_passages:
        yield f"Redacted: {plan.redacted_passages} passage(s) leave as marks, never the words"
    for replaced in plan.replacements:
        yield f"Replaced: “{replaced.name}” by “{replaced.pseudonym}” in the texts that leave"
    for item in plan.held_back:
        yield f"Held back: {item.record_type} {item.record_id} “{item.label}”: {item.reason}"
    for warning in plan.warnings:
        yield f"Note: {warning}"


def _report_lines(report: BundleReport, verb: str) -> Iterator[str]:
    signer = report.signer
    who = {
        "this-archive": "this archive",
        "verified-contact": f"{signer.contact} (verified contact)",
        "unverified-contact": f"{signer.contact} (contact, fingerprint NOT verified)",
        "unknown": "an UNKNOWN SIGNER, none of your contacts",
    }[signer.trust.value]
    yield f"Signed by {who}; fingerprint {signer.fingerprint}"
    yield f"Made {report.created.isoformat()} by archive {report.sender_archive_id}"
    if report.made_for_someone_else:
        yield (
            "Warning: the signer made this bundle for someone else; it was encrypted again "
            "to you by someone who could open it."
        )
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items() if n)
    yield f"Contents: {counts or 'nothing'}"
    for title in report.titles:
        yield f"  {title}"
    if report.already_imported:
        yield "This bundle was imported before; nothing changes."
        return
    yield (
        f"{verb}: {report.added} new, {report.unchanged} already here, "
        f"{len(report.conflicts)} kept beside a different version here"
    )
    for conflict in report.conflicts:
        yield (
            f"  Conflict: {conflict.record_type} “{conflict.label}” ({conflict.local_id}) differs "
            f"here; theirs is kept as {conflict.imported_id}"
        )
    for addition in report.additions_to_existing:
        yield (
            f"  Adds to a record already here: {addition.record_type} “{addition.label}” "
            f"to {addition.existing_type} “{addition.existing_label}” ({addition.existing_id})"
        )


def _passphrase(args: argparse.Namespace) -> str:
    """The passphrase that opens the bundle; empty: this archive's own key opens it."""
    return first_line(args.passphrase_file) if args.passphrase_file else ""


def verify_bundle(args: argparse.Namespace) -> int:
    from amanat.app import bundles
    from amanat.core.bundle.importer import SignerTrust

    with unlocked(args) as archive:
        report = bundles.verify(archive, Path(args.file), _passphrase(args))
    show(
        args,
        report,
        lambda: [
            "The bundle is whole and its signature matches.",
            *_report_lines(report, "Importing would add"),
        ],
    )
    if report.additions_need_confirming:
        warn(
            f"the bundle adds {len(report.additions_to_existing)} item(s) to records already "
            "here and its signer is not a verified contact; import only with "
            "--confirm-additions once you have checked them."
        )
    if report.signer.trust is SignerTrust.UNKNOWN:
        warn(
            "the bundle is signed by an unknown signer; compare the fingerprint with the "
            f"sender, then import with --accept-signer '{report.signer.fingerprint}'."
        )
        return 1
    return 1 if report.additions_need_confirming else 0


def import_bundle(args: argparse.Namespace) -> int:
    from amanat.app import bundles, previews

    with unlocked(args) as archive:
        report = bundles.import_(
            archive,
            Path(args.file),
            _passphrase(args),
            accepted_signer=args.accept_signer,
            confirmed_additions=args.confirm_additions,
        )
        # The import stored the pages without pictures and committed; their thumbnails and
        # previews are drawn here, after the commit, so the application shows them at once.
        # Ctrl-C stops this part only: the bundle is in, and the window draws the rest.
        bar = ProgressBar("pictures")
        try:
            with interruptible() as cancel:
                previews.make_missing_previews(archive, bar, cancel)
                stopped = cancel()
        finally:
            bar.close()
        left = previews.pictures_left(archive) if stopped else 0
    show(args, report, lambda: _report_lines(report, "Imported"))
    if left:
        # Not a failure: the bundle is in whole, and its pages show with a placeholder.
        print(
            f"amanat: stopped; pages still without a thumbnail or preview: {left}. The"
            " window makes them when it next opens the archive.",
            file=sys.stderr,
        )
    return 0
