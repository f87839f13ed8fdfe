/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-metadata.c — licences pre-filled from the rights metadata a file carries */

#include "config.h"

#define G_LOG_DOMAIN "mops-licence-metadata"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-licence-metadata-private.h"
#include "mops-licence-metadata.h"
#include "mops-licences-private.h"

/* Text from a file is cut to these many characters. */
#define MAX_NAME_CHARS  200
#define MAX_NOTES_CHARS 2000
#define MAX_VALUE_CHARS 4000
#define MAX_NOTICE_CHARS 300

/* The keys mops-probe stores (src/probe/mops-probe-meta.c). */
#define KEY_LICENSOR        "Xmp.plus.Licensor[1]/plus:LicensorName"
#define KEY_LICENSEE        "Xmp.plus.Licensee[1]/plus:LicenseeName"
#define KEY_COPYRIGHT_OWNER "Xmp.plus.CopyrightOwner[1]/plus:CopyrightOwnerName"
#define KEY_LICENCE_ID      "Xmp.plus.LicenseID"
#define KEY_START           "Xmp.plus.LicenseStartDate"
#define KEY_END             "Xmp.plus.LicenseEndDate"
#define KEY_IPTC_EXPIRY     "Iptc.Application2.ExpirationDate"
#define KEY_USAGE_TERMS     "Xmp.xmpRights.UsageTerms"
#define KEY_WEB_STATEMENT   "Xmp.xmpRights.WebStatement"
#define KEY_CC_LICENSE      "Xmp.cc.license"
#define KEY_CC_ATTRIBUTION  "Xmp.cc.attributionName"
#define KEY_MODEL_RELEASE   "Xmp.plus.ModelReleaseStatus"
#define KEY_PROPERTY_RELEASE "Xmp.plus.PropertyReleaseStatus"

static const char * const copyright_keys[] = {
  "Xmp.dc.rights", "Iptc.Application2.Copyright", "Exif.Image.Copyright", "copyright", NULL,
};
static const char * const credit_keys[] = {
  "Iptc.Application2.Credit", "Xmp.photoshop.Credit", NULL,
};
static const char * const instruction_keys[] = {
  "Iptc.Application2.SpecialInstructions", "Xmp.photoshop.Instructions", NULL,
};

/* ---- Text -------------------------------------------------------------------------------- */

/* @text cut to @max characters; takes ownership. */
static char *
cut (char *text,
     glong max)
{
  char *cut_text;

  if (text == NULL || g_utf8_strlen (text, -1) <= max)
    return text;

  cut_text = g_utf8_substring (text, 0, max);
  g_free (text);
  return cut_text;
}

/* The value of @key in @meta, trimmed, without a LangAlt 'lang="x-default" ' prefix; NULL when
 * absent or blank. Free with g_free(). */
static char *
lookup (GHashTable *meta,
        const char *key)
{
  const char *value = g_hash_table_lookup (meta, key);
  g_autofree char *text = NULL;

  if (value == NULL)
    return NULL;

  text = g_utf8_make_valid (value, -1);
  if (g_str_has_prefix (text, "lang=\""))
    {
      const char *end = strstr (text + 6, "\" ");

      if (end != NULL)
        memmove (text, end + 2, strlen (end + 2) + 1);
    }

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  /* Bounded before any pattern looks at it */
  return cut (g_steal_pointer (&text), MAX_VALUE_CHARS);
}

static char *
lookup_first (GHashTable         *meta,
              const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      char *value = lookup (meta, keys[i]);

      if (value != NULL)
        return value;
    }

  return NULL;
}

/* Casefolded, with "-" and "_" as spaces, so "Royalty-Free" finds "royalty free". */
static char *
fold (const char *text)
{
  char *folded;

  if (text == NULL)
    return NULL;

  folded = g_utf8_casefold (text, -1);
  for (char *p = folded; *p != '\0'; p++)
    if (*p == '-' || *p == '_')
      *p = ' ';

  return folded;
}

