"""An in-tree PEP 517 build backend for fasthash, standard library only.

It compiles the one C file with the interpreter's own compiler settings (sysconfig) and packs a wheel. No
setuptools: with `requires = []` pip builds this package without reaching any package index.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shlex
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "fasthash"


def _project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def _dist_name() -> str:
    p = _project()
    return f"{p['name']}-{p['version']}"


def _metadata() -> str:
    p = _project()
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {p['name']}\n"
        f"Version: {p['version']}\n"
        f"Summary: {p['description']}\n"
        f"License: {p['license']}\n"
        f"Requires-Python: {p['requires-python']}\n"
    )


def _tag() -> str:
    interpreter = f"cp{sys.version_info.major}{sys.version_info.minor}"
    abi = interpreter + getattr(sys, "abiflags", "")
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{interpreter}-{abi}-{platform}"


def _wheel_file() -> str:
    return f"Wheel-Version: 1.0\nGenerator: fasthash_build\nRoot-Is-Purelib: false\nTag: {_tag()}\n"


def _compile(out_dir: Path) -> Path:
    source = ROOT / PACKAGE / "_fasthash.c"
    target = out_dir / f"_fasthash{sysconfig.get_config_var('EXT_SUFFIX')}"
    paths = sysconfig.get_paths()
    compiler = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    command = [
        *compiler,
        "-shared",
        "-fPIC",
        "-O2",
        "-Wall",
        f"-I{paths['include']}",
        f"-I{paths['platinclude']}",
        str(source),
        "-o",
        str(target),
    ]
    print(" ".join(command), flush=True)
    try:
        subprocess.run(command, check=True)
    except FileNotFoundError:
        raise SystemExit(
            f"fasthash: no C compiler ({compiler[0]}): install one (Debian: apt-get install build-essential)"
        ) from None
    return target


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


# PEP 517 hooks


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info = Path(metadata_directory) / f"{_dist_name()}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(_metadata())
    (dist_info / "WHEEL").write_text(_wheel_file())
    return dist_info.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    dist_info = f"{_dist_name()}.dist-info"
    wheel_name = f"{_dist_name()}-{_tag()}.whl"
    with tempfile.TemporaryDirectory() as build_dir:
        extension = _compile(Path(build_dir))
        files = {
            f"{PACKAGE}/__init__.py": (ROOT / PACKAGE / "__init__.py").read_bytes(),
            f"{PACKAGE}/{extension.name}": extension.read_bytes(),
            f"{dist_info}/METADATA": _metadata().encode(),
            f"{dist_info}/WHEEL": _wheel_file().encode(),
        }
    record = [_record_line(name, data) for name, data in files.items()] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    with zipfile.ZipFile(Path(wheel_directory) / wheel_name, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if name.endswith(".so") else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    base = _dist_name()
    members = ["pyproject.toml", "build_backend/fasthash_build.py", f"{PACKAGE}/__init__.py", f"{PACKAGE}/_fasthash.c"]
    with tarfile.open(Path(sdist_directory) / f"{base}.tar.gz", "w:gz") as sdist:
        for member in members:
            sdist.add(ROOT / member, arcname=f"{base}/{member}")
        pkg_info = _metadata().encode()
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        sdist.addfile(info, io.BytesIO(pkg_info))
    return f"{base}.tar.gz"
