/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-booking-private.h — booking on a given connection, for core workers and tests */

#pragma once

#include <sqlite3.h>

#include "mops-licence-booking.h"

G_BEGIN_DECLS

/* mops_licences_book_expense() on any connection (a worker's): inside a transaction the
 * caller holds it takes a savepoint, so a licence and its booking are written together. */
gint64     mops_licences_book_expense_in_db  (sqlite3     *db,
                                              gint64       licence_id,
                                              gint64       team_id,
                                              const char  *date,
                                              gint64       amount,
                                              const char  *currency,
                                              const char  *rate,
                                              GError     **error);

/* mops_licences_list_expenses() on any connection. */
GPtrArray *mops_licences_list_expenses_in_db (sqlite3     *db,
                                              gint64       licence_id,
                                              GError     **error);

G_END_DECLS