static gboolean
contains_any (const char         *folded,
              const char * const *needles)
{
  if (folded == NULL)
    return FALSE;

  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (folded, needles[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* ---- Dates ------------------------------------------------------------------------------- */

static gboolean
read_digits (const char *text,
             guint       n,
             int        *out_value)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out_value = value;
  return TRUE;
}

/* The local date of "YYYY-MM-DD" at @time (an XMP time: "hh:mm", "hh:mm:ss", fractions, a
 * zone "Z", "+hh:mm", "+hhmm" or none). NULL when the time does not parse. */
static char *
local_date_at (int         year,
               int         month,
               int         day,
               const char *time)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) here = NULL;
  g_autofree char *iso = NULL;
  int hour, minute;

  /* GLib 2.74 wants seconds; XMP may leave them out. */
  if (read_digits (time, 2, &hour) && time[2] == ':' && read_digits (time + 3, 2, &minute)
      && time[5] != ':')
    iso = g_strdup_printf ("%04d-%02d-%02dT%.5s:00%s", year, month, day, time, time + 5);
  else
    iso = g_strdup_printf ("%04d-%02d-%02dT%s", year, month, day, time);

  when = g_date_time_new_from_iso8601 (iso, local);
  if (when == NULL)
    return NULL;

  here = g_date_time_to_local (when);
  if (here == NULL)
    return NULL;

  return g_date_time_format (here, "%Y-%m-%d");
}

char *
mops_licence_metadata_parse_date (const char *text,
                                  gboolean    end_of_period)
{
  g_autofree char *copy = NULL;
  const char *p;
  int year, month = 0, day = 0;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (!read_digits (p, 4, &year) || year < 1)
    return NULL;
  p += 4;

  if (*p == '\0')
    {
      /* An XMP year alone */
      month = end_of_period ? 12 : 1;
      day = end_of_period ? 31 : 1;
    }
  else if (g_ascii_isdigit (*p))
    {
      /* IPTC: YYYYMMDD */
      if (!read_digits (p, 2, &month) || !read_digits (p + 2, 2, &day))
        return NULL;
      p += 4;
    }
  else if (*p == '-' || *p == ':' || *p == '/')
    {
      char separator = *p++;

      if (!read_digits (p, 2, &month))
        return NULL;
      p += 2;

      if (*p == '\0')
        {
          /* An XMP month alone */
          if (month < 1 || month > 12)
            return NULL;
          day = end_of_period ? g_date_get_days_in_month (month, year) : 1;
        }
      else if (*p == separator)
        {
          if (!read_digits (p + 1, 2, &day))
            return NULL;
          p += 3;
        }
      else
        return NULL;
    }
  else
    return NULL;

  if (month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return NULL;

  if (*p == 'T' || *p == ' ')
    return p[1] != '\0' ? local_date_at (year, month, day, p + 1) : NULL;
  if (*p != '\0')
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* ---- Creative Commons -------------------------------------------------------------------- */

/* A variant from its parts ("by", "nc", "sa", "nd" in any order). */
static MopsCcVariant
variant_from_parts (gboolean nc,
                    gboolean sa,
                    gboolean nd)
{
  if (sa && nd)
    return MOPS_CC_VARIANT_UNSET;
  if (nc)
    return sa ? MOPS_CC_VARIANT_BY_NC_SA : nd ? MOPS_CC_VARIANT_BY_NC_ND : MOPS_CC_VARIANT_BY_NC;

  return sa ? MOPS_CC_VARIANT_BY_SA : nd ? MOPS_CC_VARIANT_BY_ND : MOPS_CC_VARIANT_BY;
}

/* "by-nc-sa" → BY-NC-SA; UNSET for a code that is not one of the six. */
static MopsCcVariant
variant_from_code (const char *code)
{
  g_auto(GStrv) parts = g_strsplit_set (code, "- _", -1);
  gboolean by = FALSE, nc = FALSE, sa = FALSE, nd = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean *flag = NULL;

      if (*parts[i] == '\0')
        continue;
      if (g_ascii_strcasecmp (parts[i], "by") == 0 && i == 0)
        flag = &by;
      else if (g_ascii_strcasecmp (parts[i], "nc") == 0)
        flag = &nc;
      else if (g_ascii_strcasecmp (parts[i], "sa") == 0)
        flag = &sa;
      else if (g_ascii_strcasecmp (parts[i], "nd") == 0)
        flag = &nd;

      if (flag == NULL || *flag)
        return MOPS_CC_VARIANT_UNSET;
      *flag = TRUE;
    }

  return by ? variant_from_parts (nc, sa, nd) : MOPS_CC_VARIANT_UNSET;
}

static char *
match_group (GMatchInfo *match,
             int         group)
{
  char *text = g_match_info_fetch (match, group);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* Matches @pattern (caseless, UTF-8) in @text; *@match is replaced either way. */
static gboolean
regex_find (const char  *pattern,
            const char  *text,
            GMatchInfo **match)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);

  g_clear_pointer (match, g_match_info_free);
  g_return_val_if_fail (regex != NULL, FALSE);

  return g_regex_match (regex, text, 0, match);
}

