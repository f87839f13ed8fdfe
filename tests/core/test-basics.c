/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basics.c — the clock (MOPS_NOW), text folding for search, and colours */

#include "config.h"

#include <math.h>

#include "charts/mops-color.h"
#include "core/mops-clock.h"
#include "core/mops-text.h"

static void
test_clock_honours_mops_now (void)
{
  g_autofree char *today = NULL;
  g_autofree char *instant = NULL;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("MOPS_NOW", "2026-11-23T23:30:00+01:00", TRUE);
  today = mops_clock_today_string ();
  g_assert_cmpstr (today, ==, "2026-11-23");
  g_assert_cmpint (mops_clock_now_unix (), ==, 1795473000);
  instant = mops_clock_format_instant (mops_clock_now_unix ());
  g_assert_cmpstr (instant, ==, "2026-11-23T22:30:00Z");
  g_clear_pointer (&today, g_free);

  /* The same instant is already tomorrow in Tokyo: "today" is local. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  today = mops_clock_today_string ();
  g_assert_cmpstr (today, ==, "2026-11-24");

  g_unsetenv ("MOPS_NOW");
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_clock_parses_dates_strictly (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (mops_clock_parse_date ("2028-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  text = mops_clock_format_date (&date);
  g_assert_cmpstr (text, ==, "2028-02-29");

  g_assert_false (mops_clock_parse_date ("2026-02-29", NULL));
  g_assert_false (mops_clock_parse_date ("2026-13-01", NULL));
  g_assert_false (mops_clock_parse_date ("2026-1-01", NULL));
  g_assert_false (mops_clock_parse_date ("23.11.2026", NULL));
  g_assert_false (mops_clock_parse_date ("2026-11-23T10:00", NULL));
  g_assert_false (mops_clock_parse_date ("", NULL));
  g_assert_false (mops_clock_parse_date (NULL, NULL));
}

static void
assert_fold_equal (const char *a,
                   const char *b)
{
  g_autofree char *fa = mops_text_fold (a);
  g_autofree char *fb = mops_text_fold (b);

  g_assert_cmpstr (fa, ==, fb);
}

static void
test_text_fold_matches_across_case_and_forms (void)
{
  g_autofree char *invalid = NULL;
  g_autofree char *null_text = mops_text_fold (NULL);

  assert_fold_equal ("Grüße", "GRÜSSE");
  assert_fold_equal ("Gru\xcc\x88\xc3\x9f" "e", "grüsse");           /* NFD ü */
  assert_fold_equal ("Логотип", "логотип");
  assert_fold_equal ("ＬＯＧＯ", "logo");                             /* full width */
  assert_fold_equal ("ﾛｺﾞ", "ロゴ");                                  /* half-width kana */

  invalid = mops_text_fold ("bad \xff byte");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_cmpstr (null_text, ==, "");
}

