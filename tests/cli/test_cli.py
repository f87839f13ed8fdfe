# SPDX-License-Identifier: GPL-3.0-or-later
# test_cli.py — mops-cli driven the way scripts drive it, checked against shared/cli.md
#
# Run by meson (suite "cli") with MOPS_CLI set to the built executable. Standard library only,
# so /usr/bin/python3 on a fresh Debian runs it.

import atexit
import fcntl
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import unittest

MOPS_CLI = os.environ.get("MOPS_CLI", "mops-cli")

INFO_KEYS = {
    "library": str,
    "schema_version": int,
    "assets": int,
    "tags": int,
    "licences": int,
    "content_items": int,
    "expenses": int,
    "brand_kits": int,
    "people": int,
    "channels": int,
    "campaigns": int,
    "collections": int,
    "fiscal_years": int,
    "subscriptions": int,
    "spend_requests": int,
    "trashed_assets": int,
}

CHECK_KEYS = [
    "ok",
    "schema_version",
    "integrity",
    "missing_files",
    "offline_references",
    "orphan_files",
    "stale_tmp",
    "repaired",
]

# Filled once by DemoTemplate; each test copies it into its own folder.
_demo_template = None


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


# SQLite's own companions of library.db: a read-only connection opens (and may create) them
# to read a WAL database; they are not library content.
SQLITE_COMPANIONS = ("library.db-shm", "library.db-wal")


def tree_snapshot(root):
    """Every entry under @root with its type, size, mtime and (for files) content hash."""
    snapshot = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            if folder == root and name in SQLITE_COMPANIONS:
                continue
            st = os.lstat(path)
            entry = (st.st_mode, st.st_size, st.st_mtime_ns)
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    entry += (hashlib.sha256(f.read()).hexdigest(),)
            snapshot[os.path.relpath(path, root)] = entry
    return snapshot


def jpeg_with_rights(xmp=None, iptc=()):
    """A small JPEG carrying rights metadata the way stock agencies deliver photos: an XMP packet
    (APP1) and IPTC-IIM records (APP13, Photoshop 3.0 resource 0x0404). @iptc holds
    (record, dataset, bytes) triples; the character set is declared as UTF-8 (1:90)."""
    import struct

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures",
                        "photo-160x120.jpg")
    with open(path, "rb") as f:
        base = f.read()
    segments = b""
    if xmp is not None:
        payload = b"http://ns.adobe.com/xap/1.0/\x00" + xmp.encode("utf-8")
        segments += b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    if iptc:
        records = [(1, 90, b"\x1b%G"), (2, 0, b"\x00\x04")] + list(iptc)
        data = b"".join(b"\x1c" + bytes([record, dataset]) + struct.pack(">H", len(value)) + value
                        for record, dataset, value in records)
        resource = (b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(data))
                    + data + (b"\x00" if len(data) % 2 else b""))
        payload = b"Photoshop 3.0\x00" + resource
        segments += b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    # after SOI and a JFIF APP0, where readers look first
    at = 2
    if base[2:4] == b"\xff\xe0":
        at = 4 + struct.unpack(">H", base[4:6])[0]
    return base[:at] + segments + base[at:]


