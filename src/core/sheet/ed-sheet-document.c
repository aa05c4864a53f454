/* ed-sheet-document.c
 *
 * The costly part, shaping the procedure's text, happens once in a
 * template; each traveller's sheet is made from it in an instant. The
 * travellers are copied and tidied as staff would have typed them
 * before printing, so the sheet shows what an official form would
 * accept. A sheet is laid out when it is first drawn and kept for the
 * preview and the printer; the PDF writers lay out the others in worker
 * threads and let them go once written, so that a batch of thousands
 * holds only a few at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-case-missing.h"
#include "ed-problem.h"
#include "ed-sheet-document-private.h"

struct _EdSheetDocument
{
  GObject          parent_instance;

  EdSheetTemplate *sheet_template;  /* the first sheet's */
  GPtrArray       *travellers;      /* EdTraveller: tidied copies, in print order */
  GPtrArray       *problems;        /* utf8: what stops printing, in the UI language */
  char            *title;           /* nullable: else the procedure's */
  char            *name;            /* nullable: the file name's start, else the procedure id */
  gboolean         journey;

  /* Per sheet. */
  GPtrArray       *templates;       /* EdSheetTemplate */
  GPtrArray       *whom;            /* EdTraveller in travellers, or NULL: blank, or a cover */
  GPtrArray       *missing;         /* EdMissing, what stops printing */
  GArray          *first_pages;     /* guint; one more: the number of pages */

  GMutex           lock;            /* for sheets: any thread may draw */
  GPtrArray       *sheets;          /* EdSheetLayout, or NULL until first drawn */
};

G_DEFINE_FINAL_TYPE (EdSheetDocument, ed_sheet_document, G_TYPE_OBJECT)

static void
ed_sheet_document_finalize (GObject *object)
{
  EdSheetDocument *self = ED_SHEET_DOCUMENT (object);

  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->first_pages, g_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->whom, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->travellers, g_ptr_array_unref);
  g_clear_object (&self->sheet_template);
  g_free (self->title);
  g_free (self->name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ed_sheet_document_parent_class)->finalize (object);
}

static void
ed_sheet_document_class_init (EdSheetDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_sheet_document_finalize;
}

/* Sheets not laid out yet are NULL. */
static void
unref_sheet (gpointer sheet)
{
  if (sheet != NULL)
    g_object_unref (sheet);
}

static void
ed_sheet_document_init (EdSheetDocument *self)
{
  g_mutex_init (&self->lock);
  self->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->whom = g_ptr_array_new ();
  self->missing = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->first_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sheets = g_ptr_array_new_with_free_func (unref_sheet);
}

static void
add_problems (EdSheetDocument *self,
              EdTraveller     *traveller,
              GPtrArray       *missing)
{
  g_autofree char *name = ed_traveller_dup_display_name (traveller);

  for (guint i = 0; i < missing->len; i++)
    {
      const EdMissing *entry = g_ptr_array_index (missing, i);
      const char *label = ed_missing_get_label (entry, ed_language_for_ui ());

      for (guint j = 0; j < entry->problems->len; j++)
        {
          const EdProblem *problem = g_ptr_array_index (entry->problems, j);

          char *sentence;

          if (label != NULL)
            /* Translators: a traveller's name, a field's label, what is wrong with it */
            sentence = g_strdup_printf (_("%s, %s: %s"), name, label, problem->message);
          else
            /* Translators: a traveller's name, then what is wrong */
            sentence = g_strdup_printf (_("%s: %s"), name, problem->message);
          /* The same answer may be wanted by several procedures. */
          if (g_ptr_array_find_with_equal_func (self->problems, sentence, g_str_equal, NULL))
            g_free (sentence);
          else
            g_ptr_array_add (self->problems, sentence);
        }
    }
}

/**
 * ed_sheet_document_new_for_template:
 * @travellers: (element-type EdTraveller) (nullable): the travellers to
 *   print a sheet for, in order; empty or %NULL for one blank sheet
 *
 * Fast: the template did the costly work, and sheets are laid out when
 * first drawn. May run in any thread, as long as nobody changes the
 * travellers meanwhile.
 *
 * Returns: (transfer full): the document
 */
