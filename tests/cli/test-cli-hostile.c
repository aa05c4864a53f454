/* test-cli-hostile.c — every reader refuses hostile input with a located message
 *
 * What an attacker or a damaged disk hands entry-desk-cli: nesting
 * deep enough to overflow json-glib's stack, empty files, keys given
 * twice, a second document, NUL bytes, a one-line MRZ cut inside a
 * character, escape sequences meant for the terminal, a header of
 * 100,000 columns. Each must end in exit status 1 with a message that
 * names the file and the place, never in a signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ed-test-util.h"

typedef struct
{
  char *home;       /* XDG_DATA_HOME */
  char *env_home;
  char *out;        /* of the last run */
  char *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->home = ed_test_make_tmpdir ();
  f->env_home = g_strconcat ("XDG_DATA_HOME=", f->home, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ed_test_rm_rf (f->home);
  g_free (f->home);
  g_free (f->env_home);
  g_free (f->out);
  g_free (f->err);
}

/* Cut at a NUL byte: what a terminal would show of it. */
static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

/* Runs the CLI with @input on its standard input. Its output is kept as
 * bytes: garbage is what some of these tests look for. A signal fails
 * the test. */
static int
run_with_input (Fixture     *f,
                GBytes      *input,
                const char  *first,
                ...) G_GNUC_NULL_TERMINATED;

static int
run_with_input (Fixture     *f,
                GBytes      *input,
                const char  *first,
                ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ENTRY_DESK_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new ((input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0) |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "ED_TODAY", "2025-06-01", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_free (f->out);
  g_free (f->err);
  f->out = bytes_to_string (out);
  f->err = bytes_to_string (err);
  g_test_message ("stderr: %s", f->err);

  if (g_subprocess_get_if_signaled (process))
    g_error ("%s was killed by signal %d; it wrote: %s", first,
             g_subprocess_get_term_sig (process), f->err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

#define run(f, ...) run_with_input (f, NULL, __VA_ARGS__)

/* Writes @length bytes of @contents (all of it when -1) to @name in the
 * test's folder. */
static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->home, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static char *
deep_nesting (void)
{
  GString *text = g_string_new ("{\"surname\":\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  return g_string_free (text, FALSE);
}

static void
assert_says (const char *text,
             const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” does not say “%s”", text, expected);
}

/* Item 1: 100,000 levels crashed every reader. */
static void
test_hostile_deep_nesting (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *deep = deep_nesting ();
  g_autofree char *file = write_file (f, "deep.json", deep, -1);
  g_autofree char *pdf = g_build_filename (f->home, "out.pdf", NULL);
  g_autofree char *at = g_strconcat (file, ": line 2, column 64: objects and lists are nested "
                                     "more than 64 deep", NULL);

  g_assert_cmpint (run (f, "check-catalog", file, NULL), ==, 1);
  assert_says (f->out, at);
  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", file, NULL), ==, 1);
  assert_says (f->err, at);
  g_assert_cmpint (run (f, "sheet", "jp-my-her-sys", "--traveller", file, "-o", pdf, NULL), ==, 1);
  assert_says (f->err, at);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (f, "cases", "import", file, NULL), ==, 1);
  assert_says (f->err, at);
}

/* Item 1: such a file in the user's procedures folder is skipped, and
 * the rest of the catalog is there. */
static void
test_hostile_procedures_folder (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->home, "entry-desk", "procedures", NULL);
  g_autofree char *file = g_build_filename (folder, "xx-deep.json", NULL);
  g_autofree char *deep = deep_nesting ();

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, deep, -1, NULL));

  g_assert_cmpint (run (f, "list", NULL), ==, 0);
  assert_says (f->out, "jp-my-her-sys");
  assert_says (f->err, "skipped: ");
  assert_says (f->err, "xx-deep.json: line 2, column 64: ");
}