/* Where a Creative Commons licence is named in @text: TRUE with the variant, the version
 * (may be NULL) and the byte offset where the mention starts. */
static gboolean
find_cc (const char     *text,
         MopsCcVariant  *out_variant,
         char          **out_version,
         int            *out_start)
{
  static const char url_pattern[] =
    "creativecommons\\.org/(licen[cs]es|publicdomain)/([a-z-]+)(?:/(\\d+\\.\\d+))?";
  static const char zero_pattern[] = "\\bcc[ _-]?0\\b(?:[ _-]*v?(\\d\\.\\d))?";
  static const char short_pattern[] =
    "\\bcc[ _-]*(by(?:[ _-]+(?:nc|sa|nd)){0,2})\\b(?:[ _-]*v?(\\d\\.\\d))?";
  static const char long_pattern[] = "\\bcreative\\s*commons\\b([^\\n;,()]{0,120})";
  g_autoptr(GMatchInfo) match = NULL;
  MopsCcVariant variant = MOPS_CC_VARIANT_UNSET;
  g_autofree char *version = NULL;
  int start = 0;

  if (text == NULL)
    return FALSE;

  if (regex_find (url_pattern, text, &match))
    {
      g_autofree char *family = g_match_info_fetch (match, 1);
      g_autofree char *code = g_match_info_fetch (match, 2);

      /* The Public Domain Mark says a work is free of copyright: no licence to record. */
      if (g_ascii_strcasecmp (family, "publicdomain") == 0)
        {
          if (g_ascii_strcasecmp (code, "zero") != 0)
            return FALSE;
          variant = MOPS_CC_VARIANT_CC0;
        }
      else
        variant = variant_from_code (code);
      version = match_group (match, 3);
    }
  else if (regex_find (zero_pattern, text, &match))
    {
      variant = MOPS_CC_VARIANT_CC0;
      version = match_group (match, 1);
    }
  else if (regex_find (short_pattern, text, &match))
    {
      g_autofree char *code = g_match_info_fetch (match, 1);

      variant = variant_from_code (code);
      version = match_group (match, 2);
    }
  else if (regex_find (long_pattern, text, &match))
    {
      static const char * const zero_words[] = { "zero", "cc0", NULL };
      static const char * const nc_words[] = { "noncommercial", "non commercial", NULL };
      static const char * const sa_words[] = { "sharealike", "share alike", NULL };
      static const char * const nd_words[] = { "noderiv", "no deriv", NULL };
      g_autofree char *rest = g_match_info_fetch (match, 1);
      g_autofree char *words = fold (rest);
      g_autoptr(GMatchInfo) number = NULL;

      if (contains_any (words, zero_words))
        variant = MOPS_CC_VARIANT_CC0;
      else if (strstr (words, "attribution") != NULL)
        variant = variant_from_parts (contains_any (words, nc_words), contains_any (words, sa_words),
                                      contains_any (words, nd_words));
      if (regex_find ("\\d\\.\\d", rest, &number))
        version = g_match_info_fetch (number, 0);
    }
  else
    return FALSE;

  g_match_info_fetch_pos (match, 0, &start, NULL);

  if (out_variant != NULL)
    *out_variant = variant;
  if (out_version != NULL)
    *out_version = g_steal_pointer (&version);
  if (out_start != NULL)
    *out_start = start;

  return TRUE;
}