EdSheetDocument *
ed_sheet_document_new_for_template (EdSheetTemplate *sheet_template,
                                    GPtrArray       *travellers)
{
  EdSheetDocument *self;

  g_return_val_if_fail (ED_IS_SHEET_TEMPLATE (sheet_template), NULL);

  self = _ed_sheet_document_new ();
  for (guint i = 0; travellers != NULL && i < travellers->len; i++)
    _ed_sheet_document_add_sheet (self, sheet_template,
                                  _ed_sheet_document_add_traveller (self,
                                                                    g_ptr_array_index (travellers,
                                                                                       i)));

  /* A blank sheet: nothing to check. */
  if (self->sheets->len == 0)
    _ed_sheet_document_add_sheet (self, sheet_template, NULL);

  return self;
}

/* Returns: (transfer full): a document without sheets yet */
EdSheetDocument *
_ed_sheet_document_new (void)
{
  EdSheetDocument *self = g_object_new (ED_TYPE_SHEET_DOCUMENT, NULL);
  guint none = 0;

  g_array_append_val (self->first_pages, none);
  return self;
}

/* Returns: (transfer none): the document's tidied copy of @traveller,
 * for its sheets */
EdTraveller *
_ed_sheet_document_add_traveller (EdSheetDocument *self,
                                  EdTraveller     *traveller)
{
  EdTraveller *copy = ed_traveller_copy (traveller);

  g_ptr_array_add (self->travellers, copy);
  return copy;
}

/**
 * _ed_sheet_document_add_sheet:
 * @whom: (nullable): a traveller added with
 *   _ed_sheet_document_add_traveller(), or %NULL for a blank sheet or
 *   a page without a procedure (a journey's cover)
 *
 * Adds a sheet of @sheet_template at the end, and what stops @whom's
 * from being printed.
 */
void
_ed_sheet_document_add_sheet (EdSheetDocument *self,
                              EdSheetTemplate *sheet_template,
                              EdTraveller     *whom)
{
  EdProcedure *procedure = ed_sheet_template_get_procedure (sheet_template);
  GPtrArray *missing;
  guint first = g_array_index (self->first_pages, guint, self->first_pages->len - 1);

  if (whom != NULL && procedure != NULL)
    {
      missing = ed_traveller_missing (whom, NULL, procedure, NULL, ED_MISSING_FOR_PRINT);
      add_problems (self, whom, missing);
    }
  else
    missing = g_ptr_array_new ();

  if (self->sheet_template == NULL)
    self->sheet_template = g_object_ref (sheet_template);
  g_ptr_array_add (self->templates, g_object_ref (sheet_template));
  g_ptr_array_add (self->whom, whom);
  g_ptr_array_add (self->missing, missing);
  g_ptr_array_add (self->sheets, NULL);
  first += ed_sheet_template_get_n_pages (sheet_template);
  g_array_append_val (self->first_pages, first);
}

/* @title, @name: (nullable): the document's title, and the start of
 * the file names suggested for it; a journey's sheets are logged as
 * such. */
void
_ed_sheet_document_set_title (EdSheetDocument *self,
                              const char      *title,
                              const char      *name,
                              gboolean         journey)
{
  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->name);
  self->name = g_strdup (name);
  self->journey = journey;
}

/**
 * ed_sheet_document_new_concat:
 * @documents: (element-type EdSheetDocument): one or more documents
 *
 * One document holding the sheets of @documents one after the other:
 * a cohort's journey sheets merged into one file.
 *
 * Returns: (transfer full): the document; it shares the others'
 *   templates, travellers and laid out sheets
 */
