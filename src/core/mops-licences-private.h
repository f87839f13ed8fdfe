/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licences-private.h — what mops-licences.c and mops-licence-status.c share */

#pragma once

#include "mops-licences.h"

G_BEGIN_DECLS

/* Calendar dates as day numbers (days since 1970-01-01), so the status rules are integer
 * comparisons. Open ends sit beyond every real date. */
#define MOPS_DAY_OPEN_START G_MININT32
#define MOPS_DAY_OPEN_END   G_MAXINT32
#define MOPS_DAY_INVALID    (G_MININT32 + 1)

/* The day number of "YYYY-MM-DD" (no validation beyond the shape: the schema checks dates),
 * or MOPS_DAY_INVALID. NULL gives @open. */
gint32   mops_licence_day_from_text  (const char  *text,
                                      gint32       open);

gint32   mops_licence_day_from_date  (const GDate *date);

/* expiry_warning_days from the settings table of @db, else the default. */
int      mops_licences_read_warning_days (sqlite3 *db);

G_END_DECLS