gboolean
mops_licence_metadata_parse_cc (const char     *text,
                                MopsCcVariant  *out_variant,
                                char          **out_version)
{
  return find_cc (text, out_variant, out_version, NULL);
}

/* ---- Copyright lines --------------------------------------------------------------------- */

#define COPYRIGHT_SIGN "(?:\\bcopyright\\b|\\bcopr\\b\\.?|©|\\(c\\)|℗)"
#define RESERVED_PATTERN \
  "(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|" \
  "toate drepturile rezervate|все права защищены|無断転載禁止)"

/* The holder a copyright notice names: "© 2020 Getty Images. All rights reserved." → "Getty
 * Images"; a notice that is just a name is that name. NULL when nothing is left. */
static char *
copyright_holder (const char *notice)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  g_autofree char *holder = NULL;
  int cut_at = 0;

  if (notice == NULL)
    return NULL;

  /* "© Marta Lindqvist, CC BY 4.0": the licence is not part of the name, nor is "All rights
   * reserved" and what follows it. */
  text = cut (g_strdup (notice), MAX_NOTICE_CHARS);
  if (find_cc (text, NULL, NULL, &cut_at) && cut_at > 0)
    text[cut_at] = '\0';
  if (regex_find (RESERVED_PATTERN "|rights[ -]managed|royalty[ -]free", text, &match))
    {
      g_match_info_fetch_pos (match, 0, &cut_at, NULL);
      text[cut_at] = '\0';
    }

  /* "Photo © 2019 Ola Nordmann": what stands before the sign is no name either. */
  if (!regex_find ("(?s)^(?:.{0,20}?" COPYRIGHT_SIGN "[\\s:]*)?(?:" COPYRIGHT_SIGN "[\\s:]*)*"
                   "(?:\\d{4}(?:\\s*[-–—,/]\\s*\\d{2,4})*[\\s,.:]*)?(?:by\\s+)?(.*?)[\\s.,;:–—-]*$",
                   text, &match))
    return NULL;

  holder = g_match_info_fetch (match, 1);
  if (holder == NULL || *g_strstrip (holder) == '\0'
      || strspn (holder, "0123456789 ") == strlen (holder))
    return NULL;

  return g_steal_pointer (&holder);
}

/* TRUE when @terms are just a copyright line ("© 2021 Jo Doe. All rights reserved.", or the
 * notice, or its holder): what a camera or a photographer's preset writes, no licence. */
