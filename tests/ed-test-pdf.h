/* ed-test-pdf.h — PDF files read back as a reader would: their text
 * (pdftotext), pages (pdfinfo) and QR codes (pdftoppm + zbarimg)
 *
 * These need poppler-utils and zbar-tools (build-aux/deps installs
 * them); without them a test fails, it is not skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char        *ed_test_run_tool     (const char * const *argv,
                                   int                *exit_status);
char        *ed_test_flatten      (const char         *text);
char        *ed_test_pdf_text     (const char         *path,
                                   int                 page);
guint        ed_test_pdf_pages    (const char         *path);
GHashTable  *ed_test_pdf_qr_codes (const char         *path);

G_END_DECLS