EdSheetDocument *
ed_sheet_document_new_concat (GPtrArray *documents)
{
  EdSheetDocument *self;
  EdSheetDocument *first;

  g_return_val_if_fail (documents != NULL && documents->len > 0, NULL);

  first = g_ptr_array_index (documents, 0);
  self = _ed_sheet_document_new ();
  _ed_sheet_document_set_title (self, first->title, first->name, first->journey);

  for (guint d = 0; d < documents->len; d++)
    {
      EdSheetDocument *document = g_ptr_array_index (documents, d);

      g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (document), self);

      for (guint i = 0; i < document->travellers->len; i++)
        g_ptr_array_add (self->travellers, g_object_ref (g_ptr_array_index (document->travellers,
                                                                            i)));
      for (guint i = 0; i < document->problems->len; i++)
        g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (document->problems, i)));
      for (guint i = 0; i < document->sheets->len; i++)
        {
          EdSheetLayout *sheet = g_ptr_array_index (document->sheets, i);
          guint first_page = g_array_index (self->first_pages, guint, self->first_pages->len - 1);

          if (self->sheet_template == NULL)
            self->sheet_template = g_object_ref (document->sheet_template);
          g_ptr_array_add (self->templates, g_object_ref (g_ptr_array_index (document->templates,
                                                                             i)));
          g_ptr_array_add (self->whom, g_ptr_array_index (document->whom, i));
          g_ptr_array_add (self->missing, g_ptr_array_ref (g_ptr_array_index (document->missing,
                                                                              i)));
          g_ptr_array_add (self->sheets, sheet != NULL ? g_object_ref (sheet) : NULL);
          first_page += ed_sheet_template_get_n_pages (g_ptr_array_index (document->templates,
                                                                           i));
          g_array_append_val (self->first_pages, first_page);
        }
    }

  return self;
}

typedef struct
{
  EdProcedure    *procedure;
  GPtrArray      *travellers;
  EdSheetOptions *options;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->procedure);
  g_clear_pointer (&data->travellers, g_ptr_array_unref);
  g_clear_pointer (&data->options, ed_sheet_options_free);
  g_free (data);
}

static void
new_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  NewData *data = task_data;
  g_autoptr(EdSheetTemplate) sheet_template = NULL;
  g_autoptr(EdSheetDocument) self = NULL;
  GError *error = NULL;

  sheet_template = ed_sheet_template_new (data->procedure, data->options, &error);
  if (sheet_template == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Laid out here, so that the preview draws at once. */
  self = ed_sheet_document_new_for_template (sheet_template, data->travellers);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      /* Cancelled when the window closes: the process may be ending. */
      if (g_task_return_error_if_cancelled (task))
        return;
      ed_sheet_document_get_sheet (self, i);
    }

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * ed_sheet_document_new_async:
 * @travellers: (element-type EdTraveller) (nullable): as for
 *   ed_sheet_document_new_for_template(); copied before this returns
 *
 * Makes the template and lays the sheets out in a worker thread.
 */
void
ed_sheet_document_new_async (EdProcedure          *procedure,
                             GPtrArray            *travellers,
                             const EdSheetOptions *options,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  NewData *data;

  g_return_if_fail (ED_IS_PROCEDURE (procedure));
  g_return_if_fail (options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_sheet_document_new_async);

  data = g_new0 (NewData, 1);
  data->procedure = g_object_ref (procedure);
  data->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; travellers != NULL && i < travellers->len; i++)
    g_ptr_array_add (data->travellers, ed_traveller_copy (g_ptr_array_index (travellers, i)));
  data->options = ed_sheet_options_copy (options);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  _ed_sheet_run_in_thread (task, new_thread);
}

EdSheetDocument *
ed_sheet_document_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

EdSheetTemplate *
ed_sheet_document_get_template (EdSheetDocument *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);

  return self->sheet_template;
}

const EdSheetOptions *
ed_sheet_document_get_options (EdSheetDocument *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);

  return ed_sheet_template_get_options (self->sheet_template);
}

/* One a traveller, or the blank one; a journey's cover is one. */
guint
ed_sheet_document_get_n_sheets (EdSheetDocument *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), 0);

  return self->sheets->len;
}

/**
 * ed_sheet_document_get_traveller:
 *
 * Returns: (transfer none) (nullable): the document's tidied copy of the
 *   traveller of sheet @index; %NULL for a blank sheet or a journey's
 *   cover
 */
EdTraveller *
ed_sheet_document_get_traveller (EdSheetDocument *self,
                                 guint            index)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);

  return g_ptr_array_index (self->whom, index);
}

/* Returns: (transfer full): sheet @index as it is kept, or made now
 * and not kept */
