/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licences-page.h — the Licences page: every asset's licence in a sortable, filterable table */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_LICENCES_PAGE (mops_licences_page_get_type ())

G_DECLARE_FINAL_TYPE (MopsLicencesPage, mops_licences_page, MOPS, LICENCES_PAGE, GtkWidget)

/* TRUE until the rows and the thumbnails on screen have loaded, and while they reload. */
gboolean   mops_licences_page_is_loading      (MopsLicencesPage *self);

/* The rows the table shows now, filtered and in the table's order. Element type
 * MopsLicenceRow, owned by the page (valid until it reloads). Free with g_ptr_array_unref(). */
GPtrArray *mops_licences_page_dup_shown_rows  (MopsLicencesPage *self);

/* Writes the rows shown now, in the table's order, as the CSV for finance and legal
 * (mops_licence_table_to_csv()) to @file in a worker, through a temporary file renamed into
 * place: what "Export CSV…" does. Says "Saved “name”" when done, or why not (naming the
 * file) in a toast. */
void       mops_licences_page_export_csv      (MopsLicencesPage *self,
                                               GFile            *file);

/* TRUE while a CSV export started by the page is being written. */
gboolean   mops_licences_page_is_exporting    (MopsLicencesPage *self);

/* "3 licences expire within 30 days and 2 have expired" for @n_expiring rows expiring
 * within @within days and @n_expired expired ones, translated; NULL when both are 0. The
 * page's banner and the application's notification say the same. Free with g_free(). */
char      *mops_licences_describe_attention   (guint             n_expiring,
                                               guint             n_expired,
                                               int               within);

G_END_DECLS
