/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-book-expense-dialog.h — the small dialog that books a licence's cost as an expense */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

/* A booking chosen in the dialog, written when the licence editor saves. */
typedef struct
{
  gint64  team_id;
  char   *team_name;
  char   *date;        /* "YYYY-MM-DD" */
  gint64  amount;      /* minor units of currency */
  char   *currency;    /* ISO 4217, upper case */
  char   *rate;        /* NULL in the fiscal year's own currency */
  char   *year_name;   /* the fiscal year it lands in */
} MopsPendingBooking;

void mops_pending_booking_free (MopsPendingBooking *booking);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsPendingBooking, mops_pending_booking_free)

#define MOPS_TYPE_BOOK_EXPENSE_DIALOG (mops_book_expense_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MopsBookExpenseDialog, mops_book_expense_dialog, MOPS, BOOK_EXPENSE_DIALOG, AdwWindow)

/* A modal dialog over @parent that prepares booking licence @licence_id's cost as an expense
 * (design §12 "Licence ↔ budget and calendar"): category Licensing, date today, amount and
 * currency @amount (minor units) and @currency (NULL: none yet), the team used last; it says
 * which fiscal year the date lands in, asks for an exchange rate only when the currency
 * differs from that year's, and lists the expenses already booked for the licence (and
 * @n_pending more waiting for the editor's Save), warning before a second booking. "Book"
 * checks everything, emits "chosen" (a const MopsPendingBooking *, valid during the
 * emission) and closes: nothing is written until the editor saves; Cancel writes nothing
 * either. The dialog destroys itself when closed. */
MopsBookExpenseDialog *mops_book_expense_dialog_new (GtkWindow   *parent,
                                                     MopsLibrary *library,
                                                     gint64       licence_id,
                                                     gint64       amount,
                                                     const char  *currency,
                                                     guint        n_pending);

G_END_DECLS