EdSheetLayout *
_ed_sheet_document_ref_sheet (EdSheetDocument *self,
                              guint            index)
{
  EdSheetLayout *sheet;

  g_mutex_lock (&self->lock);
  sheet = g_ptr_array_index (self->sheets, index);
  if (sheet != NULL)
    g_object_ref (sheet);
  g_mutex_unlock (&self->lock);

  if (sheet == NULL)
    sheet = ed_sheet_layout_new_for_template (g_ptr_array_index (self->templates, index),
                                              ed_sheet_document_get_traveller (self, index));

  return sheet;
}

/* Returns: (transfer none): the template of sheet @index */
EdSheetTemplate *
_ed_sheet_document_get_template (EdSheetDocument *self,
                                 guint            index)
{
  return g_ptr_array_index (self->templates, index);
}

/**
 * ed_sheet_document_get_sheet:
 *
 * Lays out sheet @index if it is not yet, and keeps it. Any thread.
 *
 * Returns: (transfer none): the sheet at @index
 */
EdSheetLayout *
ed_sheet_document_get_sheet (EdSheetDocument *self,
                             guint            index)
{
  g_autoptr(EdSheetLayout) made = NULL;
  EdSheetLayout *sheet;

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);

  g_mutex_lock (&self->lock);
  sheet = g_ptr_array_index (self->sheets, index);
  g_mutex_unlock (&self->lock);
  if (sheet != NULL)
    return sheet;

  /* Laid out unlocked: another thread may lay out another sheet. */
  made = ed_sheet_layout_new_for_template (g_ptr_array_index (self->templates, index),
                                           ed_sheet_document_get_traveller (self, index));

  g_mutex_lock (&self->lock);
  if (g_ptr_array_index (self->sheets, index) == NULL)
    g_ptr_array_index (self->sheets, index) = g_steal_pointer (&made);
  sheet = g_ptr_array_index (self->sheets, index);
  g_mutex_unlock (&self->lock);

  return sheet;
}

/* Every sheet has its template's pages. */
guint
ed_sheet_document_get_n_pages (EdSheetDocument *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), 0);

  return g_array_index (self->first_pages, guint, self->first_pages->len - 1);
}

/* Returns: the sheet that holds @page; its first page in @first */
static guint
find_sheet (EdSheetDocument *self,
            guint            page,
            guint           *first)
{
  guint low = 0, high = self->sheets->len;

  /* first_pages is sorted: the last sheet whose first page is <= @page. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->first_pages, guint, middle) <= page)
        low = middle;
      else
        high = middle;
    }

  *first = g_array_index (self->first_pages, guint, low);
  return low;
}

/* In points, as ed_sheet_layout_get_page_size(). */
void
ed_sheet_document_get_page_size (EdSheetDocument *self,
                                 guint            page,
                                 double          *width,
                                 double          *height)
{
  EdSheetTemplate *sheet_template;
  guint first;

  g_return_if_fail (ED_IS_SHEET_DOCUMENT (self));
  g_return_if_fail (page < ed_sheet_document_get_n_pages (self));

  sheet_template = g_ptr_array_index (self->templates, find_sheet (self, page, &first));
  *width = _ed_sheet_template_get_geometry (sheet_template)->page_width;
  *height = _ed_sheet_template_get_geometry (sheet_template)->page_height;
}

/**
 * ed_sheet_document_draw_page:
 *
 * ed_sheet_draw_page() for the document's @page: the paper is not
 * painted.
 */
void
ed_sheet_document_draw_page (EdSheetDocument *self,
                             cairo_t         *cr,
                             guint            page)
{
  guint index, first;

  g_return_if_fail (ED_IS_SHEET_DOCUMENT (self));
  g_return_if_fail (page < ed_sheet_document_get_n_pages (self));

  index = find_sheet (self, page, &first);
  ed_sheet_draw_page (ed_sheet_document_get_sheet (self, index), cr, page - first);
}

/**
 * ed_sheet_document_get_missing:
 *
 * Returns: (transfer none) (element-type EdMissing): what stops sheet
 *   @index from being printed: ed_traveller_missing() with
 *   %ED_MISSING_FOR_PRINT; empty for a blank sheet
 */
GPtrArray *
ed_sheet_document_get_missing (EdSheetDocument *self,
                               guint            index)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->missing->len, NULL);

  return g_ptr_array_index (self->missing, index);
}

