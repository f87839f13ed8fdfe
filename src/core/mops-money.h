/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-money.h — ISO 4217 currencies and amounts in minor units, parsed and written exactly */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is always an integer count of the currency's minor units (cents, fils, yen) beside an
 * ISO 4217 code; never a double. These functions turn the decimal text people and scripts
 * write ("12.50") into minor units and back, with the currency's own number of digits from
 * ICU (JPY 0, EUR 2, BHD 3). */

/* Checks that @code is an ISO 4217 currency ICU knows (ucurr_isAvailable; any case in).
 * "XXX" (no currency) and "XTS" (testing) are refused. Returns the code in upper case (free
 * with g_free()), or NULL with a MOPS_ERROR_INVALID error naming the code. */
char    *mops_currency_normalize     (const char  *code,
                                      GError     **error);

/* TRUE when mops_currency_normalize() would accept @code. */
gboolean mops_currency_is_valid      (const char  *code);

/* The number of minor-unit digits of a valid currency (JPY 0, EUR 2, BHD 3), or -1 when
 * @code is not a currency ICU knows. */
int      mops_currency_get_digits    (const char  *code);

/* Parses a decimal amount in @currency: an optional "-", digits, and optionally "." followed
 * by at most as many digits as the currency has ("12.5" and "12.50" EUR are both 1250; "12"
 * JPY is 12; "1.000" EUR, "12.5" JPY, "1,50", "12.", ".5", "+3", " 3", "1e3" are refused).
 * Negative amounts are allowed here (a refund); callers that forbid them check the sign.
 * Sets *@out_minor and returns TRUE, or returns FALSE with a MOPS_ERROR_INVALID error naming
 * the amount (malformed, too many decimals, too large) or the currency (unknown). */
gboolean mops_money_parse            (const char  *text,
                                      const char  *currency,
                                      gint64      *out_minor,
                                      GError     **error);

/* Writes @minor units of @currency as plain decimal text with exactly the currency's digits
 * and "." as separator, no grouping, no symbol: 1250 EUR → "12.50", -5 EUR → "-0.05", 1234
 * JPY → "1234", 1 BHD → "0.001". What mops_money_parse() reads back; for plain CLI output and
 * files. Returns NULL for an unknown currency. Free with g_free(). */
char    *mops_money_to_decimal       (gint64       minor,
                                      const char  *currency);

/* Formats @minor units of @currency for people in @locale (an ICU locale id such as "de_DE";
 * NULL = ICU's default, which follows LANG/LC_*), with the currency's symbol and grouping:
 * de_DE "1.234,50 €", ja_JP "￥1,234". Exact for any gint64 (fed to ICU as a decimal string,
 * never a double). Falls back to mops_money_to_decimal() + " " + code when ICU cannot format.
 * Returns NULL for an unknown currency. Free with g_free(). */
char    *mops_money_format           (gint64       minor,
                                      const char  *currency,
                                      const char  *locale);

G_END_DECLS
