/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-booking.h — booking a licence's cost as an expense, and the expenses it has */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* A licence's cost becomes an expense in category "Licensing" (design §12 "Licence ↔ budget
 * and calendar"). The one link is expenses.licence_id, read from both sides: the expense
 * names its licence, and mops_licences_list_expenses() lists a licence's expenses. Every
 * function uses the library's own connection (the thread that opened it). */

/* The name of the category licence costs are booked in. A library made in another language
 * may hold it translated: mops_licences_book_expense() looks for both, any case. */
#define MOPS_LICENSING_CATEGORY "Licensing"

/* A fiscal year: twelve months from starts_on (the first of a month), money in currency. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *starts_on;   /* "YYYY-MM-01" */
  char   *currency;    /* ISO 4217, upper case */
} MopsBookingYear;

void mops_booking_year_free (MopsBookingYear *year);

/* A team that books spending. */
typedef struct
{
  gint64  id;
  char   *name;
} MopsBookingTeam;

void mops_booking_team_free (MopsBookingTeam *team);

/* One expense booked for a licence. */
typedef struct
{
  gint64  id;
  char   *date;            /* "YYYY-MM-DD" */
  char   *vendor;          /* may be NULL */
  char   *description;     /* may be NULL */
  gint64  amount;          /* minor units of currency */
  char   *currency;
  char   *rate;            /* decimal: 1 unit of currency in the year's currency */
  gint64  base_amount;     /* minor units of base_currency */
  char   *base_currency;   /* the fiscal year's currency; NULL when no year covers the date */
  gint64  team_id;
  char   *team_name;
  char   *category_name;
  gint64  licence_id;
} MopsLicenceExpense;

void mops_licence_expense_free (MopsLicenceExpense *expense);

/* The fiscal year covering local date @date ("YYYY-MM-DD"): starts_on <= @date < starts_on
 * + 12 months (the latest start wins should two overlap). NULL with MOPS_ERROR_NOT_FOUND
 * ("No fiscal year covers …") when none does, MOPS_ERROR_INVALID for a malformed date.
 * Free with mops_booking_year_free(). */
MopsBookingYear *mops_licence_booking_find_year  (MopsLibrary   *library,
                                                  const char    *date,
                                                  GError       **error);

/* The teams that are not archived, by name. Element type MopsBookingTeam; free with
 * g_ptr_array_unref(). */
GPtrArray       *mops_licence_booking_list_teams (MopsLibrary   *library,
                                                  GError       **error);

/* The team a licence cost was last booked for (the newest expense with a licence), else the
 * team of the newest expense, else 0. Archived teams are skipped. */
gint64           mops_licence_booking_last_team  (MopsLibrary   *library);

/* Books @amount minor units of @currency for licence @licence_id as an expense of team
 * @team_id on local date @date, in one transaction: the category "Licensing" is created when
 * the library has none, the expense names the licence (licence_id), its licensor as vendor
 * and its reference as description. The fiscal year covering @date decides the base
 * currency: in that currency @rate must be NULL or 1; in another, @rate (decimal text such
 * as "0.9215": one unit of @currency in the year's currency, > 0) is required, and
 * base_amount = amount × rate rounded half away from zero into the year's minor units.
 * Fails with nothing written: MOPS_ERROR_NOT_FOUND for an unknown licence or team, or when
 * no fiscal year covers @date; MOPS_ERROR_INVALID for a malformed date, an amount not above
 * zero, an unknown currency, a missing or malformed rate, or an amount too large to convert.
 * Returns the new expense id, or 0 with @error set. */
gint64           mops_licences_book_expense      (MopsLibrary   *library,
                                                  gint64         licence_id,
                                                  gint64         team_id,
                                                  const char    *date,
                                                  gint64         amount,
                                                  const char    *currency,
                                                  const char    *rate,
                                                  GError       **error);

/* The expenses booked for licence @licence_id, by date then id (empty when none).
 * MOPS_ERROR_NOT_FOUND for an unknown licence. Element type MopsLicenceExpense; free with
 * g_ptr_array_unref(). */
GPtrArray       *mops_licences_list_expenses     (MopsLibrary   *library,
                                                  gint64         licence_id,
                                                  GError       **error);

/* mops_licences_list_expenses() in a worker on its own connection (the licence editor).
 * _finish() returns the array (element type MopsLicenceExpense) or NULL with @error. */
void             mops_licences_list_expenses_async  (MopsLibrary          *library,
                                                     gint64                licence_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray       *mops_licences_list_expenses_finish (MopsLibrary          *library,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* An expense to book with a licence when it is saved (mops_licences_save_async()): the
 * arguments of mops_licences_book_expense() after the licence id. */
typedef struct
{
  gint64       team_id;
  const char  *date;       /* "YYYY-MM-DD" */
  gint64       amount;     /* minor units of currency */
  const char  *currency;
  const char  *rate;       /* NULL in the fiscal year's own currency */
} MopsLicenceBooking;

/* Converts @amount minor units of @currency into @base_currency's minor units at @rate (one
 * unit of @currency in @base_currency, a positive decimal with at most 12 decimals), rounding
 * half away from zero. FALSE with MOPS_ERROR_INVALID for a malformed rate, an unknown
 * currency or a result that does not fit. */
gboolean         mops_licence_booking_convert    (gint64         amount,
                                                  const char    *currency,
                                                  const char    *rate,
                                                  const char    *base_currency,
                                                  gint64        *out_base_amount,
                                                  GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsBookingYear, mops_booking_year_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsBookingTeam, mops_booking_team_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsLicenceExpense, mops_licence_expense_free)

G_END_DECLS
