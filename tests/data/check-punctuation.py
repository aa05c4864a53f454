#!/usr/bin/env python3
# check-punctuation.py SOURCE_ROOT MSGFMT — Japanese and Chinese messages
# use full-width punctuation in their sentences: （…）, ？, ！ and 、/，
# rather than ASCII (…), ?, ! and , beside CJK text.
#
# A mnemonic's "(_P)" is GTK's and stays ASCII. Colons are not checked
# here: "row 3: warning: …" and the command line's "file: line: …" keep
# the ASCII colon of located messages, which a rule could not tell apart.
import gettext
import os
import re
import subprocess
import sys
import tempfile

LANGUAGES = ('ja', 'zh_CN', 'zh_TW')
CJK = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff'
RULES = (
    (re.compile(r'[%s] ?\((?!_[A-Za-z0-9]\))' % CJK), 'ASCII “(” after CJK text: use “（”'),
    (re.compile(r'\((?!_[A-Za-z0-9]\))[^()\n]*\) ?[%s]' % CJK), 'ASCII “)” before CJK text: use “）”'),
    (re.compile(r'\([%s][^()\n]*\)' % CJK), 'ASCII parentheses around CJK text: use “（…）”'),
    (re.compile(r'[%s][?!]' % CJK), 'ASCII “?” or “!” after CJK text: use “？” or “！”'),
    (re.compile(r'[%s],' % CJK), 'ASCII “,” after CJK text: use “、” or “，”'),
)


def problems(text):
    for rule, what in RULES:
        if rule.search(text):
            yield what


def check(root, msgfmt):
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for language in LANGUAGES:
            mo = os.path.join(folder, language + '.mo')
            subprocess.run([msgfmt, '-o', mo, os.path.join(root, 'po', language + '.po')],
                           check=True)
            with open(mo, 'rb') as f:
                catalog = gettext.GNUTranslations(f)
            for key, text in catalog._catalog.items():
                if key == '' or not text:
                    continue
                for what in problems(text):
                    found.append('po/%s.po: “%s”: %s' % (language, text.replace('\n', ' '), what))
    return found


def self_test():
    assert list(problems('保存しますか?'))
    assert list(problems('手続き (既定: なし)'))
    assert list(problems('将核对表导出为 PDF(_D)…')) == []
    assert list(problems('手続き（既定：なし）')) == []
    assert list(problems('%s (%s)')) == []


def main():
    self_test()
    found = check(sys.argv[1], sys.argv[2])
    for problem in found:
        print(problem)
    print('%d problems in %d catalogs' % (len(found), len(LANGUAGES)))
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
