/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-book-expense-dialog.h — the small dialog that books a licence's cost as an expense */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_BOOK_EXPENSE_DIALOG (mops_book_expense_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MopsBookExpenseDialog, mops_book_expense_dialog, MOPS, BOOK_EXPENSE_DIALOG, AdwWindow)

/* A modal dialog over @parent that books licence @licence_id's cost as an expense (design §12
 * "Licence ↔ budget and calendar"), prefilled from the licence as saved: category Licensing,
 * date = its start or today, amount and currency from its cost, the team used last; the
 * exchange rate row shows only when the currency differs from the fiscal year's. "Book"
 * calls mops_licences_book_expense(), emits "booked" (gint64 expense_id) and closes; errors
 * show in the dialog and nothing is written. The dialog destroys itself when closed. */
MopsBookExpenseDialog *mops_book_expense_dialog_new (GtkWindow   *parent,
                                                     MopsLibrary *library,
                                                     gint64       licence_id);

G_END_DECLS