static gboolean
terms_are_copyright_only (const char *terms,
                          const char *notice)
{
  g_autoptr(GRegex) reserved = g_regex_new (RESERVED_PATTERN, G_REGEX_CASELESS, 0, NULL);
  g_autofree char *folded = g_utf8_casefold (terms, -1);
  g_autofree char *rest = NULL;
  g_autoptr(GString) text = NULL;
  static const char * const copyright_words[] = { "©", "(c)", "copyright", "copr", NULL };

  g_return_val_if_fail (reserved != NULL, FALSE);

  rest = g_regex_replace_literal (reserved, folded, -1, 0, "", 0, NULL);
  text = g_string_new (rest);
  if (notice != NULL)
    {
      g_autofree char *holder = copyright_holder (notice);
      g_autofree char *folded_notice = g_utf8_casefold (notice, -1);

      g_string_replace (text, folded_notice, "", 0);
      if (holder != NULL)
        {
          g_autofree char *folded_holder = g_utf8_casefold (holder, -1);

          g_string_replace (text, folded_holder, "", 0);
        }
    }

  g_strstrip (text->str);

  /* Nothing but punctuation and years left, or what is left is itself a copyright line. */
  for (const char *p = text->str; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      {
        for (guint i = 0; copyright_words[i] != NULL; i++)
          if (g_str_has_prefix (text->str, copyright_words[i]))
            return TRUE;
        return FALSE;
      }

  return TRUE;
}

/* ---- Building the licence ---------------------------------------------------------------- */

static const char * const editorial_words[] = {
  "editorial", "éditorial", "redaktionell", "エディトリアル", NULL,
};
static const char * const royalty_free_words[] = {
  "royalty free", "royaltyfree", "lizenzfrei", "libre de droits", "ロイヤリティフリー",
  "ロイヤルティフリー", NULL,
};
static const char * const rights_managed_words[] = {
  "rights managed", "lizenzpflichtig", "droits gérés", "ライツマネージド", NULL,
};

/* The licence model a text names, or OTHER when it names none. */
static MopsLicenceKind
kind_named_in (const char *text)
{
  g_autofree char *folded = fold (text);

  if (contains_any (folded, editorial_words))
    return MOPS_LICENCE_KIND_EDITORIAL;
  if (contains_any (folded, royalty_free_words))
    return MOPS_LICENCE_KIND_ROYALTY_FREE;
  if (contains_any (folded, rights_managed_words))
    return MOPS_LICENCE_KIND_RIGHTS_MANAGED;

  return MOPS_LICENCE_KIND_OTHER;
}

/* A PLUS release status ("http://ns.useplus.org/ldf/vocab/MR-UMR" or just "MR-UMR"). */
static MopsRelease
release_from_plus (const char *value,
                   const char *prefix)
{
  static const struct { const char *code; MopsRelease release; } codes[] = {
    { "NON", MOPS_RELEASE_NONE }, { "NAP", MOPS_RELEASE_NOT_APPLICABLE },
    { "UMR", MOPS_RELEASE_UNLIMITED }, { "LMR", MOPS_RELEASE_LIMITED },
    { "UPR", MOPS_RELEASE_UNLIMITED }, { "LPR", MOPS_RELEASE_LIMITED },
  };
  const char *code;

  if (value == NULL)
    return MOPS_RELEASE_UNSET;

  code = strrchr (value, '/');
  code = code != NULL ? code + 1 : value;
  if (g_ascii_strncasecmp (code, prefix, strlen (prefix)) != 0)
    return MOPS_RELEASE_UNSET;
  code += strlen (prefix);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_ascii_strcasecmp (code, codes[i].code) == 0)
      {
        /* MR-UPR or PR-UMR are not codes */
        if ((codes[i].code[1] == 'M' && prefix[0] == 'P') || (codes[i].code[1] == 'P' && prefix[0] == 'M'))
          return MOPS_RELEASE_UNSET;
        return codes[i].release;
      }

  return MOPS_RELEASE_UNSET;
}

static void
append_line (GString    *notes,
             const char *line)
{
  if (line == NULL || strstr (notes->str, line) != NULL)
    return;

  if (notes->len > 0)
    g_string_append_c (notes, '\n');
  g_string_append (notes, line);
}