class CliTestCase(unittest.TestCase):
    """Each test gets its own temporary home: XDG folders, HOME and no MOPS_LIBRARY."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="mops-cli-test-")
        self.tmp = os.path.realpath(self._tmp.name)
        self.env = dict(os.environ)
        self.env.pop("MOPS_LIBRARY", None)
        self.env["HOME"] = os.path.join(self.tmp, "home")
        self.env["XDG_DATA_HOME"] = os.path.join(self.tmp, "data")
        self.env["XDG_CONFIG_HOME"] = os.path.join(self.tmp, "config")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.tmp, "cache")
        self.env.setdefault("GSETTINGS_BACKEND", "memory")
        self.env.setdefault("LC_ALL", "C.UTF-8")
        os.makedirs(self.env["HOME"])
        self.lib = os.path.join(self.tmp, "lib")

    def tearDown(self):
        self._tmp.cleanup()

    def run_cli(self, *args, env=None, check_status=None):
        result = subprocess.run([MOPS_CLI] + list(args), env=env or self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, timeout=300)
        if check_status is not None:
            self.assertEqual(result.returncode, check_status,
                             "%s: exit %d\nstdout: %r\nstderr: %r"
                             % (" ".join(args), result.returncode, result.stdout,
                                result.stderr))
        return result

    def assert_one_error_line(self, result):
        text = result.stderr.decode("utf-8")
        self.assertTrue(text.endswith("\n"), repr(text))
        self.assertEqual(text.count("\n"), 1, repr(text))
        self.assertTrue(text.startswith("mops-cli: "), repr(text))
        return text

    def json_of(self, result):
        self.assertTrue(result.stdout.endswith(b"\n"), result.stdout[-40:])
        return json.loads(result.stdout.decode("utf-8"))

    def init(self, path=None):
        self.run_cli("--library", path or self.lib, "init", check_status=0)

    def demo_library(self):
        """A copy of a library filled by `mops-cli demo`, made once for the whole run."""
        global _demo_template
        if _demo_template is None:
            folder = tempfile.mkdtemp(prefix="mops-cli-demo-")
            atexit.register(shutil.rmtree, folder, True)
            template = os.path.join(folder, "demo")
            self.run_cli("--library", template, "demo", check_status=0)
            _demo_template = template
        shutil.copytree(_demo_template, self.lib, symlinks=True)
        return self.lib

    def first_stored_file(self, library):
        db = sqlite3.connect("file:%s?mode=ro" % os.path.join(library, "library.db"), uri=True)
        try:
            return db.execute("SELECT id, stored_path FROM assets WHERE is_reference = 0"
                              " ORDER BY id LIMIT 1").fetchone()
        finally:
            db.close()


class HelpAndUsage(CliTestCase):
    def test_help_lists_every_command(self):
        for flag in ("--help", "-h"):
            result = self.run_cli(flag, check_status=0)
            out = result.stdout.decode("utf-8")
            for command in ("init", "info", "demo", "check"):
                self.assertRegex(out, r"(?m)^\s+%s\b" % command)
            self.assertIn("--library", out)
            self.assertEqual(result.stderr, b"")

    def test_command_help(self):
        out = self.run_cli("check", "--help", check_status=0).stdout.decode("utf-8")
        self.assertIn("--repair", out)
        self.assertIn("--json", out)
        out = self.run_cli("info", "-h", check_status=0).stdout.decode("utf-8")
        self.assertIn("--json", out)
        self.run_cli("--library", self.lib, "demo", "--help", check_status=0)
        self.assertFalse(os.path.exists(self.lib), "help must not run the command")

    def test_version(self):
        result = self.run_cli("--version", check_status=0)
        self.assertRegex(result.stdout.decode("utf-8"), r"^mops-cli \d+\.\d+\.\d+\n$")

    def test_bad_usage_exits_2_with_one_line(self):
        cases = [
            ("frob",),
            ("info", "--foo"),
            ("--foo", "info"),
            ("info", "-x"),
            ("info", "--library"),
            ("--library",),
            ("info", "--json=yes"),
            ("info", "extra"),
            ("info", "--", "--json"),
            ("init", "--repair"),
            (),
        ]
        for args in cases:
            with self.subTest(args=args):
                result = self.run_cli(*args, check_status=2)
                self.assert_one_error_line(result)
                self.assertEqual(result.stdout, b"")
        self.assertFalse(os.path.exists(self.env["XDG_DATA_HOME"]), "bad usage touched nothing")

    def test_unknown_option_message(self):
        text = self.assert_one_error_line(self.run_cli("--foo", check_status=2))
        self.assertEqual(text, "mops-cli: unknown option “--foo” (see mops-cli --help)\n")
        text = self.assert_one_error_line(self.run_cli("info", "--foo=1", check_status=2))
        self.assertIn("“--foo”", text)
        text = self.assert_one_error_line(self.run_cli("info", "--library", check_status=2))
        self.assertIn("--library", text)
        text = self.assert_one_error_line(self.run_cli("frob", check_status=2))
        self.assertIn("“frob”", text)


class Library(CliTestCase):
    def test_command_without_library_names_the_folder(self):
        default = os.path.join(self.env["XDG_DATA_HOME"], "mops", "library")
        for command in ("info", "check"):
            with self.subTest(command=command):
                text = self.assert_one_error_line(self.run_cli(command, check_status=1))
                self.assertIn(default, text)
        missing = os.path.join(self.tmp, "nowhere")
        text = self.assert_one_error_line(
            self.run_cli("check", "--repair", "--library", missing, check_status=1))
        self.assertIn(missing, text)
        self.assertFalse(os.path.exists(missing))
        self.assertFalse(os.path.exists(default))

    def test_init_creates_and_is_a_no_op_the_second_time(self):
        result = self.run_cli("--library", self.lib, "init", check_status=0)
        self.assertEqual(result.stdout, b"")
        db = os.path.join(self.lib, "library.db")
        self.assertTrue(os.path.isfile(db))
        with open(db, "rb") as f:
            before = f.read()
        self.run_cli("init", "--library", self.lib, check_status=0)
        with open(db, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_init_uses_an_empty_folder_and_the_default_path(self):
        os.makedirs(self.lib)
        self.init()
        self.assertTrue(os.path.isfile(os.path.join(self.lib, "library.db")))
        self.run_cli("init", check_status=0)
        default = os.path.join(self.env["XDG_DATA_HOME"], "mops", "library")
        self.assertTrue(os.path.isfile(os.path.join(default, "library.db")))

    def test_init_refuses_a_folder_with_other_files(self):
        os.makedirs(self.lib)
        with open(os.path.join(self.lib, "notes.txt"), "w") as f:
            f.write("mine\n")
        text = self.assert_one_error_line(
            self.run_cli("--library", self.lib, "init", check_status=1))
        self.assertIn(self.lib, text)
        self.assertEqual(os.listdir(self.lib), ["notes.txt"])

    def test_info_json_keys_and_types(self):
        self.init()
        info = self.json_of(self.run_cli("info", "--json", "--library", self.lib, check_status=0))
        self.assertEqual(set(info), set(INFO_KEYS))
        for key, kind in INFO_KEYS.items():
            if kind is int:
                self.assertTrue(is_int(info[key]), (key, info[key]))
            else:
                self.assertIsInstance(info[key], kind, key)
        self.assertEqual(info["schema_version"], 1)
        self.assertEqual(info["library"], self.lib)
        self.assertTrue(os.path.isabs(info["library"]))
        self.assertEqual(info["assets"], 0)
        self.assertGreater(info["channels"], 0, "a new library starts with channels")

    def test_info_plain_is_for_people(self):
        self.init()
        out = self.run_cli("--library", self.lib, "info", check_status=0).stdout.decode("utf-8")
        self.assertIn(self.lib, out)
        self.assertIn("Assets", out)

    def test_library_resolution_order(self):
        self.init()
        other = os.path.join(self.tmp, "other")
        self.init(other)
        env = dict(self.env, MOPS_LIBRARY=self.lib)
        info = self.json_of(self.run_cli("info", "--json", env=env, check_status=0))
        self.assertEqual(info["library"], self.lib)
        info = self.json_of(self.run_cli("info", "--json", "--library", other, env=env,
                                         check_status=0))
        self.assertEqual(info["library"], other)
        # relative --library is taken from the working directory
        result = subprocess.run([MOPS_CLI, "--library", "other", "info", "--json"],
                                cwd=self.tmp, env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["library"], other)

    def test_library_path_setting_is_used_only_when_its_schema_is_installed(self):
        schema_dir = os.environ.get("GSETTINGS_SCHEMA_DIR", "")
        if not os.path.isfile(os.path.join(schema_dir, "gschemas.compiled")):
            self.skipTest("the uninstalled build's compiled schema is not available")
        self.init()
        keyfile = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
        os.makedirs(os.path.dirname(keyfile))
        with open(keyfile, "w") as f:
            f.write("[io/github/mopsapp/Mops]\nlibrary-path='%s'\n" % self.lib)
        env = dict(self.env, GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=schema_dir)
        info = self.json_of(self.run_cli("info", "--json", env=env, check_status=0))
        self.assertEqual(info["library"], self.lib)
        other = os.path.join(self.tmp, "other")
        self.init(other)
        env["MOPS_LIBRARY"] = other
        info = self.json_of(self.run_cli("info", "--json", env=env, check_status=0))
        self.assertEqual(info["library"], other)
        # Without the schema the setting is never read (and nothing aborts).
        empty = os.path.join(self.tmp, "no-schemas")
        os.makedirs(empty)
        env = dict(self.env, GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=empty,
                   XDG_DATA_DIRS=empty)
        default = os.path.join(self.env["XDG_DATA_HOME"], "mops", "library")
        text = self.assert_one_error_line(self.run_cli("info", env=env, check_status=1))
        self.assertIn(default, text)

    def test_double_dash_ends_options(self):
        self.init()
        info = self.json_of(self.run_cli("--library", self.lib, "info", "--json", "--",
                                         check_status=0))
        self.assertEqual(info["library"], self.lib)
        out = self.run_cli("--library", self.lib, "--", "info", check_status=0).stdout
        self.assertIn(self.lib.encode("utf-8"), out)

    def test_json_is_raw_utf8_under_the_c_locale(self):
        lib = os.path.join(self.tmp, "会社")
        env = dict(self.env, LC_ALL="C", LANG="C")
        self.run_cli("--library", lib, "init", env=env, check_status=0)
        result = self.run_cli("--library", lib, "info", "--json", env=env, check_status=0)
        self.assertIn("会社".encode("utf-8"), result.stdout)
        self.assertNotIn(b"\\u", result.stdout)
        self.assertEqual(self.json_of(result)["library"], lib)
        self.assertIn(b"\n  \"", result.stdout, "pretty-printed")

    def test_garbage_database(self):
        os.makedirs(self.lib)
        with open(os.path.join(self.lib, "library.db"), "wb") as f:
            f.write(os.urandom(8192))
        for args in (("info",), ("info", "--json"), ("check",), ("check", "--json"),
                     ("check", "--repair"), ("demo",), ("init",)):
            with self.subTest(args=args):
                result = self.run_cli("--library", self.lib, *args, check_status=1)
                self.assert_one_error_line(result)
                self.assertEqual(result.stdout, b"")


class Demo(CliTestCase):
    def test_demo_fills_the_library(self):
        lib = self.demo_library()
        info = self.json_of(self.run_cli("--library", lib, "info", "--json", check_status=0))
        for key in ("assets", "tags", "licences", "content_items", "expenses", "brand_kits"):
            self.assertGreater(info[key], 0, key)

    def test_demo_refuses_a_library_that_is_not_empty(self):
        lib = self.demo_library()
        before = tree_snapshot(lib)
        text = self.assert_one_error_line(self.run_cli("--library", lib, "demo", check_status=1))
        self.assertTrue(text.strip())
        self.assertEqual(tree_snapshot(lib)["library.db"], before["library.db"])

    def test_demo_refuses_a_folder_with_other_files(self):
        os.makedirs(self.lib)
        with open(os.path.join(self.lib, "notes.txt"), "w") as f:
            f.write("mine\n")
        self.assert_one_error_line(self.run_cli("--library", self.lib, "demo", check_status=1))
        self.assertEqual(os.listdir(self.lib), ["notes.txt"])


class Check(CliTestCase):
    def check_json(self, *args, status=0):
        result = self.run_cli("--library", self.lib, "check", "--json", *args,
                              check_status=status)
        report = self.json_of(result)
        self.assertEqual(list(report), CHECK_KEYS)
        self.assertIsInstance(report["ok"], bool)
        self.assertTrue(is_int(report["schema_version"]))
        self.assertIsInstance(report["integrity"], str)
        for key in ("missing_files", "offline_references"):
            self.assertIsInstance(report[key], list)
            for item in report[key]:
                self.assertEqual(sorted(item), ["asset_id", "path"])
                self.assertTrue(is_int(item["asset_id"]))
                self.assertIsInstance(item["path"], str)
        for key in ("orphan_files", "stale_tmp"):
            self.assertIsInstance(report[key], list)
            for item in report[key]:
                self.assertIsInstance(item, str)
                self.assertFalse(os.path.isabs(item), item)
        if "--repair" in args:
            self.assertEqual(sorted(report["repaired"]), ["orphan_files", "stale_tmp"])
            self.assertTrue(all(is_int(v) for v in report["repaired"].values()))
        else:
            self.assertIsNone(report["repaired"])
        if status == 0:
            self.assertEqual(result.stderr, b"")
        else:
            self.assert_one_error_line(result)
        return report

    def test_demo_library_is_consistent(self):
        self.demo_library()
        report = self.check_json()
        self.assertTrue(report["ok"])
        self.assertEqual(report["integrity"], "ok")
        self.assertEqual(report["schema_version"], 1)
        self.assertEqual(report["missing_files"], [])
        self.assertEqual(report["orphan_files"], [])
        self.assertEqual(report["stale_tmp"], [])
        out = self.run_cli("--library", self.lib, "check", check_status=0).stdout
        self.assertIn(b"ok", out)

    def test_new_library_is_consistent(self):
        self.init()
        report = self.check_json()
        self.assertTrue(report["ok"])
        report = self.check_json("--repair")
        self.assertEqual(report["repaired"], {"orphan_files": 0, "stale_tmp": 0})

    def test_missing_stored_file(self):
        self.demo_library()
        asset_id, stored_path = self.first_stored_file(self.lib)
        os.unlink(os.path.join(self.lib, stored_path))
        report = self.check_json(status=1)
        self.assertFalse(report["ok"])
        self.assertEqual(report["integrity"], "ok")
        self.assertIn({"asset_id": asset_id, "path": stored_path}, report["missing_files"])
        self.assertEqual(len(report["missing_files"]), 1)
        # plain output fails the same way, naming the file
        result = self.run_cli("--library", self.lib, "check", check_status=1)
        text = self.assert_one_error_line(result)
        self.assertIn(stored_path, text)
        # --repair does not hide it
        report = self.check_json("--repair", status=1)
        self.assertFalse(report["ok"])

    def test_offline_reference_is_reported_not_inconsistent(self):
        self.init()
        target = os.path.join(self.tmp, "video.mov")
        db = sqlite3.connect(os.path.join(self.lib, "library.db"))
        db.execute("INSERT INTO assets (sha256, stored_path, is_reference, original_name, mime,"
                   " size, imported_at, modified_at) VALUES (?, ?, 1, 'video.mov',"
                   " 'video/quicktime', 1, 0, 0)", ("a" * 64, target))
        db.commit()
        db.close()
        report = self.check_json()
        self.assertTrue(report["ok"])
        self.assertEqual(report["offline_references"], [{"asset_id": 1, "path": target}])
        with open(target, "wb") as f:
            f.write(b"x")
        self.assertEqual(self.check_json()["offline_references"], [])

    def test_check_changes_nothing(self):
        self.demo_library()
        asset_id, stored_path = self.first_stored_file(self.lib)
        os.unlink(os.path.join(self.lib, stored_path))
        stale = os.path.join(self.lib, "tmp", "1234-deadbeef")
        os.makedirs(stale)
        with open(os.path.join(stale, "copy-abc"), "wb") as f:
            f.write(b"partial")
        orphan = os.path.join(self.lib, "files", "zz", "old-orphan.bin")
        os.makedirs(os.path.dirname(orphan))
        with open(orphan, "wb") as f:
            f.write(b"old")
        old = time.time() - 3 * 3600
        os.utime(orphan, (old, old))
        before = tree_snapshot(self.lib)
        self.check_json(status=1)
        self.run_cli("--library", self.lib, "check", check_status=1)
        self.assertEqual(tree_snapshot(self.lib), before)
        wal = os.path.join(self.lib, "library.db-wal")
        self.assertEqual(os.path.getsize(wal) if os.path.exists(wal) else 0, 0)

    def test_stale_staging_is_reported_and_repaired(self):
        self.init()
        tmp = os.path.join(self.lib, "tmp")
        stale = os.path.join(tmp, "1234-deadbeef")
        os.makedirs(stale)
        with open(os.path.join(stale, "copy-abc"), "wb") as f:
            f.write(b"partial")
        # A staging folder whose owner is alive (holds its lock) is neither reported nor touched
        held = os.path.join(tmp, "5678-cafef00d")
        os.makedirs(held)
        with open(held + ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            report = self.check_json()
            self.assertTrue(report["ok"])
            self.assertEqual(report["stale_tmp"], ["tmp/1234-deadbeef"])
            self.assertTrue(os.path.isdir(stale))
            report = self.check_json("--repair")
            self.assertEqual(report["stale_tmp"], ["tmp/1234-deadbeef"])
            self.assertEqual(report["repaired"]["stale_tmp"], 1)
            self.assertFalse(os.path.exists(stale))
            self.assertTrue(os.path.isdir(held))
        self.assertEqual(self.check_json()["stale_tmp"], ["tmp/5678-cafef00d"])

    def test_orphans_older_than_an_hour_are_repaired(self):
        self.demo_library()
        bucket = os.path.join(self.lib, "files", "zz")
        os.makedirs(bucket)
        old = os.path.join(bucket, "old-orphan.bin")
        fresh = os.path.join(bucket, "fresh-orphan.bin")
        for path in (old, fresh):
            with open(path, "wb") as f:
                f.write(b"orphan")
        two_hours_ago = time.time() - 2 * 3600
        os.utime(old, (two_hours_ago, two_hours_ago))
        report = self.check_json()
        self.assertTrue(report["ok"], "orphans are garbage, not inconsistency")
        self.assertEqual(sorted(report["orphan_files"]),
                         ["files/zz/fresh-orphan.bin", "files/zz/old-orphan.bin"])
        report = self.check_json("--repair")
        self.assertEqual(report["repaired"], {"orphan_files": 1, "stale_tmp": 0})
        self.assertFalse(os.path.exists(old))
        self.assertTrue(os.path.exists(fresh))
        self.assertEqual(self.check_json()["orphan_files"], ["files/zz/fresh-orphan.bin"])
        # every referenced file is still there
        self.assertEqual(self.check_json()["missing_files"], [])

    def test_repair_refuses_a_library_open_in_another_mops(self):
        self.init()
        stale = os.path.join(self.lib, "tmp", "1234-deadbeef")
        os.makedirs(stale)
        with open(os.path.join(self.lib, "library.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            result = self.run_cli("--library", self.lib, "check", "--repair", "--json",
                                  check_status=1)
            text = self.assert_one_error_line(result)
            self.assertIn("open in another Mops", text)
            self.assertEqual(result.stdout, b"")
            self.assertTrue(os.path.isdir(stale))
            # a read-only check works beside the app
            self.check_json()

    def test_plain_report(self):
        self.init()
        os.makedirs(os.path.join(self.lib, "tmp", "1234-deadbeef"))
        result = self.run_cli("--library", self.lib, "check", check_status=0)
        out = result.stdout.decode("utf-8")
        self.assertIn("tmp/1234-deadbeef", out)
        self.assertRegex(out, r"Integrity:\s+ok")


# A valid 1×1 PNG (the broken one is made in the tree).
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c48900"
    "00000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082")


class Assets(CliTestCase):
    def make_tree(self):
        src = os.path.join(self.tmp, "Agency delivery")
        os.makedirs(os.path.join(src, "logos"))
        os.makedirs(os.path.join(src, "__MACOSX"))
        files = {
            "logos/会社ロゴ.png": TINY_PNG,
            "logos/Логотип.svg": b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>",
            "Größenübersicht.txt": b"sizes",
            "broken.png": b"\x89PNG\r\n\x1a\nnot really",
            "empty.pdf": b"",
            ".hidden.png": b"hidden",
            "__MACOSX/._x.png": b"litter",
        }
        for name, data in files.items():
            with open(os.path.join(src, name), "wb") as f:
                f.write(data)
        return src

    def test_import_reports_added_warnings_and_failures(self):
        self.init()
        src = self.make_tree()
        result = self.run_cli("--library", self.lib, "import", "--json", "--tag", "Agency/Nordlys",
                              src, check_status=1)
        report = self.json_of(result)
        self.assertEqual(set(report), {"added", "duplicates", "warnings", "failed"})
        self.assertEqual(len(report["added"]), 4)
        for item in report["added"]:
            self.assertEqual(set(item), {"id", "path", "sha256", "mime", "restored"})
            self.assertTrue(is_int(item["id"]))
            self.assertEqual(len(item["sha256"]), 64)
            self.assertFalse(item["restored"])
        mimes = {os.path.basename(i["path"]): i["mime"] for i in report["added"]}
        self.assertEqual(mimes["会社ロゴ.png"], "image/png")
        self.assertEqual(mimes["Логотип.svg"], "image/svg+xml")
        self.assertEqual([os.path.basename(w["path"]) for w in report["warnings"]], ["broken.png"])
        self.assertEqual(report["warnings"][0]["code"], "undecodable")
        self.assertEqual(len(report["failed"]), 1)
        self.assertEqual(report["failed"][0]["code"], "empty")
        self.assertIn("empty.pdf", result.stderr.decode("utf-8"))
        self.assertEqual(result.stderr.decode("utf-8").count("\n"), 1)

        # Again: nothing added, every file a duplicate with the existing id; tags still apply.
        again = self.json_of(self.run_cli("--library", self.lib, "import", "--json", src,
                                          check_status=1))
        self.assertEqual(again["added"], [])
        self.assertEqual(sorted(d["id"] for d in again["duplicates"]),
                         sorted(a["id"] for a in report["added"]))

        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                          "--tag", "Agency", check_status=0))
        self.assertEqual(len(found), 4)

    def test_a_file_that_cannot_be_previewed_is_named_as_the_user_knows_it(self):
        """The decoder reads the library's copy (files/ab/abcd….png); its message must name
        the user's file, never that path."""
        import struct
        import zlib

        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

        rows = b"".join(b"\x00" + bytes((x * 3 + y) % 256 for x in range(3 * 64)) for y in range(64))
        png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
               + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
        src = os.path.join(self.tmp, "delivery")
        os.makedirs(src)
        with open(os.path.join(src, "Banner cut short.png"), "wb") as f:
            f.write(png[:len(png) // 2])
        self.init()
        report = self.json_of(self.run_cli("--library", self.lib, "import", "--json", src,
                                           check_status=0))
        self.assertEqual(len(report["warnings"]), 1)
        message = report["warnings"][0]["error"]
        self.assertIn("Banner cut short.png", message)
        self.assertNotIn(self.lib, message)
        self.assertNotIn("/files/", message)

    def test_a_killed_imports_staging_goes_with_the_next_import(self):
        self.init()
        tmp = os.path.join(self.lib, "tmp")
        src = os.path.join(self.tmp, "delivery")
        os.makedirs(src)
        for i in range(400):
            with open(os.path.join(src, "photo-%03d.raw" % i), "wb") as f:
                f.write(os.urandom(256 * 1024))
        proc = subprocess.Popen([MOPS_CLI, "--library", self.lib, "import", src], env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not (os.path.isdir(tmp) and any(not n.endswith(".lock") for n in os.listdir(tmp))):
            self.assertIsNone(proc.poll(), "the import ended before it staged anything")
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.005)
        proc.kill()
        proc.wait()
        left = [n for n in os.listdir(tmp) if not n.endswith(".lock")]
        self.assertEqual(len(left), 1, left)

        one = os.path.join(self.tmp, "one")
        os.makedirs(one)
        with open(os.path.join(one, "note.txt"), "w") as f:
            f.write("after the crash\n")
        self.run_cli("--library", self.lib, "import", one, check_status=0)
        self.assertEqual(os.listdir(tmp), [])

    def test_uninstalled_cli_finds_the_build_trees_helper(self):
        """Run from the build tree without the test's variables, as `_build/src/cli/mops-cli`
        is typed by hand: previews come from the build tree's helper."""
        env = dict(self.env)
        for name in ("MOPS_PROBE", "MOPS_LOCALEDIR", "GSETTINGS_SCHEMA_DIR"):
            env.pop(name, None)
        self.run_cli("--library", self.lib, "init", env=env, check_status=0)
        src = os.path.join(self.tmp, "pictures")
        os.makedirs(src)
        shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures",
                                 "photo-160x120.jpg"), src)
        report = self.json_of(self.run_cli("--library", self.lib, "import", "--json", src,
                                           env=env, check_status=0))
        self.assertEqual(len(report["added"]), 1)
        self.assertEqual(report["warnings"], [])
        self.assertEqual(len(os.listdir(os.path.join(self.lib, "thumbs", "256"))), 1)

    def test_import_owned_gives_new_assets_one_owned_licence(self):
        self.init()
        src = os.path.join(self.tmp, "ours")
        os.makedirs(src)
        for name in ("poster.txt", "banner.txt"):
            with open(os.path.join(src, name), "w") as f:
                f.write(name)
        report = self.json_of(self.run_cli("--library", self.lib, "import", "--owned", "--json",
                                           src, check_status=0))
        self.assertTrue(is_int(report["owned_licence_id"]))
        rows = self.json_of(self.run_cli("--library", self.lib, "licences", "--json", check_status=0))
        self.assertEqual(len(rows), 2)
        for row in rows:
            self.assertEqual(row["licence_id"], report["owned_licence_id"])
            self.assertEqual(row["kind"], "owned")
            self.assertEqual(row["status"], "active")
            self.assertFalse(row["to_confirm"])
        # Nothing new: no licence, and the key says so; without --owned the key is not there.
        again = self.json_of(self.run_cli("--library", self.lib, "import", "--owned", "--json",
                                          src, check_status=0))
        self.assertIsNone(again["owned_licence_id"])
        plain = self.json_of(self.run_cli("--library", self.lib, "import", "--json", src,
                                          check_status=0))
        self.assertNotIn("owned_licence_id", plain)

    def test_search_contract(self):
        self.init()
        src = self.make_tree()
        self.run_cli("--library", self.lib, "import", src, check_status=1)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json", "ロゴ",
                                          check_status=0))
        self.assertEqual([f["original_name"] for f in found], ["会社ロゴ.png"])
        self.assertEqual(set(found[0]), {"id", "original_name", "mime", "title"})
        self.assertIsNone(found[0]["title"])
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json", "логотип",
                                          check_status=0))
        self.assertEqual(len(found), 1)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                          "GRÖSSEN", check_status=0))
        self.assertEqual(len(found), 1)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                          "--type", "vector", "--type", "document",
                                          check_status=0))
        self.assertEqual(sorted(f["mime"] for f in found), ["image/svg+xml", "text/plain"])
        ids = [f["id"] for f in self.json_of(self.run_cli("--library", self.lib, "search",
                                                          "--json", check_status=0))]
        self.assertEqual(ids, sorted(ids))
        self.assertEqual(self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                                   "red AND", check_status=0)), [])
        result = self.run_cli("--library", self.lib, "search", "--type", "spreadsheet",
                              check_status=2)
        self.assert_one_error_line(result)

    def test_tag_add_and_remove(self):
        self.init()
        src = self.make_tree()
        report = self.json_of(self.run_cli("--library", self.lib, "import", "--json", src,
                                           check_status=1))
        ids = [str(a["id"]) for a in report["added"]]
        self.run_cli("--library", self.lib, "tag", "add", "Brand/Logos\\/Marks", *ids[:2],
                     check_status=0)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                          "--tag", "Brand", check_status=0))
        self.assertEqual(len(found), 2)
        self.run_cli("--library", self.lib, "tag", "remove", "Brand/Logos\\/Marks", ids[0],
                     check_status=0)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                          "--tag", "Brand", check_status=0))
        self.assertEqual(len(found), 1)
        # an unknown id changes nothing; a malformed id or tag is bad usage
        self.assert_one_error_line(self.run_cli("--library", self.lib, "tag", "add", "New",
                                                ids[0], "999999", check_status=1))
        self.assertEqual(self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                                   "--tag", "New", check_status=0)), [])
        self.run_cli("--library", self.lib, "tag", "add", "New", "12a", check_status=2)
        self.run_cli("--library", self.lib, "tag", "add", "A//B", ids[0], check_status=2)
        self.run_cli("--library", self.lib, "tag", "rename", "A", ids[0], check_status=2)

    def test_thumbs_makes_the_missing_ones(self):
        self.init()
        src = self.make_tree()
        self.run_cli("--library", self.lib, "import", src, check_status=1)
        shutil.rmtree(os.path.join(self.lib, "thumbs"))
        report = self.json_of(self.run_cli("--library", self.lib, "thumbs", "--json",
                                           check_status=0))
        self.assertEqual(set(report), {"generated", "skipped", "cannot_preview"})
        self.assertEqual(report["generated"], 3)
        self.assertEqual([p["code"] for p in report["cannot_preview"]], ["undecodable"])
        pngs = [f for _, _, files in os.walk(os.path.join(self.lib, "thumbs")) for f in files]
        self.assertEqual(len(pngs), 6)   # three files, two sizes
        again = self.json_of(self.run_cli("--library", self.lib, "thumbs", "--json",
                                          "--size", "256", check_status=0))
        self.assertEqual(again["generated"], 0)
        self.run_cli("--library", self.lib, "thumbs", "--size", "128", check_status=2)



