#!/usr/bin/env python3
# check-help-figures.py SOURCE_ROOT — the help's figures are all there,
# in every language, and installed.
#
# Every figure a page shows is in help/C/figures; every figure there is
# shown by a page and listed in help/meson.build's media (else it is not
# installed); every language has its own copy (else it shows the English
# window); each is a whole PNG of a sensible size; and each language's
# catalog has the figure's current checksum, translated (itstool's
# "external ref" message), so that a figure taken again is noticed.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import os
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree
import zlib

LANGUAGES = ('ja', 'zh_CN', 'zh_TW')
MALLARD = '{http://projectmallard.org/1.0/}'
PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'
# A window or dialog as the help shows it: wider than a phone, not larger
# than a screen, and small enough to commit.
MIN_SIZE = (320, 200)
MAX_SIZE = (1600, 1200)
MAX_BYTES = 200 * 1024


def png_problem(path):
    """Why the file at @path is not a whole PNG of a sensible size, or None."""
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) > MAX_BYTES:
        return '%d KB, more than %d KB' % (len(data) // 1024, MAX_BYTES // 1024)
    if not data.startswith(PNG_SIGNATURE):
        return 'not a PNG file'
    offset = len(PNG_SIGNATURE)
    chunks = []
    while offset + 12 <= len(data):
        length, kind = struct.unpack('>I4s', data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        crc = data[offset + 8 + length:offset + 12 + length]
        if len(body) != length or len(crc) != 4:
            return 'cut short in its %s chunk' % kind.decode('latin-1')
        if struct.unpack('>I', crc)[0] != zlib.crc32(kind + body):
            return 'damaged %s chunk' % kind.decode('latin-1')
        chunks.append((kind, body))
        offset += 12 + length
        if kind == b'IEND':
            break
    if not chunks or chunks[0][0] != b'IHDR' or chunks[-1][0] != b'IEND':
        return 'no IHDR at the start or no IEND at the end'
    width, height = struct.unpack('>II', chunks[0][1][:8])
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        return '%d×%d pixels, not between %d×%d and %d×%d' % ((width, height) + MIN_SIZE
                                                                + MAX_SIZE)
    return None


def figures_shown(help_c):
    """{figure path as the pages write it: [pages that show it]}"""
    shown = {}
    for name in sorted(os.listdir(help_c)):
        if not name.endswith('.page'):
            continue
        for media in ElementTree.parse(os.path.join(help_c, name)).iter(MALLARD + 'media'):
            if media.get('type', 'image') == 'image' and media.get('src'):
                shown.setdefault(media.get('src'), []).append(name)
    return shown


def media_listed(help_meson):
    """The files help/meson.build gives gnome.yelp() as media."""
    with open(help_meson, encoding='utf-8') as f:
        text = f.read()
    listed = re.search(r'help_media\s*=\s*\[(.*?)\]', text, re.S)
    if listed is None or not re.search(r'media\s*:\s*help_media', text):
        return set()
    return set(re.findall(r"'([^']+)'", listed.group(1)))


def po_string(entry, keyword):
    """The string after @keyword in the catalog entry @entry, its lines joined."""
    found = re.search(r'^%s ((?:".*"\n?)+)' % keyword, entry, re.M)
    if found is None:
        return None
    return ''.join(re.findall(r'^"(.*)"$', found.group(1), re.M))


def catalog_refs(po):
    """{figure path: (checksum, translated)} from itstool's messages in @po."""
    with open(po, encoding='utf-8') as f:
        text = f.read()
    refs = {}
    for entry in text.split('\n\n'):
        msgid = po_string(entry, 'msgid')
        found = re.fullmatch(r"external ref='([^']+)' md5='([0-9a-f]+)'", msgid or '')
        if found is None:
            continue
        fuzzy = re.search(r'^#,.*\bfuzzy\b', entry, re.M) is not None
        refs[found.group(1)] = (found.group(2),
                                po_string(entry, 'msgstr') == msgid and not fuzzy)
    return refs


def check(root):
    help_dir = os.path.join(root, 'help')
    help_c = os.path.join(help_dir, 'C')
    problems = []
    shown = figures_shown(help_c)
    listed = media_listed(os.path.join(help_dir, 'meson.build'))
    folder = os.path.join(help_c, 'figures')
    present = set()
    if os.path.isdir(folder):
        present = {'figures/' + name for name in os.listdir(folder)}

    for figure, pages in sorted(shown.items()):
        if figure not in present:
            problems.append('help/C/%s: shown by %s, but missing' % (figure, ', '.join(pages)))
    for figure in sorted(present):
        if figure not in listed:
            problems.append('help/C/%s: not in help/meson.build\'s media, so not installed'
                            % figure)
        if figure not in shown:
            problems.append('help/C/%s: no page shows it' % figure)
    for figure in sorted(listed - present):
        problems.append('help/meson.build: media %s is not in help/C' % figure)

    for figure in sorted(present):
        for language in ('C',) + LANGUAGES:
            path = os.path.join(help_dir, language, figure)
            if not os.path.isfile(path):
                problems.append('help/%s/%s: missing: that help would show the English window'
                                % (language, figure))
                continue
            problem = png_problem(path)
            if problem is not None:
                problems.append('help/%s/%s: %s' % (language, figure, problem))

    for language in LANGUAGES:
        refs = catalog_refs(os.path.join(help_dir, language, language + '.po'))
        for figure in sorted(present & set(shown)):
            with open(os.path.join(folder, os.path.basename(figure)), 'rb') as f:
                checksum = hashlib.md5(f.read()).hexdigest()
            if figure not in refs:
                problems.append('help/%s/%s.po: no message for %s (help-entry-desk-update-po)'
                                % (language, language, figure))
            elif refs[figure][0] != checksum:
                problems.append('help/%s/%s.po: %s has changed since the catalog was '
                                'updated (help-entry-desk-update-po)'
                                % (language, language, figure))
            elif not refs[figure][1]:
                problems.append('help/%s/%s.po: the message for %s is not translated as '
                                'itself (its msgstr must be its msgid, not fuzzy)'
                                % (language, language, figure))
    return problems


def main(argv):
    if len(argv) != 2:
        sys.exit('usage: check-help-figures.py SOURCE_ROOT')
    problems = check(argv[1])
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print('help figures: all present, installed and translated')


if __name__ == '__main__':
    main(sys.argv)
