#!/usr/bin/env python3
# check-portable.py DIR… — Entry Desk runs on Linux, Windows and macOS: a
# header that only POSIX systems have may be included only inside a
# `#ifdef G_OS_UNIX` branch (or `#if defined (G_OS_UNIX) && …`), with a
# working alternative for the other systems beside it in the code.
#
# check-portable.py --self-test checks the checker.
import os
import re
import sys

# Headers a Windows C runtime does not have, or whose calls it lacks.
POSIX_ONLY = re.compile(r'''^(
    unistd | fcntl | dirent | pthread | poll | termios | pwd | grp | dlfcn |
    syslog | libgen | netdb | spawn | semaphore | sched | fnmatch | glob |
    langinfo | utime | strings | wordexp | ftw | glib-unix |
    (sys | netinet | arpa)/.* | gio/gunix.* | gio/gdesktopappinfo |
    gio/gfiledescriptorbased
  )\.h$''', re.VERBOSE)

INCLUDE = re.compile(r'^\s*#\s*include\s*<([^>]+)>')
DIRECTIVE = re.compile(r'^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$')


def is_unix_condition(kind, expression):
    """True when a branch is compiled only where G_OS_UNIX is defined."""
    expression = expression.strip()
    if kind == 'ifdef':
        return expression == 'G_OS_UNIX'
    if kind in ('if', 'elif'):
        if '||' in expression:
            return False
        terms = [t.strip() for t in expression.split('&&')]
        return any(re.fullmatch(r'defined\s*\(?\s*G_OS_UNIX\s*\)?', t) for t in terms)
    return False


def strip_comments(text):
    """Blanks out comments and keeps the line numbers."""
    def blank(match):
        return re.sub(r'[^\n]', ' ', match.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*', blank, text, flags=re.DOTALL)


def check_text(text, name):
    """Returns (line, header) for every POSIX-only include outside a G_OS_UNIX branch."""
    problems = []
    # One entry per open #if: is its current branch a G_OS_UNIX one?
    stack = []
    lines = strip_comments(text).replace('\\\n', ' \n').split('\n')
    for number, line in enumerate(lines, start=1):
        directive = DIRECTIVE.match(line)
        if directive:
            kind, rest = directive.group(1), directive.group(2)
            if kind in ('if', 'ifdef', 'ifndef'):
                stack.append(is_unix_condition(kind, rest))
            elif kind == 'elif' and stack:
                stack[-1] = is_unix_condition(kind, rest)
            elif kind == 'else' and stack:
                stack[-1] = False
            elif kind == 'endif' and stack:
                stack.pop()
            continue
        include = INCLUDE.match(line)
        if include and POSIX_ONLY.match(include.group(1)) and not any(stack):
            problems.append((number, include.group(1)))
    return problems


def check_tree(root):
    problems = []
    for folder, _, files in os.walk(root):
        for file in sorted(files):
            if not file.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, file)
            with open(path, encoding='utf-8') as f:
                for number, header in check_text(f.read(), path):
                    problems.append(f'{path}:{number}: <{header}> outside a G_OS_UNIX branch')
    return problems


SAMPLES = [
    ('#include <unistd.h>\n', [(1, 'unistd.h')]),
    ('#include <glib.h>\n#include <string.h>\n#include <io.h>\n', []),
    ('#ifdef G_OS_UNIX\n#include <fcntl.h>\n#include <sys/stat.h>\n#endif\n', []),
    ('#ifdef G_OS_UNIX\n#include <unistd.h>\n#else\n#include <fcntl.h>\n#endif\n',
     [(4, 'fcntl.h')]),
    ('#ifdef __linux__\n#include <sys/random.h>\n#endif\n', [(2, 'sys/random.h')]),
    ('#ifdef G_OS_UNIX\n#ifdef __linux__\n#include <sys/random.h>\n#endif\n#endif\n', []),
    ('#if defined (G_OS_UNIX) && defined (__APPLE__)\n#include <pthread.h>\n#endif\n', []),
    ('#if defined (G_OS_UNIX) || defined (G_OS_WIN32)\n#include <pthread.h>\n#endif\n',
     [(2, 'pthread.h')]),
    ('#ifdef G_OS_WIN32\n#include <windows.h>\n#elif defined (G_OS_UNIX)\n'
     '#include <dirent.h>\n#endif\n', []),
    ('#ifndef G_OS_UNIX\n#include <io.h>\n#else\n#include <unistd.h>\n#endif\n',
     [(4, 'unistd.h')]),
    ('/* #include <unistd.h> */\n// #include <fcntl.h>\n#  include  <glib-unix.h>\n',
     [(3, 'glib-unix.h')]),
    ('#ifdef G_OS_UNIX\n#endif\n#include <gio/gunixinputstream.h>\n',
     [(3, 'gio/gunixinputstream.h')]),
]


def self_test():
    failed = 0
    for number, (text, expected) in enumerate(SAMPLES, start=1):
        found = check_text(text, f'sample {number}')
        if found != expected:
            print(f'sample {number}: expected {expected}, found {found}')
            failed += 1
    print(f'{len(SAMPLES) - failed} of {len(SAMPLES)} samples as expected')
    return 1 if failed else 0


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    if len(sys.argv) < 2:
        print('usage: check-portable.py DIR… | --self-test', file=sys.stderr)
        return 2
    problems = []
    for root in sys.argv[1:]:
        problems += check_tree(root)
    for problem in problems:
        print(problem)
    if problems:
        print('Use GLib or GIO, or put the POSIX code in a G_OS_UNIX branch beside '
              'one for Windows.')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