MopsLicence *
mops_licence_from_metadata (GHashTable *meta)
{
  g_autoptr(MopsLicence) licence = NULL;
  g_autofree char *licensor = NULL;
  g_autofree char *licensee = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *licence_id = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *iptc_expiry = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *web = NULL;
  g_autofree char *cc_license = NULL;
  g_autofree char *cc_attribution = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *instructions = NULL;
  g_autofree char *model = NULL;
  g_autofree char *property = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *expires_on = NULL;
  g_autofree char *cc_version = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  MopsCcVariant cc_variant = MOPS_CC_VARIANT_UNSET;
  MopsLicenceKind named_kind = MOPS_LICENCE_KIND_OTHER;
  gboolean has_cc, has_terms, is_licence;
  const char *cc_sources[4];

  g_return_val_if_fail (meta != NULL, NULL);

  licensor = lookup (meta, KEY_LICENSOR);
  licensee = lookup (meta, KEY_LICENSEE);
  owner = lookup (meta, KEY_COPYRIGHT_OWNER);
  licence_id = lookup (meta, KEY_LICENCE_ID);
  start_text = lookup (meta, KEY_START);
  end_text = lookup (meta, KEY_END);
  iptc_expiry = lookup (meta, KEY_IPTC_EXPIRY);
  terms = lookup (meta, KEY_USAGE_TERMS);
  web = lookup (meta, KEY_WEB_STATEMENT);
  cc_license = lookup (meta, KEY_CC_LICENSE);
  cc_attribution = lookup (meta, KEY_CC_ATTRIBUTION);
  notice = lookup_first (meta, copyright_keys);
  credit = lookup_first (meta, credit_keys);
  instructions = lookup_first (meta, instruction_keys);
  model = lookup (meta, KEY_MODEL_RELEASE);
  property = lookup (meta, KEY_PROPERTY_RELEASE);

  starts_on = mops_licence_metadata_parse_date (start_text, FALSE);
  expires_on = mops_licence_metadata_parse_date (end_text, TRUE);
  if (expires_on == NULL)
    expires_on = mops_licence_metadata_parse_date (iptc_expiry, TRUE);
  if (starts_on != NULL && expires_on != NULL && strcmp (starts_on, expires_on) > 0)
    g_clear_pointer (&starts_on, g_free);

  /* Creative Commons: the licence property first, then where people write it. */
  cc_sources[0] = cc_license;
  cc_sources[1] = web;
  cc_sources[2] = terms;
  cc_sources[3] = notice;
  has_cc = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (cc_sources) && !has_cc; i++)
    has_cc = find_cc (cc_sources[i], &cc_variant, &cc_version, NULL);

  /* A licence model named in the terms or the instructions; in the copyright notice only
   * "rights managed" counts (a publisher may be called "Editorial Something"). */
  named_kind = kind_named_in (terms);
  if (named_kind == MOPS_LICENCE_KIND_OTHER)
    named_kind = kind_named_in (instructions);
  if (named_kind == MOPS_LICENCE_KIND_OTHER && kind_named_in (notice) == MOPS_LICENCE_KIND_RIGHTS_MANAGED)
    named_kind = MOPS_LICENCE_KIND_RIGHTS_MANAGED;

  has_terms = terms != NULL && !terms_are_copyright_only (terms, notice);

  is_licence = licensor != NULL || licensee != NULL || licence_id != NULL || starts_on != NULL
               || expires_on != NULL || has_cc || has_terms || web != NULL
               || named_kind != MOPS_LICENCE_KIND_OTHER;
  if (!is_licence)
    return NULL;

  licence = mops_licence_new ();
  licence->confirmed = FALSE;
  licence->source = MOPS_LICENCE_SOURCE_METADATA;
  licence->worldwide = TRUE;
  licence->media = 0;

  if (has_cc)
    {
      licence->kind = MOPS_LICENCE_KIND_CREATIVE_COMMONS;
      licence->cc_variant = cc_variant;
      licence->cc_version = g_steal_pointer (&cc_version);
    }
  else if (named_kind != MOPS_LICENCE_KIND_OTHER)
    licence->kind = named_kind;
  else if (licence_id != NULL || starts_on != NULL || expires_on != NULL)
    licence->kind = MOPS_LICENCE_KIND_RIGHTS_MANAGED;
  else
    licence->kind = MOPS_LICENCE_KIND_OTHER;

  /* Who grants it */
  if (has_cc && cc_attribution != NULL)
    licence->licensor = g_strdup (cc_attribution);
  else if (licensor != NULL)
    licence->licensor = g_strdup (licensor);
  else if (owner != NULL)
    licence->licensor = g_strdup (owner);
  else
    licence->licensor = copyright_holder (notice);
  licence->licensor = cut (licence->licensor, MAX_NAME_CHARS);

  licence->starts_on = g_steal_pointer (&starts_on);
  licence->expires_on = g_steal_pointer (&expires_on);
  licence->reference = cut (g_strdup (licence_id), MAX_NAME_CHARS);
  licence->attribution = cut (g_strdup (credit != NULL ? credit : has_cc ? cc_attribution : NULL),
                              MAX_NAME_CHARS);
  licence->model_release = release_from_plus (model, "MR-");
  licence->property_release = release_from_plus (property, "PR-");

  append_line (notes, terms);
  if (kind_named_in (instructions) != MOPS_LICENCE_KIND_OTHER)
    append_line (notes, instructions);
  append_line (notes, web);
  append_line (notes, cc_license);
  if (notes->len > 0)
    licence->notes = cut (g_strdup (notes->str), MAX_NOTES_CHARS);

  return g_steal_pointer (&licence);
}

/* ---- Writing ----------------------------------------------------------------------------- */

/* TRUE in *@out_eligible when asset @asset_id may get a licence from its metadata: a plain
 * asset, not trashed, with no licence, never given one from its metadata before. */