static void
test_color_parse_and_contrast (void)
{
  MopsColor black, white, brand, text;
  g_autofree char *hex = NULL;

  g_assert_true (mops_color_parse ("#000", &black));
  g_assert_true (mops_color_parse ("#FFFFFF", &white));
  g_assert_true (mops_color_parse ("#e66100", &brand));
  g_assert_false (mops_color_parse ("e66100", NULL));
  g_assert_false (mops_color_parse ("#e6610", NULL));
  g_assert_false (mops_color_parse ("#gg0000", NULL));

  hex = mops_color_to_hex (&brand);
  g_assert_cmpstr (hex, ==, "#E66100");

  g_assert_cmpfloat_with_epsilon (mops_color_contrast_ratio (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mops_color_contrast_ratio (&white, &white), 1.0, 1e-9);
  /* #E66100 on white is 3.46:1 by the WCAG formula (below the 4.5:1 text needs). */
  g_assert_cmpfloat (fabs (mops_color_contrast_ratio (&brand, &white) - 3.457), <, 0.005);

  mops_color_readable_on (&brand, &text);
  g_assert_cmpfloat (text.red, ==, 0.0);
  mops_color_readable_on (&black, &text);
  g_assert_cmpfloat (text.red, ==, 1.0);
}

static void
test_color_palette_reads_on_its_background (void)
{
  MopsColor white = { 1, 1, 1 }, dark_bg;

  g_assert_true (mops_color_parse ("#242424", &dark_bg));
  g_assert_cmpuint (mops_color_palette_size (), >=, 6);

  for (guint i = 0; i < mops_color_palette_size (); i++)
    {
      MopsColor light, dark, wrapped;

      mops_color_palette_entry (i, FALSE, &light);
      mops_color_palette_entry (i, TRUE, &dark);
      mops_color_palette_entry (i + mops_color_palette_size (), FALSE, &wrapped);

      /* Chart marks need 2:1 against the page (WCAG graphics asks 3:1 for edges, which
       * the series outline provides). */
      g_assert_cmpfloat (mops_color_contrast_ratio (&light, &white), >=, 2.0);
      g_assert_cmpfloat (mops_color_contrast_ratio (&dark, &dark_bg), >=, 3.0);
      g_assert_cmpfloat (wrapped.red, ==, light.red);
    }
}

/* Dates for people: the locale's medium form, the same whatever the time zone; what is not
 * a date comes back unchanged. */
static void
test_clock_formats_local_dates (void)
{
  static const struct { const char *locale, *expected; } cases[] = {
    { "en_US", "Nov 30, 2026" },
    { "de_DE", "30.11.2026" },
    { "ja_JP", "2026/11/30" },
    { "ru_RU", "30 нояб. 2026\u202fг." },   /* a narrow no-break space, as ICU 72 writes it */
  };
  g_autofree char *kept = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint z = 0; z < 2; z++)
      {
        g_autofree char *formatted = NULL;

        g_setenv ("TZ", z == 0 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago", TRUE);
        formatted = mops_clock_format_local_date_for_locale ("2026-11-30", cases[i].locale);
        g_assert_cmpstr (formatted, ==, cases[i].expected);
      }
  g_setenv ("TZ", "UTC", TRUE);

  kept = mops_clock_format_local_date ("30.11.2026");
  g_assert_cmpstr (kept, ==, "30.11.2026");
  g_assert_null (mops_clock_format_local_date (NULL));
}

/* What a person types in a date field: ISO, or the locale's own forms, round trip. */
static void
test_clock_reads_local_dates (void)
{
  static const char * const locales[] = { "en_US", "de_DE", "ja_JP", "ru_RU" };
  static const struct { const char *locale, *text; gboolean ok; } cases[] = {
    { "en_US", "Dec 14, 2026", TRUE }, { "en_US", "12/14/26", TRUE },
    { "en_US", "December 14, 2026", TRUE }, { "en_US", " 2026-12-14 ", TRUE },
    { "de_DE", "14.12.2026", TRUE }, { "en_US", "Dec 32, 2026", FALSE },
    { "en_US", "Dec 14, 2026 and more", FALSE }, { "en_US", "", FALSE }, { "en_US", "soon", FALSE },
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_date_clear (&date, 1);
      g_assert_cmpint (mops_clock_parse_local_date_for_locale (cases[i].text, cases[i].locale, &date), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_autofree char *ymd = mops_clock_format_date (&date);

          g_assert_cmpstr (ymd, ==, "2026-12-14");
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *shown = mops_clock_format_local_date_for_locale ("2027-01-05", locales[i]);
      g_autofree char *ymd = NULL;

      g_assert_true (mops_clock_parse_local_date_for_locale (shown, locales[i], &date));
      ymd = mops_clock_format_date (&date);
      g_assert_cmpstr (ymd, ==, "2027-01-05");
    }
  g_assert_false (mops_clock_parse_local_date (NULL, NULL));
}

/* How far away, in words. */
static void
test_clock_says_days_in_words (void)
{
  static const struct { gint64 days; const char *expected; } cases[] = {
    { 0, "today" }, { 1, "tomorrow" }, { -1, "yesterday" }, { 7, "in 7 days" },
    { -40, "40 days ago" }, { 365, "in 365 days" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mops_clock_format_days_from_today (cases[i].days);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/honours-mops-now-in-the-local-time-zone", test_clock_honours_mops_now);
  g_test_add_func ("/clock/says-days-in-words", test_clock_says_days_in_words);
  g_test_add_func ("/clock/parses-dates-strictly", test_clock_parses_dates_strictly);
  g_test_add_func ("/clock/formats-local-dates", test_clock_formats_local_dates);
  g_test_add_func ("/clock/reads-local-dates", test_clock_reads_local_dates);
  g_test_add_func ("/text/fold-matches-across-case-and-forms", test_text_fold_matches_across_case_and_forms);
  g_test_add_func ("/color/parse-and-contrast", test_color_parse_and_contrast);
  g_test_add_func ("/color/palette-reads-on-its-background", test_color_palette_reads_on_its_background);

  return g_test_run ();
}