/* Item 2: an empty or blank traveller file crashed validate and sheet. */
static void
test_hostile_empty_traveller (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *empty = write_file (f, "empty.json", "", 0);
  g_autofree char *blank = write_file (f, "blank.json", " \n\t\n", -1);
  g_autofree char *pdf = g_build_filename (f->home, "out.pdf", NULL);
  g_autofree char *empty_says = g_strconcat (empty, ": the file is empty", NULL);
  g_autofree char *blank_says = g_strconcat (blank, ": the file is empty", NULL);

  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", empty, NULL), ==, 1);
  assert_says (f->err, empty_says);
  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", blank, NULL), ==, 1);
  assert_says (f->err, blank_says);
  g_assert_cmpint (run (f, "sheet", "jp-my-her-sys", "--traveller", empty, "-o", pdf, NULL), ==, 1);
  assert_says (f->err, empty_says);
  g_assert_cmpint (run (f, "sheet", "jp-my-her-sys", "--traveller", blank, "-o", pdf, NULL), ==, 1);
  assert_says (f->err, blank_says);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Item 6: the whole zone as one line, cut inside a character, read
 * past its buffer and printed half a character. */
static void
test_hostile_mrz_cut (Fixture       *f,
                      gconstpointer  data)
{
  const char *line = "I<UTOD231458907<<<<<<<<<<<<<<\xc3\xa9" "408122F1204159UTO<<<<<<<<<<<6"
                     "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
  g_autoptr(GBytes) input = g_bytes_new_static (line, strlen (line));

  g_assert_cmpuint (strlen (line), ==, 90);
  g_assert_cmpint (run_with_input (f, input, "mrz", "-", NULL), ==, 1);
  g_assert_true (g_utf8_validate (f->err, -1, NULL));
  g_assert_cmpstr (f->err, ==, "entry-desk-cli: An MRZ has two or three lines; this is one line "
                               "of 89 characters.\n");
}

/* Item 7: "WA<NUL>NG" was printed as "WA", exit 0. */
static void
test_hostile_csv_nul (Fixture       *f,
                      gconstpointer  data)
{
  static const char csv[] = "surname,given_names,birth_date,sex,nationality,passport_number\n"
                            "WA\0NG,LI,1990-01-01,F,CHN,E12345678\n";
  g_autofree char *file = write_file (f, "nul.csv", csv, sizeof csv - 1);
  g_autofree char *dir = g_build_filename (f->home, "sheets", NULL);
  g_autofree char *said = g_strconcat ("entry-desk-cli: ", file,
                                       ": row 2: the row holds a NUL character", NULL);
  g_auto(GStrv) around_file = NULL;
  g_autofree char *err_without_file = NULL;

  g_assert_cmpint (run (f, "batch", "jp-my-her-sys", "--csv", file, "-o", dir, NULL), ==, 1);
  assert_says (f->err, said);
  g_assert_null (strstr (f->out, "WA"));
  /* The name is not quoted back; the file's own path is (its place). */
  around_file = g_strsplit (f->err, file, -1);
  err_without_file = g_strjoinv ("", around_file);
  g_assert_null (strstr (err_without_file, "WA"));
}

/* Item 8: json-glib kept the last of two keys and ignored a second
 * document, in every kind of file. */
static void
test_hostile_duplicates (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *case_path = ed_test_data_path ("store", "case.json", NULL);
  g_autofree char *case_text = NULL;
  g_autofree char *twice = write_file (f, "twice.json", "{\n  \"surname\": \"WANG\",\n"
                                       "  \"given_names\": \"LI\",\n  \"surname\": \"ZHAO\"\n}\n",
                                       -1);
  g_autofree char *second = write_file (f, "second.json", "{\"surname\": \"WANG\"}\n"
                                        "{\"surname\": \"ZHAO\"}\n", -1);
  g_autofree char *procedure = NULL;
  g_autofree char *case_twice = NULL;
  g_autofree char *case_file = NULL;
  g_autofree char *says = NULL;
  char *at;

  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", twice, NULL), ==, 1);
  says = g_strconcat (twice, ": surname: this key is given twice, on lines 2 and 4: keep only "
                      "one of them", NULL);
  assert_says (f->err, says);
  g_clear_pointer (&says, g_free);

  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", second, NULL), ==, 1);
  says = g_strconcat (second, ": line 2, column 1: the file is not valid JSON: a second JSON "
                      "document starts here", NULL);
  assert_says (f->err, says);
  g_clear_pointer (&says, g_free);

  /* A case file whose second traveller has its passport number twice:
   * refused, nothing imported. */
  g_assert_true (g_file_get_contents (case_path, &case_text, NULL, NULL));
  at = strstr (case_text, "\"passport_number\" : \"C7654321\"");
  g_assert_nonnull (at);
  case_twice = g_strdup_printf ("%.*s\"passport_number\" : \"X1\", %s", (int) (at - case_text),
                                case_text, at);
  case_file = write_file (f, "case-twice.json", case_twice, -1);
  g_assert_cmpint (run (f, "cases", "import", case_file, NULL), ==, 1);
  says = g_strconcat (case_file, ": travellers[1].passport_number: this key is given twice",
                      NULL);
  assert_says (f->err, says);
  g_clear_pointer (&says, g_free);
  g_assert_cmpint (run (f, "cases", "list", "--all", NULL), ==, 0);
  g_assert_null (strstr (f->out, "ED-4F7H-2K"));

  /* A procedure file with a key twice. */
  procedure = write_file (f, "xx-twice.json", "{\"schema\": 1, \"id\": \"xx-twice\",\n"
                          "\"id\": \"xx-other\"}", -1);
  g_assert_cmpint (run (f, "check-catalog", procedure, NULL), ==, 1);
  says = g_strconcat (procedure, ": id: this key is given twice, on lines 1 and 2", NULL);
  assert_says (f->out, says);
}

/* Item 9: escape sequences in a file reached the terminal as they are. */
static void
test_hostile_control_characters (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *key = write_file (f, "key.json", "{\"\\u001b]0;owned\\u0007\": \"x\"}", -1);
  g_autofree char *value = write_file (f, "value.json",
                                       "{\"surname\": \"WANG\", \"given_names\": \"LI\", "
                                       "\"nationality\": \"\\u001b[2J\\r\\u009b31m\"}", -1);

  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", key, NULL), ==, 1);
  assert_says (f->err, "“\\x1B]0;owned\\x07”");
  g_assert_null (strchr (f->err, '\x1b'));
  g_assert_null (strchr (f->err, '\x07'));

  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", value, NULL), ==, 1);
  assert_says (f->out, "nationality: “\\x1B[2J\\x0D\\u009B31M”");
  g_assert_null (strchr (f->out, '\x1b'));
  g_assert_null (strchr (f->out, '\r'));
  g_assert_null (strstr (f->out, "\xc2\x9b"));
}

/* Item 9: 100,000 unknown columns printed 13.5 MB of messages. */
static void
test_hostile_repeated_messages (Fixture       *f,
                                gconstpointer  data)
{
  GString *csv = g_string_new ("surname,given_names");
  g_autofree char *file = NULL;
  g_autofree char *dir = g_build_filename (f->home, "sheets", NULL);
  g_auto(GStrv) lines = NULL;
  char *said;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (csv, ",x%u", i);
  g_string_append (csv, "\nWANG,LI\n");
  file = write_file (f, "wide.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);

  g_assert_cmpint (run (f, "batch", "jp-my-her-sys", "--csv", file, "-o", dir, NULL), ==, 1);
  lines = g_strsplit (f->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), <, 30);
  said = g_strconcat ("entry-desk-cli: ", file, ": row 1, x9: unknown column", NULL);
  assert_says (f->err, said);
  g_free (said);
  said = g_strconcat ("entry-desk-cli: ", file, ": … and 99,990 more like this\n", NULL);
  assert_says (f->err, said);
  g_free (said);
  g_assert_null (strstr (f->err, "x10:"));
}

/* Item 11: the place of an encoding error, and of a file cut short. */
static void
test_hostile_located (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *latin1 = write_file (f, "latin1.json", "{\n  \"surname\": \"WANG\",\n"
                                        "  \"native_name\": \"Jos\xe9\"\n}\n", -1);
  g_autofree char *cut = write_file (f, "cut.json", "{\n  \"surname\": \"WANG\",\n"
                                     "  \"given_names\": \"LI\",\n", -1);
  g_autofree char *says = NULL;

  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", latin1, NULL), ==, 1);
  says = g_strconcat (latin1, ": line 3, column 22: this is not UTF-8 text: save the file as "
                      "UTF-8", NULL);
  assert_says (f->err, says);
  g_clear_pointer (&says, g_free);

  g_assert_cmpint (run (f, "validate", "jp-my-her-sys", cut, NULL), ==, 1);
  says = g_strconcat (cut, ": line 3, column 23: the file is not valid JSON: the file ends "
                      "before the object opened on line 1, column 1 is closed: it may have "
                      "been cut short", NULL);
  assert_says (f->err, says);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/hostile/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("deep-nesting", test_hostile_deep_nesting);
  ADD ("procedures-folder", test_hostile_procedures_folder);
  ADD ("empty-traveller", test_hostile_empty_traveller);
  ADD ("mrz-cut", test_hostile_mrz_cut);
  ADD ("csv-nul", test_hostile_csv_nul);
  ADD ("duplicates", test_hostile_duplicates);
  ADD ("control-characters", test_hostile_control_characters);
  ADD ("repeated-messages", test_hostile_repeated_messages);
  ADD ("located", test_hostile_located);

  return g_test_run ();
}
