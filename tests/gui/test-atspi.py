#!/usr/bin/python3
# test-atspi.py — the real entry-desk program, driven as a screen reader
# or an automation tool sees it: over AT-SPI, by accessible names.
#
# Run under xvfb-run and dbus-run-session (tests/gui/meson.build does);
# ENTRY_DESK expects the path of the built program. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

import pyatspi

EXPECTED = {
    'ja': {'welcome': 'Entry Desk へようこそ', 'new_case': '新しい案件',
           'search': '手続きを検索', 'dalian': '大連市'},
    'zh_CN': {'welcome': '欢迎使用 Entry Desk', 'new_case': '新建案件',
              'search': '搜索手续', 'dalian': '大连市'},
}

results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))
    print(('ok' if ok else 'not ok') + f' {len(results)} {name}' + (f' # {detail}' if detail and not ok else ''))
    sys.stdout.flush()


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def text_of(node):
    """What a screen reader reads: the name, or the text itself."""
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return node.name or ''


# Generous: on a busy machine the bus and the program are slow to answer.
def find(root, predicate, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for node in walk(root):
            try:
                if predicate(node):
                    return node
            except Exception:
                pass
        time.sleep(0.3)
    return None


# GTK 4.8 leaves hidden widgets out of the tree (a row filtered away is
# gone) but sets no "showing" state: presence is what can be checked.
def has_state(node, state):
    return node.getState().contains(state)


def find_app(pid, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    return None


def main():
    language = os.environ.get('LANGUAGE', 'ja').split(':')[0]
    want = EXPECTED[language]
    print('1..6')

    # The accessibility bus and its registry up first, or the program
    # may start before them and never be seen.
    pyatspi.Registry.getDesktop(0).childCount

    env = dict(os.environ)
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    program = subprocess.Popen([env['ENTRY_DESK']], env=env)
    try:
        app = find_app(program.pid)
        check('the application is on the accessibility bus', app is not None)
        if app is None:
            return

        welcome = find(app, lambda n: n.getRole() == pyatspi.ROLE_LABEL and want['welcome'] in text_of(n))
        check('the welcome page reads in the UI language', welcome is not None)

        button = find(app, lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == want['new_case'])
        check('the New Case button has its accessible name', button is not None)
        if button is None:
            return
        button.queryAction().doAction(0)

        entry = find(app, lambda n: n.name == want['search'] and has_state(n, pyatspi.STATE_FOCUSED)
                     and n.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT))
        check('New Case puts the focus in the procedure search, which has its name', entry is not None)
        if entry is None:
            return

        entry.queryEditableText().setTextContents('大连')
        dalian = find(app, lambda n: n.getRole() == pyatspi.ROLE_LABEL
                      and text_of(n).startswith(want['dalian']))
        check('searching 大连 shows Dalian’s procedure', dalian is not None)

        others = []
        deadline = time.time() + 60
        while time.time() < deadline:
            others = [n for n in walk(app) if n.getRole() == pyatspi.ROLE_LABEL and 'MySOS' in text_of(n)]
            if not others:
                break
            time.sleep(0.3)
        check('and hides the others', dalian is not None and not others,
              f'{len(others)} MySOS labels still shown')
    finally:
        program.terminate()
        try:
            program.wait(10)
        except subprocess.TimeoutExpired:
            program.kill()


if __name__ == '__main__':
    main()
    sys.exit(0 if results and all(ok for _, ok, _ in results) else 1)
