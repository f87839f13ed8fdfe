/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-clock.c — "now" and "today", honouring MOPS_NOW */

#include "config.h"

#define G_LOG_DOMAIN "mops-clock"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "mops-clock.h"

GDateTime *
mops_clock_now (void)
{
  const char *override = g_getenv ("MOPS_NOW");

  if (override != NULL && *override != '\0')
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (override, NULL);

      if (parsed != NULL)
        return g_date_time_to_local (parsed);

      g_warning ("MOPS_NOW=“%s” is not an ISO 8601 date-time with an offset; using the clock",
                 override);
    }

  return g_date_time_new_now_local ();
}

gint64
mops_clock_now_unix (void)
{
  g_autoptr(GDateTime) now = mops_clock_now ();

  return g_date_time_to_unix (now);
}

char *
mops_clock_today_string (void)
{
  g_autoptr(GDateTime) now = mops_clock_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}

GDate *
mops_clock_today (void)
{
  g_autoptr(GDateTime) now = mops_clock_now ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

char *
mops_clock_format_instant (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  if (utc == NULL)
    return NULL;

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
mops_clock_parse_date (const char *text,
                       GDate      *out_date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1 || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (out_date != NULL)
    g_date_set_dmy (out_date, day, month, year);

  return TRUE;
}

char *
mops_clock_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* @date in ICU's medium style for the default locale ("Dec 14, 2026", "14.12.2026",
 * "2026/12/14"), or NULL. A calendar date has no time zone: it is formatted at noon UTC in
 * UTC, so no offset can move it to another day. */
static char *
format_medium_date (const GDate *date,
                    const char  *locale)
{
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *format;
  UChar buffer[128];
  int32_t length;
  char *text = NULL;

  format = udat_open (UDAT_NONE, UDAT_MEDIUM, locale != NULL ? locale : uloc_getDefault (), utc, -1,
                      NULL, 0, &status);
  if (U_FAILURE (status))
    return NULL;

  length = udat_format (format, (UDate) g_date_time_to_unix (noon) * 1000.0, buffer, G_N_ELEMENTS (buffer),
                        NULL, &status);
  if (U_SUCCESS (status) && length > 0 && length < (int32_t) G_N_ELEMENTS (buffer))
    text = g_utf16_to_utf8 ((const gunichar2 *) buffer, length, NULL, NULL, NULL);

  udat_close (format);
  return text;
}

char *
mops_clock_format_local_date (const char *ymd)
{
  GDate date;
  char *text;

  if (!mops_clock_parse_date (ymd, &date))
    return g_strdup (ymd);

  text = format_medium_date (&date, NULL);
  return text != NULL ? text : g_strdup (ymd);
}

char *
mops_clock_format_local_date_for_locale (const char *ymd,
                                         const char *locale)
{
  GDate date;
  char *text;

  if (!mops_clock_parse_date (ymd, &date))
    return g_strdup (ymd);

  text = format_medium_date (&date, locale);
  return text != NULL ? text : g_strdup (ymd);
}

char *
mops_clock_format_days_from_today (gint64 days)
{
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days == -1)
    return g_strdup (_("yesterday"));
  if (days > 0)
    /* Translators: a licence runs out "in 7 days" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %" G_GINT64_FORMAT " day",
                                         "in %" G_GINT64_FORMAT " days", (gulong) days),
                            days);

  /* Translators: a licence ran out "40 days ago" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " day ago",
                                       "%" G_GINT64_FORMAT " days ago", (gulong) -days),
                          -days);
}

/* @text in @style for @locale, parsed strictly (the whole text, a real date), or FALSE. */
static gboolean
parse_styled_date (const char      *text,
                   UDateFormatStyle style,
                   const char      *locale,
                   GDate           *out_date)
{
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  g_autofree gunichar2 *utf16 = NULL;
  glong length = 0;
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *format;
  int32_t position = 0;
  UDate when;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &length, NULL);
  if (utf16 == NULL)
    return FALSE;

  format = udat_open (UDAT_NONE, style, locale != NULL ? locale : uloc_getDefault (), utc, -1,
                      NULL, 0, &status);
  if (U_FAILURE (status))
    return FALSE;

  udat_setLenient (format, FALSE);
  when = udat_parse (format, (const UChar *) utf16, (int32_t) length, &position, &status);
  udat_close (format);
  if (U_FAILURE (status) || position != (int32_t) length)
    return FALSE;

  {
    g_autoptr(GDateTime) moment = g_date_time_new_from_unix_utc ((gint64) (when / 1000.0));

    if (moment == NULL || g_date_time_get_year (moment) < 1)
      return FALSE;
    if (out_date != NULL)
      g_date_set_dmy (out_date, g_date_time_get_day_of_month (moment), g_date_time_get_month (moment),
                      g_date_time_get_year (moment));
  }

  return TRUE;
}

gboolean
mops_clock_parse_local_date_for_locale (const char *text,
                                        const char *locale,
                                        GDate      *out_date)
{
  g_autofree char *stripped = NULL;
  static const UDateFormatStyle styles[] = { UDAT_MEDIUM, UDAT_SHORT, UDAT_LONG };

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return FALSE;
  if (mops_clock_parse_date (stripped, out_date))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (parse_styled_date (stripped, styles[i], locale, out_date))
      return TRUE;

  return FALSE;
}

gboolean
mops_clock_parse_local_date (const char *text,
                             GDate      *out_date)
{
  return mops_clock_parse_local_date_for_locale (text, NULL, out_date);
}
