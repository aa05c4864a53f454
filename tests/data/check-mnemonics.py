#!/usr/bin/env python3
# check-mnemonics.py SOURCE_ROOT MSGFMT — no menu uses one mnemonic letter
# twice (Alt+letter must pick one item), in English and in every language
# of po/.
#
# A menu is a <menu> of a .ui file under src/ (its sections and items
# together: a popover shows them as one), or the items a C file builds
# with g_menu_item_new (_("…")) — each such file builds one menu.
import gettext
import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LANGUAGES = ('ja', 'zh_CN', 'zh_TW')
C_ITEM = re.compile(r'g_menu_item_new\s*\(\s*_\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)')


def mnemonic(label):
    """The letter after the first '_' (none for "__"), lower case, or None."""
    i = 0
    while i < len(label) - 1:
        if label[i] == '_':
            if label[i + 1] != '_':
                return label[i + 1].lower()
            i += 1
        i += 1
    return None


def ui_menus(path):
    """(name, [(context, label)]) for each <menu> of a .ui file."""
    root = ET.parse(path).getroot()
    for menu in root.iter('menu'):
        items = []
        for item in menu.iter('item'):
            for attribute in item.findall('attribute'):
                if attribute.get('name') == 'label' and attribute.text:
                    items.append((attribute.get('context'), attribute.text))
        yield '%s: menu %s' % (path, menu.get('id')), items


def c_menus(path):
    with open(path, encoding='utf-8') as f:
        items = [(None, m.group(1)) for m in C_ITEM.finditer(f.read())]
    if items:
        yield path, items


def duplicates(name, items, translate, language):
    """Messages for each label whose letter an earlier label of the menu has."""
    seen = {}
    for context, label in items:
        shown = translate(context, label)
        letter = mnemonic(shown)
        if letter is None:
            continue
        if letter in seen:
            yield '%s [%s]: “%s” and “%s” both use Alt+%s' % (
                name, language, seen[letter], shown, letter.upper())
        else:
            seen[letter] = shown


def translators(root, msgfmt, folder):
    """(language, translate) for English and each catalog of po/."""
    yield 'en', lambda context, label: label
    for language in LANGUAGES:
        mo = os.path.join(folder, language + '.mo')
        subprocess.run([msgfmt, '-o', mo, os.path.join(root, 'po', language + '.po')],
                       check=True)
        with open(mo, 'rb') as f:
            catalog = gettext.GNUTranslations(f)
        yield language, (lambda c=catalog: lambda context, label:
                         c.pgettext(context, label) if context else c.gettext(label))()


def check(root, msgfmt):
    menus = []
    for path in sorted(glob.glob(os.path.join(root, 'src', '**', '*.ui'), recursive=True)):
        menus.extend(ui_menus(path))
    for path in sorted(glob.glob(os.path.join(root, 'src', '**', '*.c'), recursive=True)):
        menus.extend(c_menus(path))

    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for language, translate in translators(root, msgfmt, folder):
            for name, items in menus:
                problems.extend(duplicates(os.path.relpath(name, root), items,
                                           translate, language))
    return len(menus), problems


def self_test():
    items = [(None, '_Print'), (None, 'Save as _PDF'), (None, 'Fi__le _Delete')]
    found = list(duplicates('menu', items, lambda c, s: s, 'en'))
    assert len(found) == 1 and 'Alt+P' in found[0], found
    assert mnemonic('Fi__le _Delete') == 'd'
    assert mnemonic('印刷(_P)…') == 'p'
    assert mnemonic('No letter') is None


def main():
    self_test()
    count, problems = check(sys.argv[1], sys.argv[2])
    for problem in problems:
        print(problem)
    print('%d menus checked in %d languages' % (count, len(LANGUAGES) + 1))
    return 1 if problems or count == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