/**
 * ed_sheet_document_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): one sentence in the UI
 *   language for each value an official form would refuse; the sheet is
 *   not to be printed until they are fixed
 */
GPtrArray *
ed_sheet_document_get_problems (EdSheetDocument *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);

  return self->problems;
}

static char *
dup_names (EdSheetDocument *self,
           gboolean         short_form)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_named = 0;

  for (guint i = 0; i < self->travellers->len; i++)
    {
      EdTraveller *traveller = g_ptr_array_index (self->travellers, i);
      g_autofree char *name = ed_traveller_dup_display_name (traveller);

      if (*name == '\0')
        continue;
      if (n_named++ == 0)
        g_string_append (names, name);
      else if (!short_form)
        g_string_append_printf (names, ", %s", name);
    }

  if (short_form && n_named > 1)
    {
      g_autofree char *first = g_string_free (g_steal_pointer (&names), FALSE);

      /* Translators: a traveller's name, then how many others share the
       * document */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                           n_named - 1),
                              first, n_named - 1);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The procedure's title in the first sheet language, or the journey's. */
static const char *
get_title (EdSheetDocument *self)
{
  EdProcedure *procedure = ed_sheet_template_get_procedure (self->sheet_template);
  const EdLanguage *languages;
  guint n;

  if (self->title != NULL || procedure == NULL)
    return self->title != NULL ? self->title : "";

  languages = ed_sheet_options_get_languages (ed_sheet_document_get_options (self), &n);
  return ed_text_lookup (ed_procedure_get_title (procedure), languages[0]);
}

/* Returns: (transfer full): the title of the PDF or print job: the
 * procedure (or the journey) in the sheet's first language, and whom it
 * is for */
char *
ed_sheet_document_dup_title (EdSheetDocument *self)
{
  g_autofree char *names = NULL;
  const char *title;

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);

  title = get_title (self);
  names = dup_names (self, FALSE);

  if (*names == '\0')
    return g_strdup (title);

  return g_strdup_printf ("%s — %s", title, names);
}

/**
 * ed_sheet_document_dup_file_name:
 *
 * Returns: (transfer full): a name to suggest for the PDF: the case
 *   reference (or the procedure's id) and whom it is for, such as
 *   "ED-2026-0042 YAMADA TARO.pdf"
 */
char *
ed_sheet_document_dup_file_name (EdSheetDocument *self)
{
  const char *reference;
  g_autofree char *names = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);

  reference = ed_sheet_options_get_case_reference (ed_sheet_document_get_options (self));
  if (reference == NULL)
    reference = self->name != NULL
                ? self->name
                : ed_procedure_get_id (ed_sheet_template_get_procedure (self->sheet_template));
  names = dup_names (self, TRUE);

  name = *names != '\0' ? g_strdup_printf ("%s %s.pdf", reference, names)
                        : g_strdup_printf ("%s.pdf", reference);

  /* Nothing a file system would read as a folder or refuse. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_steal_pointer (&name);
}

/* The title a PDF gets by default. */
const char *
_ed_sheet_document_get_title (EdSheetDocument *self)
{
  return get_title (self);
}

/**
 * ed_sheet_document_new_records:
 * @kind: printed, saved as PDF, or part of a batch
 *
 * What a case's audit log keeps of the document: one line for each
 * procedure it has a sheet of (its id and version, the languages and the
 * paper), marked when the sheets were a journey sheet.
 *
 * Returns: (transfer full) (element-type EdSheetRecord): the lines
 */
GPtrArray *
ed_sheet_document_new_records (EdSheetDocument *self,
                               EdSheetKind      kind)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_sheet_record_free);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), records);

  for (guint i = 0; i < self->templates->len; i++)
    {
      EdSheetTemplate *sheet_template = g_ptr_array_index (self->templates, i);
      EdSheetRecord *record;

      if (ed_sheet_template_get_procedure (sheet_template) == NULL ||
          g_ptr_array_find (seen, sheet_template, NULL))
        continue;
      g_ptr_array_add (seen, sheet_template);
      record = ed_sheet_template_new_record (sheet_template, kind);
      record->journey = self->journey;
      g_ptr_array_add (records, record);
    }

  return records;
}
