/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-clock.h — "now" and "today" for every date rule, overridable with MOPS_NOW */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The current instant in the local time zone (TZ). When the environment variable MOPS_NOW
 * holds an ISO 8601 date-time with an offset (2026-11-23T09:00:00+01:00), that instant is
 * used instead, so every date rule can be tested. Returns a new reference. */
GDateTime *mops_clock_now           (void);

/* mops_clock_now() as Unix seconds (UTC). */
gint64     mops_clock_now_unix      (void);

/* Today's local date as "YYYY-MM-DD". Free with g_free(). */
char      *mops_clock_today_string  (void);

/* Today's local date. Free with g_date_free(). */
GDate     *mops_clock_today         (void);

/* Formats a Unix time as ISO 8601 UTC ending in "Z". Free with g_free(). */
char      *mops_clock_format_instant (gint64 unix_seconds);

/* TRUE when @text is a valid calendar date written "YYYY-MM-DD". */
gboolean   mops_clock_parse_date    (const char *text,
                                     GDate      *out_date);

/* Writes @date as "YYYY-MM-DD". Free with g_free(). */
char      *mops_clock_format_date   (const GDate *date);

/* A "YYYY-MM-DD" date in the locale's medium form for people to read ("Dec 14, 2026",
 * "14.12.2026", "2026/12/14": ICU's medium date style), the same in every list, editor and
 * message; a text that is not such a date comes back as it is, NULL as NULL. Free with
 * g_free(). */
char      *mops_clock_format_local_date (const char *ymd);

/* The same for ICU locale @locale ("de_DE"; NULL: the default). */
char      *mops_clock_format_local_date_for_locale (const char *ymd,
                                                    const char *locale);

/* Reads a date as a person types it: "YYYY-MM-DD", or the locale's medium, short or long
 * form ("Dec 14, 2026", "12/14/26", "December 14, 2026"), spaces around it ignored; the
 * whole text must be one real date. FALSE otherwise (and for NULL or ""). Sets @out_date
 * (may be NULL) when TRUE. */
gboolean   mops_clock_parse_local_date (const char *text,
                                        GDate      *out_date);

/* The same for ICU locale @locale ("de_DE"; NULL: the default). */
gboolean   mops_clock_parse_local_date_for_locale (const char *text,
                                                   const char *locale,
                                                   GDate      *out_date);

/* How far a date is from today in words: "today", "tomorrow", "yesterday", "in 7 days",
 * "40 days ago" (translated, with plural forms). Free with g_free(). */
char      *mops_clock_format_days_from_today (gint64 days);

G_END_DECLS
