/* ed-sheet-document.c
 *
 * The costly part, shaping the procedure's text, happens once in a
 * template; each traveller's sheet is made from it in an instant. The
 * travellers are copied and tidied as the command line does before
 * printing, so the sheet shows what staff see and an official form
 * would accept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ed-error.h"
#include "ed-problem.h"
#include "ed-sheet-document.h"
#include "ed-validate.h"

struct _EdSheetDocument
{
  GObject          parent_instance;

  EdSheetTemplate *sheet_template;
  GPtrArray       *sheets;          /* EdSheetLayout, in print order */
  GPtrArray       *problems;        /* utf8: what stops printing */
  guint            n_pages;
};

G_DEFINE_FINAL_TYPE (EdSheetDocument, ed_sheet_document, G_TYPE_OBJECT)

static void
ed_sheet_document_finalize (GObject *object)
{
  EdSheetDocument *self = ED_SHEET_DOCUMENT (object);

  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->sheet_template);

  G_OBJECT_CLASS (ed_sheet_document_parent_class)->finalize (object);
}

static void
ed_sheet_document_class_init (EdSheetDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_sheet_document_finalize;
}

static void
ed_sheet_document_init (EdSheetDocument *self)
{
  self->sheets = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/* The field's label in the UI language, for a problem's field. */
static const char *
field_label (EdProcedure *procedure,
             const char  *field_id)
{
  GPtrArray *fields = ed_procedure_get_fields (procedure);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EdField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->id, field_id) == 0 || g_strcmp0 (field->traveller_key, field_id) == 0)
        return ed_text_lookup (field->label, ed_language_for_ui ());
    }

  return NULL;
}

static void
add_problems (EdSheetDocument *self,
              EdProcedure     *procedure,
              EdTraveller     *traveller,
              GPtrArray       *found)
{
  g_autofree char *name = ed_traveller_dup_display_name (traveller);

  for (guint i = 0; i < found->len; i++)
    {
      const EdProblem *problem = g_ptr_array_index (found, i);
      const char *label = field_label (procedure, problem->field);

      if (label != NULL)
        /* Translators: a traveller's name, a field's label, what is wrong with it */
        g_ptr_array_add (self->problems, g_strdup_printf (_("%s, %s: %s"), name, label, problem->message));
      else
        /* Translators: a traveller's name, then what is wrong */
        g_ptr_array_add (self->problems, g_strdup_printf (_("%s: %s"), name, problem->message));
    }
}

/**
 * ed_sheet_document_new_for_template:
 * @travellers: (element-type EdTraveller) (nullable): the travellers to
 *   print a sheet for, in order; empty or %NULL for one blank sheet
 *
 * Fast: the template did the costly work. May run in any thread, as long
 * as nobody changes the travellers meanwhile.
 *
 * Returns: (transfer full): the document
 */
EdSheetDocument *
ed_sheet_document_new_for_template (EdSheetTemplate *sheet_template,
                                    GPtrArray       *travellers)
{
  EdSheetDocument *self;
  EdProcedure *procedure;

  g_return_val_if_fail (ED_IS_SHEET_TEMPLATE (sheet_template), NULL);

  self = g_object_new (ED_TYPE_SHEET_DOCUMENT, NULL);
  self->sheet_template = g_object_ref (sheet_template);
  procedure = ed_sheet_template_get_procedure (sheet_template);

  for (guint i = 0; travellers != NULL && i < travellers->len; i++)
    {
      g_autoptr(EdTraveller) copy = ed_traveller_copy (g_ptr_array_index (travellers, i));
      g_autoptr(GPtrArray) found = ed_validate_traveller_for_print (copy, procedure);

      add_problems (self, procedure, copy, found);
      g_ptr_array_add (self->sheets, ed_sheet_layout_new_for_template (sheet_template, copy));
    }

  if (self->sheets->len == 0)
    g_ptr_array_add (self->sheets, ed_sheet_layout_new_for_template (sheet_template, NULL));

  for (guint i = 0; i < self->sheets->len; i++)
    self->n_pages += ed_sheet_layout_get_n_pages (g_ptr_array_index (self->sheets, i));

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
  GError *error = NULL;

  sheet_template = ed_sheet_template_new (data->procedure, data->options, &error);
  if (sheet_template == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, ed_sheet_document_new_for_template (sheet_template, data->travellers),
                         g_object_unref);
}

/**
 * ed_sheet_document_new_async:
 * @travellers: (element-type EdTraveller) (nullable): as for
 *   ed_sheet_document_new_for_template(); copied before this returns
 *
 * Lays the sheets out in a worker thread.
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
  g_task_run_in_thread (task, new_thread);
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

guint
ed_sheet_document_get_n_sheets (EdSheetDocument *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), 0);

  return self->sheets->len;
}

/* Returns: (transfer none): the sheet at @index */
EdSheetLayout *
ed_sheet_document_get_sheet (EdSheetDocument *self,
                             guint            index)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);

  return g_ptr_array_index (self->sheets, index);
}

guint
ed_sheet_document_get_n_pages (EdSheetDocument *self)
{
  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), 0);

  return self->n_pages;
}

