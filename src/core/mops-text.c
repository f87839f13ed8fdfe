/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-text.c — text folding for search */

#include "config.h"

#include "mops-text.h"

char *
mops_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  normalized = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}