LICENCE_KEYS = ["asset_id", "licence_id", "licensor", "kind", "starts_on", "expires_on",
                "covered_until", "days_left", "channels", "territories", "status", "to_confirm"]


class Licences(CliTestCase):
    def setUp(self):
        super().setUp()
        self.env["MOPS_NOW"] = "2026-11-23T10:00:00+01:00"
        self.env["TZ"] = "Europe/Berlin"

    def test_licences_rows_json_and_csv(self):
        self.demo_library()
        rows = self.json_of(self.run_cli("--library", self.lib, "licences", "--json", check_status=0))
        self.assertTrue(rows)
        statuses = {r["status"] for r in rows}
        self.assertTrue({"active", "expiring", "expired", "pending", "missing"} <= statuses, statuses)
        for row in rows:
            self.assertEqual(list(row), LICENCE_KEYS)
            if row["status"] == "missing":
                self.assertIsNone(row["licence_id"])
        expires = [r["expires_on"] for r in rows]
        dated = [e for e in expires if e is not None]
        self.assertEqual(dated, sorted(dated))
        self.assertEqual(expires[:len(dated)], dated)   # nulls last
        only = self.json_of(self.run_cli("--library", self.lib, "licences", "--json",
                                         "--status", "expiring", check_status=0))
        self.assertTrue(only)
        self.assertEqual({r["status"] for r in only}, {"expiring"})
        # a window of 0 days makes nothing "expiring" a week away
        narrow = self.json_of(self.run_cli("--library", self.lib, "licences", "--json",
                                           "--status", "expiring", "--within", "0", check_status=0))
        self.assertLess(len(narrow), len(only))
        csv = self.run_cli("--library", self.lib, "licences", "--csv", check_status=0).stdout
        lines = csv.split(b"\r\n")
        self.assertEqual(lines[0].decode(), ",".join(LICENCE_KEYS))
        self.assertEqual(len([l for l in lines[1:] if l]), len(rows))
        self.run_cli("--library", self.lib, "licences", "--status", "lapsed", check_status=2)
        self.run_cli("--library", self.lib, "licences", "--within", "soon", check_status=2)

    def test_licence_set_attach_detach_and_search(self):
        self.init()
        src = os.path.join(self.tmp, "in")
        os.makedirs(src)
        for i in range(3):
            with open(os.path.join(src, "photo-%d.jpg" % i), "wb") as f:
                f.write(b"photo %d" % i)
        added = self.json_of(self.run_cli("--library", self.lib, "import", "--json", src,
                                          check_status=0))["added"]
        ids = [str(a["id"]) for a in added]
        out = self.run_cli("--library", self.lib, "licence", "set", ids[0], "--kind", "royalty-free",
                           "--licensor", "Nordlys Stock", "--starts", "2026-01-01",
                           "--expires", "2026-12-10", "--channels", "web,social",
                           "--territories", "de,fr", "--cost", "12.50", "--currency", "eur",
                           check_status=0).stdout
        self.assertRegex(out.decode(), r"^\d+\n$")
        licence_id = out.decode().strip()
        rows = {r["asset_id"]: r for r in self.json_of(self.run_cli(
            "--library", self.lib, "licences", "--json", check_status=0))}
        row = rows[int(ids[0])]
        self.assertEqual(row["status"], "expiring")
        self.assertEqual(row["days_left"], 17)
        self.assertEqual(row["territories"], ["DE", "FR"])
        self.assertEqual(row["channels"], ["web", "social"])
        self.assertEqual(rows[int(ids[1])]["status"], "missing")

        self.run_cli("--library", self.lib, "licence", "attach", licence_id, ids[1], ids[2],
                     check_status=0)
        self.run_cli("--library", self.lib, "licence", "attach", licence_id, ids[1], check_status=0)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                          "--licence", "expiring", check_status=0))
        self.assertEqual(len(found), 3)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json", "nordlys",
                                          check_status=0))
        self.assertEqual(len(found), 3)   # the licensor is searchable text
        self.assert_one_error_line(self.run_cli("--library", self.lib, "licence", "detach",
                                                licence_id, ids[2], "99999", check_status=1))
        self.run_cli("--library", self.lib, "licence", "detach", licence_id, ids[2], check_status=0)
        found = self.json_of(self.run_cli("--library", self.lib, "search", "--json",
                                          "--licence", "missing", check_status=0))
        self.assertEqual([f["id"] for f in found], [int(ids[2])])

        # malformed values are usage errors; impossible ones exit 1
        for args in (["--kind", "stolen"], ["--kind", "owned", "--expires", "31.12.2026"],
                     ["--kind", "owned", "--cost", "1.234", "--currency", "EUR"],
                     ["--kind", "owned", "--cost", "5"], ["--kind", "owned", "--currency", "EURO"],
                     ["--kind", "owned", "--territories", "XX"], ["--kind", "owned", "--channels", "radio"],
                     ["--licensor", "x"]):
            self.assert_one_error_line(self.run_cli("--library", self.lib, "licence", "set",
                                                    ids[0], *args, check_status=2))
        self.assert_one_error_line(self.run_cli("--library", self.lib, "licence", "set", ids[0],
                                                "--kind", "owned", "--starts", "2026-05-01",
                                                "--expires", "2026-04-01", check_status=1))
        self.assert_one_error_line(self.run_cli("--library", self.lib, "licence", "set", "424242",
                                                "--kind", "owned", check_status=1))
        self.run_cli("--library", self.lib, "licence", "set", ids[0], "--kind", "owned",
                     "--cost", "1500", "--currency", "JPY", check_status=0)
        self.run_cli("--library", self.lib, "licence", "revoke", ids[0], check_status=2)

    def test_rights_metadata_in_files_prefills_licences_to_confirm(self):
        """Design §12: an agency's embedded licence becomes an unconfirmed licence (source
        metadata) that counts for status — an end date in 2020 is expired — and its row says
        "to_confirm"; a bare copyright line is no licence."""
        self.init()
        src = os.path.join(self.tmp, "agency")
        os.makedirs(src)
        agency_xmp = (
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'>"
            "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
            "<rdf:Description rdf:about='' xmlns:plus='http://ns.useplus.org/ldf/xmp/1.0/'"
            " xmlns:xmpRights='http://ns.adobe.com/xap/1.0/rights/'"
            " xmlns:dc='http://purl.org/dc/elements/1.1/'"
            " plus:LicenseID='ALI-88412' plus:LicenseStartDate='2019-01-01'"
            " plus:LicenseEndDate='2020-12-31T18:00:00+01:00'>"
            "<plus:Licensor><rdf:Seq><rdf:li rdf:parseType='Resource'>"
            "<plus:LicensorName>Arctic Light Images</plus:LicensorName>"
            "</rdf:li></rdf:Seq></plus:Licensor>"
            "<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang='x-default'>Web and social media,"
            " 24 months.</rdf:li></rdf:Alt></xmpRights:UsageTerms>"
            "</rdf:Description></rdf:RDF></x:xmpmeta>")
        files = {
            "aurora.jpg": jpeg_with_rights(
                xmp=agency_xmp,
                iptc=[(2, 116, "© Arctic Light Images".encode()), (2, 37, b"20201231")]),
            "lake.jpg": jpeg_with_rights(
                iptc=[(2, 116, b"Alpenblick Bildagentur GmbH"), (2, 37, b"20271231"),
                      (2, 40, b"Rights managed. DE/AT/CH only.")]),
            "ours.jpg": jpeg_with_rights(iptc=[(2, 116, "© 2026 Fjellvind AS".encode())]),
        }
        for name, data in files.items():
            with open(os.path.join(src, name), "wb") as f:
                f.write(data)

        added = self.json_of(self.run_cli("--library", self.lib, "import", "--json", src,
                                          check_status=0))["added"]
        ids = {os.path.basename(a["path"]): a["id"] for a in added}
        self.assertEqual(set(ids), set(files))
        self.run_cli("--library", self.lib, "thumbs", check_status=0)

        rows = {r["asset_id"]: r for r in self.json_of(self.run_cli(
            "--library", self.lib, "licences", "--json", check_status=0))}
        aurora = rows[ids["aurora.jpg"]]
        self.assertEqual(list(aurora), LICENCE_KEYS)
        self.assertIs(aurora["to_confirm"], True)
        self.assertEqual(aurora["status"], "expired")
        self.assertEqual(aurora["kind"], "rights_managed")
        self.assertEqual(aurora["licensor"], "Arctic Light Images")
        self.assertEqual(aurora["starts_on"], "2019-01-01")
        self.assertEqual(aurora["expires_on"], "2020-12-31")
        self.assertTrue(is_int(aurora["licence_id"]))
        lake = rows[ids["lake.jpg"]]
        self.assertIs(lake["to_confirm"], True)
        self.assertEqual(lake["status"], "active")
        self.assertEqual(lake["kind"], "rights_managed")
        self.assertEqual(lake["licensor"], "Alpenblick Bildagentur GmbH")
        self.assertEqual(lake["expires_on"], "2027-12-31")
        ours = rows[ids["ours.jpg"]]
        self.assertIs(ours["to_confirm"], False)
        self.assertEqual(ours["status"], "missing")
        self.assertIsNone(ours["licence_id"])

        expired = self.json_of(self.run_cli("--library", self.lib, "licences", "--json",
                                            "--status", "expired", check_status=0))
        self.assertEqual([r["asset_id"] for r in expired], [ids["aurora.jpg"]])
        csv = self.run_cli("--library", self.lib, "licences", "--csv", check_status=0).stdout
        self.assertIn(b",expired,true\r\n", csv)

        db = sqlite3.connect("file:%s?mode=ro" % os.path.join(self.lib, "library.db"), uri=True)
        try:
            sources = db.execute("SELECT source, confirmed, reference FROM licences"
                                 " ORDER BY id").fetchall()
        finally:
            db.close()
        self.assertEqual(sorted(sources, key=repr),
                         [("metadata", 0, "ALI-88412"), ("metadata", 0, None)])

        # generating thumbnails again, or a forced re-import, makes no second licence
        shutil.rmtree(os.path.join(self.lib, "thumbs"))
        self.run_cli("--library", self.lib, "thumbs", check_status=0)
        self.run_cli("--library", self.lib, "import", src, check_status=0)
        info = self.json_of(self.run_cli("--library", self.lib, "info", "--json", check_status=0))
        self.assertEqual(info["licences"], 2)

