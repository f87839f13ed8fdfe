/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-text.h — text folding for search, the same on both sides of a match */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NFKC-normalises and case-folds @text (NULL gives ""): what search_text holds and what a
 * query is compared with, so "Grüße" matches "GRÜSSE" and NFD input matches NFC. Invalid
 * UTF-8 is replaced, never passed through. Free with g_free(). */
char *mops_text_fold (const char *text);

G_END_DECLS
