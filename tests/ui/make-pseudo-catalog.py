#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-pseudo-catalog.py — builds the "en@pseudo" catalog of the pseudo-locale UI test: every
# string of the C and GtkBuilder files listed in po/POTFILES.in, translated as "⟦string⟧",
# so that text that never went through gettext stands out in the running app.
#
# Usage: make-pseudo-catalog.py SOURCE_ROOT LOCALE_DIR
# Writes LOCALE_DIR/en@pseudo/LC_MESSAGES/mops.mo. Exits 77 (skip) when the gettext tools
# are missing. $MOPS_PSEUDO_POTFILES names another list than SOURCE_ROOT/po/POTFILES.in
# (to try a file before it is listed there).

import os
import shutil
import subprocess
import sys
import tempfile

DOMAIN = 'mops'
LANGUAGE = 'en@pseudo'
KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dngettext:2,3', 'ngettext:1,2']
TOOLS = ['xgettext', 'msgen', 'msgfilter', 'msgfmt', 'sed']


def read_potfiles(source_root):
    path = os.environ.get('MOPS_PSEUDO_POTFILES') or os.path.join(source_root, 'po', 'POTFILES.in')
    files = []
    with open(path, encoding='utf-8') as potfiles:
        for line in potfiles:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            # The app's own strings: C sources and GtkBuilder files. Desktop, metainfo and
            # schema strings never show inside the app.
            if line.endswith(('.c', '.h', '.ui')):
                files.append(line)
    return files


def run(args, **kwargs):
    subprocess.run(args, check=True, **kwargs)


def main():
    if len(sys.argv) != 3:
        sys.exit(f'usage: {sys.argv[0]} SOURCE_ROOT LOCALE_DIR')
    source_root, locale_dir = sys.argv[1:]

    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f'missing gettext tools: {" ".join(missing)}', file=sys.stderr)
        sys.exit(77)

    files = read_potfiles(source_root)
    if not files:
        sys.exit('po/POTFILES.in lists no C or .ui files')

    with tempfile.TemporaryDirectory(prefix='mops-pseudo-') as work:
        pot = os.path.join(work, 'mops.pot')
        english = os.path.join(work, 'en.po')
        pseudo = os.path.join(work, 'pseudo.po')

        run(['xgettext', '--from-code=UTF-8', '--add-comments=Translators',
             f'--directory={source_root}', f'--output={pot}', '--package-name=mops']
            + [f'--keyword={keyword}' for keyword in KEYWORDS]
            + files)

        # A template's header is a placeholder: give it a charset and English plurals.
        with open(pot, encoding='utf-8') as template:
            text = template.read()
        text = text.replace('charset=CHARSET', 'charset=UTF-8')
        text = text.replace('nplurals=INTEGER; plural=EXPRESSION;', 'nplurals=2; plural=(n != 1);')
        with open(pot, 'w', encoding='utf-8') as template:
            template.write(text)

        run(['msgen', '--no-wrap', f'--output-file={english}', pot])
        # sed sees one message at a time: open before the first line, close after the last.
        run(['msgfilter', '--keep-header', '--no-wrap', f'--input={english}',
             f'--output-file={pseudo}', 'sed', '-e', '1s/^/⟦/', '-e', '$s/$/⟧/'])

        target = os.path.join(locale_dir, LANGUAGE, 'LC_MESSAGES')
        os.makedirs(target, exist_ok=True)
        run(['msgfmt', '--check-format', f'--output-file={os.path.join(target, DOMAIN + ".mo")}',
             pseudo])


if __name__ == '__main__':
    main()