def import_debian_module(name):
    """A module Debian packages (build-aux/install-deps), also when the python3 running the
    tests is not Debian's own (pyenv, a venv) and does not look in dist-packages."""
    import importlib
    import sys
    try:
        return importlib.import_module(name)
    except ImportError:
        sys.path.append("/usr/lib/python3/dist-packages")
        return importlib.import_module(name)


CALENDAR_LIST_KEYS = ["id", "title", "status", "publish_at", "uid", "recurrence_id", "channel_id",
                      "campaign_id", "rrule"]
CALENDAR_WARNING_KEYS = ["item_id", "title", "publish_at", "asset_id", "kind", "code", "message"]


class Calendar(CliTestCase):
    def setUp(self):
        super().setUp()
        self.env["MOPS_NOW"] = "2026-11-23T10:00:00+01:00"
        self.env["TZ"] = "Europe/Berlin"

    def cal(self, *args, status=0):
        return self.run_cli("--library", self.lib, "calendar", *args, check_status=status)

    def count_items(self):
        db = sqlite3.connect("file:%s?mode=ro" % os.path.join(self.lib, "library.db"), uri=True)
        try:
            return db.execute("SELECT count(*) FROM content_items").fetchone()[0]
        finally:
            db.close()

    def test_add_prints_the_id_and_list_shows_the_range(self):
        self.init()
        out = self.cal("add", "--title", "Weekly letter", "--publish", "2026-11-03T07:30",
                       "--rrule", "FREQ=WEEKLY;BYDAY=TU", "--channel", "EMAIL", "--campaign", "Autumn",
                       "--owner", "Ana Souza", "--status", "scheduled").stdout
        self.assertRegex(out.decode(), r"^\d+\n$")
        weekly = int(out)
        idea = int(self.cal("add", "--title", "Someday", "--brief", "=cmd").stdout)
        post = int(self.cal("--title", "Post", "add", "--publish", "2026-12-02").stdout)

        rows = self.json_of(self.cal("list", "--from", "2026-11-01", "--to", "2026-11-30", "--json"))
        self.assertEqual([r["publish_at"] for r in rows],
                         ["2026-11-03T07:30", "2026-11-10T07:30", "2026-11-17T07:30", "2026-11-24T07:30"])
        self.assertEqual(list(rows[0]), CALENDAR_LIST_KEYS)
        self.assertTrue(all(r["id"] == weekly and r["status"] == "scheduled" for r in rows))
        self.assertEqual(rows[1]["recurrence_id"], "2026-11-10T07:30")
        self.assertTrue(is_int(rows[0]["channel_id"]) and is_int(rows[0]["campaign_id"]))

        # no range: every item once, the unscheduled last with null, never ""
        rows = self.json_of(self.cal("list", "--json"))
        self.assertEqual([r["id"] for r in rows], [weekly, post, idea])
        self.assertIsNone(rows[2]["publish_at"])
        self.assertIsNone(rows[2]["recurrence_id"])
        self.assertIsNone(rows[2]["channel_id"])
        self.assertEqual(rows[2]["status"], "idea")
        plain = self.cal("list", "--from", "2026-12-01").stdout.decode()
        self.assertIn("Post", plain)
        self.assertNotIn("Someday", plain)

    def test_malformed_values_exit_2_and_impossible_requests_exit_1(self):
        self.init()
        for args in (["add"],
                     ["add", "--title", "T", "--publish", "2026-13-01"],
                     ["add", "--title", "T", "--publish", "2026-11-01 10:00"],
                     ["add", "--title", "T", "--status", "done"],
                     ["add", "--title", "T", "--publish", "2026-11-01", "--rrule", "FREQ=YEARLY"],
                     ["add", "--title", "T", "--asset", "one"],
                     ["list", "--from", "1 Nov"],
                     ["list", "--title", "T"],
                     ["export-ics"],
                     ["frobnicate"]):
            result = self.cal(*args, status=2)
            self.assert_one_error_line(result)
        for args in (["add", "--title", "T", "--asset", "99"],
                     ["add", "--title", "T", "--status", "scheduled"],
                     ["add", "--title", "T", "--channel", "Carrier pigeon"],
                     ["import-ics", os.path.join(self.tmp, "missing.ics")]):
            result = self.cal(*args, status=1)
            self.assert_one_error_line(result)
        self.assertEqual(self.count_items(), 0)
        result = self.run_cli("--library", os.path.join(self.tmp, "nowhere"), "calendar", "list",
                              check_status=1)
        self.assert_one_error_line(result)

    def test_export_is_read_by_python_icalendar_and_reimport_changes_nothing(self):
        icalendar = import_debian_module("icalendar")  # python3-icalendar: a real external parser

        self.demo_library()
        ics = os.path.join(self.tmp, "calendar.ics")
        self.cal("export-ics", ics)
        with open(ics, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"BEGIN:VCALENDAR\r\n"))
        self.assertTrue(all(len(line) <= 75 for line in data.split(b"\r\n")))
        calendar = icalendar.Calendar.from_ical(data)
        events = [c for c in calendar.walk("VEVENT")]
        todos = [c for c in calendar.walk("VTODO")]
        masters = [e for e in events if e.get("RECURRENCE-ID") is None]
        self.assertEqual(len(masters) + len(todos), self.count_items())
        self.assertEqual(len({str(e["UID"]) for e in masters}), len(masters))
        rules = [e for e in masters if e.get("RRULE") is not None]
        self.assertTrue(any(e.get("EXDATE") is not None for e in rules))
        moved = [e for e in events if e.get("RECURRENCE-ID") is not None]
        self.assertTrue(moved)
        self.assertIn(str(moved[0]["UID"]), {str(e["UID"]) for e in rules})

        # importing it into the same library: every UID known, nothing changes
        before = self.json_of(self.cal("list", "--json"))
        report = self.json_of(self.cal("import-ics", "--json", ics))
        self.assertEqual(report, {"added": 0, "updated": 0, "unchanged": self.count_items()})
        self.assertEqual(self.json_of(self.cal("list", "--json")), before)

        # into a new library: everything added, then nothing the second time
        other = os.path.join(self.tmp, "other")
        self.init(other)
        first = self.json_of(self.run_cli("--library", other, "calendar", "import-ics", "--json", ics,
                                          check_status=0))
        self.assertEqual(first["added"], len(masters) + len(todos))
        second = self.json_of(self.run_cli("--library", other, "calendar", "import-ics", "--json", ics,
                                           check_status=0))
        self.assertEqual(second, {"added": 0, "updated": 0, "unchanged": first["added"]})
        exported_again = os.path.join(self.tmp, "again.ics")
        self.run_cli("--library", other, "calendar", "export-ics", exported_again, check_status=0)
        again = icalendar.Calendar.from_ical(open(exported_again, "rb").read())
        self.assertEqual(sorted(str(e["UID"]) + str(e.get("RRULE", "")) for e in again.walk("VEVENT")),
                         sorted(str(e["UID"]) + str(e.get("RRULE", "")) for e in events))

    def test_a_hostile_file_is_refused_with_its_name_and_line(self):
        self.init()
        self.cal("add", "--title", "Kept", "--publish", "2026-11-30")
        bad = os.path.join(self.tmp, "hostile.ics")
        with open(bad, "wb") as f:
            f.write(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:ok@x\r\nDTSTART:20261101\r\n"
                    b"SUMMARY:Fine\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:bad@x\r\nDTSTART:20261102\r\n"
                    b"RRULE:FREQ=SECONDLY\r\nSUMMARY:" + b"A" * 100000 + b"\r\nEND:VEVENT\r\n"
                    b"END:VCALENDAR\r\n")
        result = self.cal("import-ics", bad, status=1)
        line = self.assert_one_error_line(result)
        self.assertIn("hostile.ics", line)
        self.assertIn("line 8", line)
        self.assertEqual(self.count_items(), 1)
        with open(bad, "wb") as f:
            f.write(b"\xff\xfe\x00garbage")
        line = self.assert_one_error_line(self.cal("import-ics", bad, status=1))
        self.assertIn("hostile.ics", line)
        self.assertEqual(self.count_items(), 1)

    def test_warnings_name_licence_and_channel_problems(self):
        self.demo_library()
        warnings = self.json_of(self.cal("warnings", "--json"))
        self.assertTrue(warnings)
        for warning in warnings:
            self.assertEqual(list(warning), CALENDAR_WARNING_KEYS)
            self.assertIn(warning["kind"], ("licence", "channel"))
            self.assertTrue(is_int(warning["item_id"]) and is_int(warning["asset_id"]))
            self.assertTrue(warning["message"])
        codes = {(w["kind"], w["code"]) for w in warnings}
        self.assertIn(("channel", "too_small"), codes)
        self.assertTrue(any(kind == "licence" for kind, _ in codes))
        plain = self.cal("warnings").stdout.decode()
        self.assertEqual(len(plain.splitlines()), len(warnings))


if __name__ == "__main__":
    unittest.main(verbosity=2)
