/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-money.c — ISO 4217 currencies and amounts in minor units, parsed and written exactly */

#include "config.h"

#define G_LOG_DOMAIN "mops-money"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>

#include "mops-error.h"
#include "mops-money.h"

/* The most digits a currency has in ICU's data (CLF and UYW have 4). */
#define MAX_CURRENCY_DIGITS 9

/* Copies three ASCII letters into @out (upper case); FALSE when @code is not that. */
static gboolean
copy_code (const char *code,
           char        out[4])
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (!g_ascii_isalpha (code[i]))
        return FALSE;
      out[i] = g_ascii_toupper (code[i]);
    }
  out[3] = '\0';

  return TRUE;
}

/* The digits of a known currency in upper case @code, or -1. */
static int
lookup_digits (const char *code)
{
  UChar ucode[4];
  UErrorCode status = U_ZERO_ERROR;
  int digits;

  /* Not money: ISO 4217's "no currency" and "testing" codes. */
  if (strcmp (code, "XXX") == 0 || strcmp (code, "XTS") == 0)
    return -1;

  u_charsToUChars (code, ucode, 4);
  if (!ucurr_isAvailable (ucode, U_DATE_MIN, U_DATE_MAX, &status) || U_FAILURE (status))
    return -1;

  status = U_ZERO_ERROR;
  digits = ucurr_getDefaultFractionDigits (ucode, &status);
  if (U_FAILURE (status) || digits < 0 || digits > MAX_CURRENCY_DIGITS)
    return -1;

  return digits;
}

int
mops_currency_get_digits (const char *code)
{
  char upper[4];

  if (!copy_code (code, upper))
    return -1;

  return lookup_digits (upper);
}

char *
mops_currency_normalize (const char  *code,
                         GError     **error)
{
  char upper[4];

  if (!copy_code (code, upper) || lookup_digits (upper) < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” is not a currency code (ISO 4217, such as EUR or JPY)"),
                   code != NULL ? code : "");
      return NULL;
    }

  return g_strdup (upper);
}

gboolean
mops_currency_is_valid (const char *code)
{
  return mops_currency_get_digits (code) >= 0;
}

static gboolean
set_malformed (GError     **error,
               const char  *text)
{
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not an amount: write digits with an optional “.” and decimals, "
                 "such as 12.50"),
               text);
  return FALSE;
}

gboolean
mops_money_parse (const char  *text,
                  const char  *currency,
                  gint64      *out_minor,
                  GError     **error)
{
  char code[4];
  const char *p;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint n_int = 0, n_frac = 0;
  int digits;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!copy_code (currency, code) || (digits = lookup_digits (code)) < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” is not a currency code (ISO 4217, such as EUR or JPY)"),
                   currency != NULL ? currency : "");
      return FALSE;
    }

  p = text;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (; g_ascii_isdigit (*p); p++, n_int++)
    {
      if (value > (guint64) G_MAXINT64 / 10)
        goto too_large;
      value = value * 10 + (guint64) (*p - '0');
    }

  if (n_int == 0)
    return set_malformed (error, text);

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_frac++)
        {
          if (n_frac >= (guint) digits)
            {
              /* Keep reading so "12.5x" is malformed rather than "too many decimals". */
              continue;
            }
          if (value > (guint64) G_MAXINT64 / 10)
            goto too_large;
          value = value * 10 + (guint64) (*p - '0');
        }

      if (n_frac == 0)
        return set_malformed (error, text);
    }

  if (*p != '\0')
    return set_malformed (error, text);

  if (n_frac > (guint) digits)
    {
      if (digits == 0)
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                     _("“%s” has decimals, but amounts in %s are whole numbers"), text, code);
      else
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "“%s” has too many decimals: %s has %d decimal",
                                  "“%s” has too many decimals: %s has %d decimals",
                                  (gulong) digits),
                     text, code, digits);
      return FALSE;
    }

  /* Scale to minor units: "12.5" EUR has one digit of two. */
  for (guint i = n_frac; i < (guint) digits; i++)
    {
      if (value > (guint64) G_MAXINT64 / 10)
        goto too_large;
      value *= 10;
    }

  if (value > (guint64) G_MAXINT64)
    goto too_large;

  if (out_minor != NULL)
    *out_minor = negative ? -(gint64) value : (gint64) value;
  return TRUE;

too_large:
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("“%s” is too large an amount"), text);
  return FALSE;
}

char *
mops_money_to_decimal (gint64      minor,
                       const char *currency)
{
  int digits = mops_currency_get_digits (currency);
  guint64 magnitude, scale = 1;
  g_autoptr(GString) out = NULL;

  if (digits < 0)
    return NULL;

  /* G_MININT64 has no positive counterpart in gint64; go through guint64. */
  magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  for (int i = 0; i < digits; i++)
    scale *= 10;

  out = g_string_new (minor < 0 ? "-" : "");
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / scale);
  if (digits > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, digits, magnitude % scale);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_with_icu (const char *decimal,
                 const char *code,
                 const char *locale)
{
  g_autofree char *skeleton_utf8 = g_strdup_printf ("currency/%s", code);
  UChar skeleton[32];
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormatter *formatter;
  UFormattedNumber *result;
  UChar buffer[128];
  int32_t length;
  char *text = NULL;

  u_uastrcpy (skeleton, skeleton_utf8);

  formatter = unumf_openForSkeletonAndLocale (skeleton, -1,
                                              locale != NULL ? locale : uloc_getDefault (),
                                              &status);
  result = unumf_openResult (&status);
  unumf_formatDecimal (formatter, decimal, -1, result, &status);
  length = unumf_resultToString (result, buffer, G_N_ELEMENTS (buffer), &status);

  /* Warnings such as U_USING_DEFAULT_WARNING are not failures. */
  if (U_SUCCESS (status) && length > 0 && length < (int32_t) G_N_ELEMENTS (buffer))
    text = g_utf16_to_utf8 ((const gunichar2 *) buffer, length, NULL, NULL, NULL);

  if (result != NULL)
    unumf_closeResult (result);
  if (formatter != NULL)
    unumf_close (formatter);

  return text;
}

char *
mops_money_format (gint64      minor,
                   const char *currency,
                   const char *locale)
{
  g_autofree char *decimal = mops_money_to_decimal (minor, currency);
  char code[4];
  char *text;

  if (decimal == NULL || !copy_code (currency, code))
    return NULL;

  text = format_with_icu (decimal, code, locale);
  if (text == NULL)
    text = g_strdup_printf ("%s %s", decimal, code);

  return text;
}