/* The sheet that holds the document's @page, and its page there. */
static EdSheetLayout *
find_page (EdSheetDocument *self,
           guint            page,
           guint           *page_in_sheet)
{
  for (guint i = 0; i < self->sheets->len; i++)
    {
      EdSheetLayout *sheet = g_ptr_array_index (self->sheets, i);
      guint n = ed_sheet_layout_get_n_pages (sheet);

      if (page < n)
        {
          *page_in_sheet = page;
          return sheet;
        }
      page -= n;
    }

  return NULL;
}

/* In points, as ed_sheet_layout_get_page_size(). */
void
ed_sheet_document_get_page_size (EdSheetDocument *self,
                                 guint            page,
                                 double          *width,
                                 double          *height)
{
  guint page_in_sheet;
  EdSheetLayout *sheet;

  g_return_if_fail (ED_IS_SHEET_DOCUMENT (self));

  sheet = find_page (self, page, &page_in_sheet);
  g_return_if_fail (sheet != NULL);
  ed_sheet_layout_get_page_size (sheet, width, height);
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
  guint page_in_sheet;
  EdSheetLayout *sheet;

  g_return_if_fail (ED_IS_SHEET_DOCUMENT (self));

  sheet = find_page (self, page, &page_in_sheet);
  g_return_if_fail (sheet != NULL);
  ed_sheet_draw_page (sheet, cr, page_in_sheet);
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

  for (guint i = 0; i < self->sheets->len; i++)
    {
      EdTraveller *traveller = ed_sheet_layout_get_traveller (g_ptr_array_index (self->sheets, i));
      g_autofree char *name = traveller != NULL ? ed_traveller_dup_display_name (traveller) : NULL;

      if (name == NULL || *name == '\0')
        continue;
      if (n_named++ == 0)
        g_string_append (names, name);
      else if (!short_form)
        g_string_append_printf (names, ", %s", name);
    }

  if (short_form && n_named > 1)
    {
      g_autofree char *first = g_string_free (g_steal_pointer (&names), FALSE);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: a traveller's name, then how many others share the document */
                                           "%s and %u more", "%s and %u more", n_named - 1),
                              first, n_named - 1);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Returns: (transfer full): the title of the PDF or print job: the
 * procedure in the sheet's first language, and whom it is for */
char *
ed_sheet_document_dup_title (EdSheetDocument *self)
{
  EdProcedure *procedure;
  const EdLanguage *languages;
  g_autofree char *names = NULL;
  const char *title;
  guint n;

  g_return_val_if_fail (ED_IS_SHEET_DOCUMENT (self), NULL);

  procedure = ed_sheet_template_get_procedure (self->sheet_template);
  languages = ed_sheet_options_get_languages (ed_sheet_document_get_options (self), &n);
  title = ed_text_lookup (ed_procedure_get_title (procedure), languages[0]);
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
    reference = ed_procedure_get_id (ed_sheet_template_get_procedure (self->sheet_template));
  names = dup_names (self, TRUE);

  name = *names != '\0' ? g_strdup_printf ("%s %s.pdf", reference, names)
                        : g_strdup_printf ("%s.pdf", reference);

  /* Nothing a file system would read as a folder or refuse. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_steal_pointer (&name);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  EdSheetDocument *self = source_object;
  const char *path = task_data;
  g_autofree char *title = ed_sheet_document_dup_title (self);
  g_autoptr(EdSheetPdf) pdf = NULL;
  GError *error = NULL;

  pdf = ed_sheet_pdf_new (path, title, &error);
  for (guint i = 0; pdf != NULL && i < self->sheets->len; i++)
    {
      if (!ed_sheet_pdf_add (pdf, g_ptr_array_index (self->sheets, i), &error))
        g_clear_pointer (&pdf, ed_sheet_pdf_free);
    }

  if (pdf == NULL || !ed_sheet_pdf_close (pdf, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ed_sheet_document_write_pdf_async:
 * @file: where to write; a local file
 *
 * Writes every sheet into one PDF file in a worker thread, privately
 * (mode 0600) and atomically: on failure the file is left as it was.
 */
void
ed_sheet_document_write_pdf_async (EdSheetDocument     *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *path;

  g_return_if_fail (ED_IS_SHEET_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_sheet_document_write_pdf_async);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, ED_ERROR, ED_ERROR_IO,
                               /* Translators: %s is where the user chose to save */
                               _("Cannot write “%s”: choose a folder on this computer"), uri);
      return;
    }

  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ed_sheet_document_write_pdf_finish (EdSheetDocument  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
logged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ed_store_log_sheet_finish (ED_STORE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ed_sheet_document_log_async:
 * @store: (nullable): the case store; without it nothing is logged
 * @kind: printed or saved as PDF
 *
 * Adds the document to the case's audit log: when, which procedure and
 * version, which languages and paper. A case the store does not hold
 * (not saved yet) has no log.
 */
void
ed_sheet_document_log_async (EdSheetDocument     *self,
                             EdStore             *store,
                             EdCase              *kase,
                             EdSheetKind          kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(EdSheetRecord) record = NULL;

  g_return_if_fail (ED_IS_SHEET_DOCUMENT (self));
  g_return_if_fail (store == NULL || ED_IS_STORE (store));
  g_return_if_fail (ED_IS_CASE (kase));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ed_sheet_document_log_async);

  if (store == NULL || ed_case_get_id (kase) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  record = ed_sheet_template_new_record (self->sheet_template, kind);
  ed_store_log_sheet_async (store, kase, record, cancellable, logged_cb, g_steal_pointer (&task));
}

gboolean
ed_sheet_document_log_finish (EdSheetDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