static gboolean
asset_is_eligible (sqlite3   *db,
                   gint64     asset_id,
                   gboolean  *out_eligible,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db,
                          "SELECT role = 'asset' AND trashed_at IS NULL"
                          " AND NOT EXISTS (SELECT 1 FROM licence_assets WHERE asset_id = a.id)"
                          " AND NOT EXISTS (SELECT 1 FROM asset_meta WHERE asset_id = a.id AND key = ?2)"
                          " FROM assets a WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_text (stmt, 2, MOPS_LICENCE_METADATA_MARKER, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the library"));

  *out_eligible = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The first value of each metadata key of asset @asset_id. */
static GHashTable *
load_meta (sqlite3   *db,
           gint64     asset_id,
           GError   **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db, "SELECT key, value FROM asset_meta WHERE asset_id = ? AND seq = 0", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (meta, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the file's metadata"));
      return NULL;
    }

  return g_steal_pointer (&meta);
}

/* An unconfirmed licence pre-filled for another file of the same agreement: same licensor,
 * kind, licence ID and dates. 0 when there is none, -1 on error. */
static gint64
find_same_agreement (sqlite3            *db,
                     const MopsLicence  *licence,
                     GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (licence->reference == NULL)
    return 0;

  stmt = mops_db_prepare (db,
                          "SELECT id FROM licences WHERE source = 'metadata' AND confirmed = 0"
                          " AND reference = ?1 AND licensor IS ?2 AND kind = ?3"
                          " AND starts_on IS ?4 AND expires_on IS ?5 ORDER BY id LIMIT 1",
                          error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, licence->reference, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, licence->licensor);
  sqlite3_bind_text (stmt, 3, mops_licence_kind_to_name (licence->kind), -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 4, licence->starts_on);
  mops_db_bind_text_or_null (stmt, 5, licence->expires_on);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the licences"));
      return -1;
    }

  return 0;
}

static gboolean
write_marker (sqlite3  *db,
              gint64    asset_id,
              gint64    licence_id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, licence_id);

  stmt = mops_db_prepare (db,
                          "INSERT OR REPLACE INTO asset_meta (asset_id, key, seq, value)"
                          " VALUES (?, ?, 0, ?)",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_text (stmt, 2, MOPS_LICENCE_METADATA_MARKER, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not save the file's metadata"));

  return TRUE;
}

gboolean
mops_licence_metadata_apply_in_transaction (sqlite3  *db,
                                            gint64    asset_id,
                                            gint64   *out_licence_id,
                                            GError  **error)
{
  g_autoptr(GHashTable) meta = NULL;
  g_autoptr(MopsLicence) licence = NULL;
  g_autoptr(GError) invalid = NULL;
  gboolean eligible = FALSE;
  gint64 licence_id;

  g_return_val_if_fail (db != NULL, FALSE);

  if (out_licence_id != NULL)
    *out_licence_id = 0;

  if (!asset_is_eligible (db, asset_id, &eligible, error))
    return FALSE;
  if (!eligible)
    return TRUE;

  meta = load_meta (db, asset_id, error);
  if (meta == NULL)
    return FALSE;

  licence = mops_licence_from_metadata (meta);
  if (licence == NULL)
    return TRUE;

  /* What a file says never fails its preview. */
  if (!mops_licence_validate (licence, &invalid))
    {
      g_debug ("Asset %" G_GINT64_FORMAT ": no licence from its metadata: %s", asset_id,
               invalid->message);
      return TRUE;
    }

  licence_id = find_same_agreement (db, licence, error);
  if (licence_id < 0)
    return FALSE;

  if (licence_id > 0)
    {
      if (!mops_licences_attach_in_transaction (db, licence_id, &asset_id, 1, error))
        return FALSE;
    }
  else
    {
      licence_id = mops_licences_create_in_transaction (db, licence, &asset_id, 1, error);
      if (licence_id == 0)
        return FALSE;
    }

  if (!write_marker (db, asset_id, licence_id, error))
    return FALSE;

  if (out_licence_id != NULL)
    *out_licence_id = licence_id;
  return TRUE;
}
