/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-licence-metadata.c — licences pre-filled from rights metadata: parsing, rules, writing */

#include "config.h"

#include "core/mops-clock.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-import-private.h"
#include "core/mops-import.h"
#include "core/mops-library.h"
#include "core/mops-licence-metadata-private.h"
#include "core/mops-licence-metadata.h"
#include "core/mops-licences.h"
#include "core/mops-previews-private.h"
#include "core/mops-previews.h"
#include "mops-test-util.h"

/* Monday 23 November 2026, 09:00 in Oslo (UTC+1 in winter). */
#define TEST_NOW "2026-11-23T09:00:00+01:00"
#define TEST_TZ  "Europe/Oslo"

typedef MopsTestLibrary Fixture;

/* ---- Helpers ----------------------------------------------------------------------------- */

/* A key → value table from a NULL-terminated list of key, value, key, value… */
static GHashTable *
meta_from_pairs (const char * const *pairs)
{
  GHashTable *meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    g_hash_table_insert (meta, g_strdup (pairs[i]), g_strdup (pairs[i + 1]));

  return meta;
}

/* Stores metadata pairs for an asset as the previews do. */
static void
store_meta (Fixture            *fixture,
            gint64              asset_id,
            const char * const *pairs)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db,
                                       "INSERT OR REPLACE INTO asset_meta (asset_id, key, seq, value)"
                                       " VALUES (?, ?, 0, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      sqlite3_bind_int64 (stmt, 1, asset_id);
      sqlite3_bind_text (stmt, 2, pairs[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, pairs[i + 1], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
}

/* Runs the previews' step in its own transaction; returns the licence id (0 = none). */
static gint64
apply (Fixture *fixture,
       gint64   asset_id)
{
  g_autoptr(GError) error = NULL;
  gint64 licence_id = -1;

  g_assert_true (mops_db_begin (fixture->db, &error));
  g_assert_true (mops_licence_metadata_apply_in_transaction (fixture->db, asset_id, &licence_id, &error));
  g_assert_no_error (error);
  g_assert_true (mops_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (licence_id, >=, 0);
  return licence_id;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return mops_test_query_int (fixture->db, sql);
}

static const char * const agency_pairs[] = {
  "Xmp.plus.Licensor[1]/plus:LicensorName", "Arctic Light Images",
  "Xmp.plus.LicenseID", "ALI-88412",
  "Xmp.plus.LicenseStartDate", "2019-01-01",
  "Xmp.plus.LicenseEndDate", "2020-12-31",
  "Iptc.Application2.ExpirationDate", "2020-12-31",
  "Xmp.xmpRights.UsageTerms", "Web use, 24 months.",
  "Xmp.dc.rights", "© Arctic Light Images",
  NULL,
};

/* ---- Dates ------------------------------------------------------------------------------- */

static void
test_dates_every_form (void)
{
  static const struct { const char *text; gboolean end; const char *expected; } cases[] = {
    { "2020-12-31", TRUE, "2020-12-31" },
    { "2020:12:31", TRUE, "2020-12-31" },
    { "2020/12/31", FALSE, "2020-12-31" },
    { "20201231", TRUE, "2020-12-31" },                        /* IPTC 2:37 */
    { "  2020-12-31\n", TRUE, "2020-12-31" },
    { "2020-12-31T10:00:00", TRUE, "2020-12-31" },             /* no zone: its own date */
    { "2020:12:31 23:59:59", TRUE, "2020-12-31" },             /* EXIF-style */
    { "2020-12-31T23:30:00+02:00", TRUE, "2020-12-31" },       /* 22:30 in Oslo */
    { "2020-12-31T23:30:00-05:00", TRUE, "2021-01-01" },       /* 05:30 the next day in Oslo */
    { "2020-12-31T23:30Z", TRUE, "2021-01-01" },               /* XMP leaves out seconds */
    { "2020-12-31T00:30+02:00", FALSE, "2020-12-30" },         /* 23:30 the day before */
    { "2020-12-31T10:00:00.250+01:00", TRUE, "2020-12-31" },
    { "2020-06-30T23:30:00+0000", TRUE, "2020-07-01" },        /* summer: UTC+2 */
    { "2020", TRUE, "2020-12-31" },                            /* an XMP year */
    { "2020", FALSE, "2020-01-01" },
    { "2021-02", TRUE, "2021-02-28" },                         /* an XMP month */
    { "2024-02", TRUE, "2024-02-29" },
    { "2021-02", FALSE, "2021-02-01" },
  };
  static const char *malformed[] = {
    "", "   ", "31/12/2020", "12/31/2020", "31.12.2020", "2020-13-01", "2021-02-30", "00000000",
    "0000-00-00", "2020-12-31T25:00:00Z", "2020-12-31Tnoon", "2020-12-31T", "2020-12-3",
    "2020-12-31x", "2020-1231", "2020:12-31", "2020-00", "202", "yesterday", "２０２０-12-31",
  };

  g_setenv ("TZ", TEST_TZ, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = mops_licence_metadata_parse_date (cases[i].text, cases[i].end);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *date = mops_licence_metadata_parse_date (malformed[i], TRUE);

      g_test_message ("%s", malformed[i]);
      g_assert_null (date);
    }

  g_assert_null (mops_licence_metadata_parse_date (NULL, TRUE));
}

/* ---- Creative Commons -------------------------------------------------------------------- */

static void
test_cc_urls_and_notices (void)
{
  static const struct { const char *text; MopsCcVariant variant; const char *version; } cases[] = {
    { "https://creativecommons.org/licenses/by-sa/4.0/", MOPS_CC_VARIANT_BY_SA, "4.0" },
    { "http://creativecommons.org/licenses/by/2.0/de/deed.de", MOPS_CC_VARIANT_BY, "2.0" },
    { "https://creativecommons.org/licenses/by-nc-nd/3.0/", MOPS_CC_VARIANT_BY_NC_ND, "3.0" },
    { "https://creativecommons.org/licenses/by-nd-nc/1.0/", MOPS_CC_VARIANT_BY_NC_ND, "1.0" },
    { "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.ja", MOPS_CC_VARIANT_BY_NC_SA, "4.0" },
    { "https://creativecommons.org/licenses/by-nc/", MOPS_CC_VARIANT_BY_NC, NULL },
    { "HTTPS://CreativeCommons.org/Licenses/BY-ND/2.5/", MOPS_CC_VARIANT_BY_ND, "2.5" },
    { "https://creativecommons.org/publicdomain/zero/1.0/", MOPS_CC_VARIANT_CC0, "1.0" },
    { "Licensed under CC BY-SA 4.0", MOPS_CC_VARIANT_BY_SA, "4.0" },
    { "CC-BY-NC-4.0", MOPS_CC_VARIANT_BY_NC, "4.0" },           /* SPDX */
    { "© Marta Lindqvist, CC BY 4.0", MOPS_CC_VARIANT_BY, "4.0" },
    { "cc by-nc-sa", MOPS_CC_VARIANT_BY_NC_SA, NULL },
    { "CC0", MOPS_CC_VARIANT_CC0, NULL },
    { "CC0 1.0 Universal", MOPS_CC_VARIANT_CC0, "1.0" },
    { "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International",
      MOPS_CC_VARIANT_BY_NC_SA, "4.0" },
    { "Creative Commons Attribution 3.0 Unported", MOPS_CC_VARIANT_BY, "3.0" },
    { "Creative Commons Attribution-NoDerivatives 4.0", MOPS_CC_VARIANT_BY_ND, "4.0" },
    { "Creative Commons Zero", MOPS_CC_VARIANT_CC0, NULL },
    { "https://creativecommons.org/licenses/sampling/1.0/", MOPS_CC_VARIANT_UNSET, "1.0" },
  };
  static const char *not_cc[] = {
    "https://creativecommons.org/publicdomain/mark/1.0/", "© 2020 Getty Images",
    "Accept by mail", "Royalty-free, standard licence", "https://www.gettyimages.com/eula",
    "soccer by night", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *version = NULL;
      MopsCcVariant variant = MOPS_CC_VARIANT_BY_ND + 100;

      g_test_message ("%s", cases[i].text);
      g_assert_true (mops_licence_metadata_parse_cc (cases[i].text, &variant, &version));
      g_assert_cmpint (variant, ==, cases[i].variant);
      g_assert_cmpstr (version, ==, cases[i].version);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_cc); i++)
    {
      g_test_message ("%s", not_cc[i]);
      g_assert_false (mops_licence_metadata_parse_cc (not_cc[i], NULL, NULL));
    }
}

/* ---- What is not a licence --------------------------------------------------------------- */

static void
test_not_a_licence (void)
{
  /* Each row: pairs ending in NULL. */
  static const char * const cases[][16] = {
    { NULL },
    /* the company's own copyright line, however many places hold it */
    { "Xmp.dc.rights", "© 2023 Fjellvind AS", "Iptc.Application2.Copyright", "Fjellvind AS",
      "Exif.Image.Copyright", "Fjellvind AS", "copyright", "© 2023 Fjellvind AS", NULL },
    /* Photoshop's "Copyrighted" status and provenance fields */
    { "Xmp.dc.rights", "© Yuki Tanaka", "Xmp.xmpRights.Marked", "True",
      "Xmp.plus.CopyrightStatus", "http://ns.useplus.org/ldf/vocab/CS-PRO",
      "Iptc.Application2.Credit", "Fjellvind", "Iptc.Application2.Source", "Studio",
      "Exif.Image.Artist", "Yuki Tanaka", NULL },
    /* usage terms that are only a copyright line */
    { "Xmp.xmpRights.UsageTerms", "All rights reserved.", NULL },
    { "Xmp.xmpRights.UsageTerms", "© 2021 Jo Doe. All rights reserved.", NULL },
    { "Xmp.dc.rights", "© 2021 Jo Doe", "Xmp.xmpRights.UsageTerms", "lang=\"x-default\" © 2021 Jo Doe", NULL },
    { "Xmp.dc.rights", "© 2021 Jo Doe", "Xmp.xmpRights.UsageTerms", "Jo Doe. Alle Rechte vorbehalten.", NULL },
    /* dates that do not parse are not there */
    { "Xmp.plus.LicenseEndDate", "31/12/2020", "Iptc.Application2.ExpirationDate", "00000000",
      "Xmp.plus.LicenseStartDate", "soon", NULL },
    /* the Public Domain Mark */
    { "Xmp.cc.license", "https://creativecommons.org/publicdomain/mark/1.0/", NULL },
    /* release statuses, supplier, copyright owner alone */
    { "Xmp.plus.ModelReleaseStatus", "http://ns.useplus.org/ldf/vocab/MR-UMR",
      "Xmp.plus.PropertyReleaseStatus", "http://ns.useplus.org/ldf/vocab/PR-NON",
      "Xmp.plus.ImageSupplier[1]/plus:ImageSupplierName", "Nordlys Stock",
      "Xmp.plus.CopyrightOwner[1]/plus:CopyrightOwnerName", "Ola Nordmann", NULL },
    /* instructions that name no licence model; a publisher called "Editorial …" */
    { "Iptc.Application2.SpecialInstructions", "Crop to square for Instagram",
      "Xmp.dc.rights", "© Editorial Planeta", NULL },
    /* blank values */
    { "Xmp.plus.Licensor[1]/plus:LicensorName", "   ", "Xmp.plus.LicenseID", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) meta = meta_from_pairs (cases[i]);
      g_autoptr(MopsLicence) licence = mops_licence_from_metadata (meta);

      g_test_message ("case %u", i);
      g_assert_null (licence);
    }
}

/* ---- The licence built ------------------------------------------------------------------- */

typedef struct
{
  const char      *pairs[24];
  MopsLicenceKind  kind;
  MopsCcVariant    cc_variant;
  const char      *cc_version;
  const char      *licensor;
  const char      *starts_on;
  const char      *expires_on;
  const char      *reference;
  const char      *attribution;
  const char      *notes;
  MopsRelease      model_release;
  MopsRelease      property_release;
} BuildCase;

static const BuildCase build_cases[] = {
  /* A stock agency's PLUS licence: the PLUS end date wins over IPTC's */
  { { "Xmp.plus.Licensor[1]/plus:LicensorName", "Getty Images", "Xmp.plus.LicenseID", "GI-123",
      "Xmp.plus.LicenseStartDate", "2019-01-01", "Xmp.plus.LicenseEndDate",
      "2020-12-31T23:30:00+02:00", "Iptc.Application2.ExpirationDate", "20211231",
      "Iptc.Application2.Credit", "Getty Images / Jo Doe",
      "Xmp.plus.ModelReleaseStatus", "http://ns.useplus.org/ldf/vocab/MR-UMR",
      "Xmp.plus.PropertyReleaseStatus", "http://ns.useplus.org/ldf/vocab/PR-NON", NULL },
    MOPS_LICENCE_KIND_RIGHTS_MANAGED, MOPS_CC_VARIANT_UNSET, NULL, "Getty Images", "2019-01-01",
    "2020-12-31", "GI-123", "Getty Images / Jo Doe", NULL, MOPS_RELEASE_UNLIMITED,
    MOPS_RELEASE_NONE },
  /* IPTC only: an expiration date, the agency in the copyright field */
  { { "Iptc.Application2.Copyright", "Alpenblick Bildagentur GmbH",
      "Iptc.Application2.ExpirationDate", "20251231", NULL },
    MOPS_LICENCE_KIND_RIGHTS_MANAGED, MOPS_CC_VARIANT_UNSET, NULL, "Alpenblick Bildagentur GmbH",
    NULL, "2025-12-31", NULL, NULL, NULL, MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* Usage terms naming the model; the holder read from the notice */
  { { "Xmp.xmpRights.UsageTerms", "lang=\"x-default\" Royalty-Free licence, standard terms.",
      "Xmp.dc.rights", "© 2022 Nordlys Stock AS. All rights reserved.", "Xmp.plus.LicenseID",
      "NS-1", NULL },
    MOPS_LICENCE_KIND_ROYALTY_FREE, MOPS_CC_VARIANT_UNSET, NULL, "Nordlys Stock AS", NULL, NULL,
    "NS-1", NULL, "Royalty-Free licence, standard terms.", MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* A news agency's instructions */
  { { "Iptc.Application2.SpecialInstructions", "EDITORIAL USE ONLY. NO SALES.",
      "Iptc.Application2.Copyright", "Copyright 2024 Reuters", NULL },
    MOPS_LICENCE_KIND_EDITORIAL, MOPS_CC_VARIANT_UNSET, NULL, "Reuters", NULL, NULL, NULL, NULL,
    "EDITORIAL USE ONLY. NO SALES.", MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* Creative Commons through the cc: namespace */
  { { "Xmp.cc.license", "https://creativecommons.org/licenses/by-sa/4.0/",
      "Xmp.cc.attributionName", "Marta Lindqvist", "Xmp.dc.rights",
      "© Marta Lindqvist, CC BY-SA 4.0", NULL },
    MOPS_LICENCE_KIND_CREATIVE_COMMONS, MOPS_CC_VARIANT_BY_SA, "4.0", "Marta Lindqvist", NULL, NULL,
    NULL, "Marta Lindqvist", "https://creativecommons.org/licenses/by-sa/4.0/", MOPS_RELEASE_UNSET,
    MOPS_RELEASE_UNSET },
  /* Creative Commons named in the copyright line only */
  { { "Xmp.dc.rights", "Photo © 2019 Ola Nordmann, CC BY 4.0", NULL },
    MOPS_LICENCE_KIND_CREATIVE_COMMONS, MOPS_CC_VARIANT_BY, "4.0", "Ola Nordmann",
    NULL, NULL, NULL, NULL, NULL, MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  { { "Xmp.dc.rights", "© 2019 Ola Nordmann, CC BY 4.0", NULL },
    MOPS_LICENCE_KIND_CREATIVE_COMMONS, MOPS_CC_VARIANT_BY, "4.0", "Ola Nordmann",
    NULL, NULL, NULL, NULL, NULL, MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* CC0 in a Web statement */
  { { "Xmp.xmpRights.WebStatement", "https://creativecommons.org/publicdomain/zero/1.0/", NULL },
    MOPS_LICENCE_KIND_CREATIVE_COMMONS, MOPS_CC_VARIANT_CC0, "1.0", NULL, NULL, NULL, NULL, NULL,
    "https://creativecommons.org/publicdomain/zero/1.0/", MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* A Web statement of rights and a notice */
  { { "Xmp.xmpRights.WebStatement", "https://agency.example/licence/123", "Xmp.dc.rights",
      "(c) 2018-2020 Example Agency Ltd.", NULL },
    MOPS_LICENCE_KIND_OTHER, MOPS_CC_VARIANT_UNSET, NULL, "Example Agency Ltd", NULL, NULL, NULL,
    NULL, "https://agency.example/licence/123", MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* A start after the end: the end is kept */
  { { "Xmp.plus.Licensor[1]/plus:LicensorName", "Kystfoto AS", "Xmp.plus.LicenseStartDate",
      "2021-06-01", "Xmp.plus.LicenseEndDate", "2021-01-31", NULL },
    MOPS_LICENCE_KIND_RIGHTS_MANAGED, MOPS_CC_VARIANT_UNSET, NULL, "Kystfoto AS", NULL,
    "2021-01-31", NULL, NULL, NULL, MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* Malformed values are left out, the rest stays */
  { { "Xmp.plus.Licensor[1]/plus:LicensorName", "Polar Pixels Ltd", "Xmp.plus.LicenseEndDate",
      "next year", "Xmp.plus.ModelReleaseStatus", "MR-XYZ", "Xmp.plus.PropertyReleaseStatus",
      "http://ns.useplus.org/ldf/vocab/MR-UMR", NULL },
    MOPS_LICENCE_KIND_OTHER, MOPS_CC_VARIANT_UNSET, NULL, "Polar Pixels Ltd", NULL, NULL, NULL,
    NULL, NULL, MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  /* A licensee: the file was licensed to us; the copyright owner grants it */
  { { "Xmp.plus.Licensee[1]/plus:LicenseeName", "Fjellvind AS",
      "Xmp.plus.CopyrightOwner[1]/plus:CopyrightOwnerName", "Eirik Vik", "Xmp.dc.rights",
      "© Eirik Vik Fotografi", "Xmp.plus.ModelReleaseStatus", "MR-LMR",
      "Xmp.plus.PropertyReleaseStatus", "PR-NAP", NULL },
    MOPS_LICENCE_KIND_OTHER, MOPS_CC_VARIANT_UNSET, NULL, "Eirik Vik", NULL, NULL, NULL, NULL, NULL,
    MOPS_RELEASE_LIMITED, MOPS_RELEASE_NOT_APPLICABLE },
  /* "Rights managed" in the notice, German usage terms */
  { { "Xmp.dc.rights", "Alpha Foto — Rights Managed", "Xmp.plus.LicenseEndDate", "2027", NULL },
    MOPS_LICENCE_KIND_RIGHTS_MANAGED, MOPS_CC_VARIANT_UNSET, NULL, "Alpha Foto",
    NULL, "2027-12-31", NULL, NULL, NULL, MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
  { { "Xmp.xmpRights.UsageTerms", "Lizenzfreie Nutzung? Nein: nur redaktionelle Nutzung.", NULL },
    MOPS_LICENCE_KIND_EDITORIAL, MOPS_CC_VARIANT_UNSET, NULL, NULL, NULL, NULL, NULL, NULL,
    "Lizenzfreie Nutzung? Nein: nur redaktionelle Nutzung.", MOPS_RELEASE_UNSET,
    MOPS_RELEASE_UNSET },
  /* Usage terms, instructions naming the model and a Web statement all go to the notes */
  { { "Xmp.xmpRights.UsageTerms", "Web and social, DE/AT/CH.", "Xmp.photoshop.Instructions",
      "Rights-managed image", "Xmp.xmpRights.WebStatement", "https://alpenblick.example/terms",
      NULL },
    MOPS_LICENCE_KIND_RIGHTS_MANAGED, MOPS_CC_VARIANT_UNSET, NULL, NULL, NULL, NULL, NULL, NULL,
    "Web and social, DE/AT/CH.\nRights-managed image\nhttps://alpenblick.example/terms",
    MOPS_RELEASE_UNSET, MOPS_RELEASE_UNSET },
};

static void
test_builds_the_licence (void)
{
  g_setenv ("TZ", TEST_TZ, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (build_cases); i++)
    {
      const BuildCase *c = &build_cases[i];
      g_autoptr(GHashTable) meta = meta_from_pairs (c->pairs);
      g_autoptr(MopsLicence) licence = mops_licence_from_metadata (meta);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_nonnull (licence);
      g_assert_cmpint (licence->kind, ==, c->kind);
      g_assert_cmpint (licence->cc_variant, ==, c->cc_variant);
      g_assert_cmpstr (licence->cc_version, ==, c->cc_version);
      g_assert_cmpstr (licence->licensor, ==, c->licensor);
      g_assert_cmpstr (licence->starts_on, ==, c->starts_on);
      g_assert_cmpstr (licence->expires_on, ==, c->expires_on);
      g_assert_cmpstr (licence->reference, ==, c->reference);
      g_assert_cmpstr (licence->attribution, ==, c->attribution);
      g_assert_cmpstr (licence->notes, ==, c->notes);
      g_assert_cmpint (licence->model_release, ==, c->model_release);
      g_assert_cmpint (licence->property_release, ==, c->property_release);

      /* Always unconfirmed, from metadata, worldwide, any medium, free */
      g_assert_false (licence->confirmed);
      g_assert_cmpint (licence->source, ==, MOPS_LICENCE_SOURCE_METADATA);
      g_assert_true (licence->worldwide);
      g_assert_cmpuint (licence->media, ==, 0);
      g_assert_false (licence->has_cost);
      g_assert_true (mops_licence_validate (licence, &error));
      g_assert_no_error (error);
    }
}

static void
test_long_text_is_cut (void)
{
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) notice = g_string_new ("© ");
  g_autoptr(GHashTable) meta = NULL;
  g_autoptr(MopsLicence) licence = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (terms, "Bruk på nett. ");
  for (guint i = 0; i < 100; i++)
    g_string_append (name, "Ålesund ");
  /* a hostile notice: long runs that patterns could backtrack over */
  for (guint i = 0; i < 50000; i++)
    g_string_append (notice, " -");
  g_string_append (notice, "x");

  meta = meta_from_pairs ((const char * const []) {
    "Xmp.xmpRights.UsageTerms", terms->str, "Xmp.plus.Licensor[1]/plus:LicensorName", name->str,
    "Xmp.plus.LicenseID", "invalid \xff\xfe utf-8", "Xmp.dc.rights", notice->str, NULL });
  licence = mops_licence_from_metadata (meta);
  g_assert_nonnull (licence);
  g_assert_cmpint (g_utf8_strlen (licence->notes, -1), ==, 2000);
  g_assert_cmpint (g_utf8_strlen (licence->licensor, -1), ==, 200);
  g_assert_true (g_utf8_validate (licence->reference, -1, NULL));
  g_assert_true (mops_licence_validate (licence, NULL));
}

/* ---- Writing ----------------------------------------------------------------------------- */

static void
test_apply_once (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) licences = NULL;
  MopsLicence *licence;
  gint64 asset = mops_test_insert_asset (fixture->db, "aurora.jpg");
  gint64 id;

  store_meta (fixture, asset, agency_pairs);
  id = apply (fixture, asset);
  g_assert_cmpint (id, >, 0);

  licences = mops_licences_for_asset (fixture->library, asset, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (licences->len, ==, 1);
  licence = licences->pdata[0];
  g_assert_cmpint (licence->id, ==, id);
  g_assert_false (licence->confirmed);
  g_assert_cmpint (licence->source, ==, MOPS_LICENCE_SOURCE_METADATA);
  g_assert_cmpint (licence->kind, ==, MOPS_LICENCE_KIND_RIGHTS_MANAGED);
  g_assert_cmpstr (licence->licensor, ==, "Arctic Light Images");
  g_assert_cmpstr (licence->reference, ==, "ALI-88412");
  g_assert_cmpstr (licence->expires_on, ==, "2020-12-31");
  g_assert_cmpstr (licence->notes, ==, "Web use, 24 months.");

  /* The licensor is searchable */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM assets WHERE search_text LIKE '%arctic light%'"),
                   ==, 1);

  /* Re-probing changes nothing */
  g_assert_cmpint (apply (fixture, asset), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 1);

  /* A person deletes it: it does not come back */
  g_assert_true (mops_licences_delete (fixture->library, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (apply (fixture, asset), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT value FROM asset_meta WHERE key = '"
                                   MOPS_LICENCE_METADATA_MARKER "'"), ==, id);
}

static void
test_apply_skips_an_asset_with_a_licence (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  g_autoptr(MopsLicence) owned = mops_licence_new ();
  g_autoptr(GError) error = NULL;
  gint64 asset = mops_test_insert_asset (fixture->db, "ours.jpg");
  gint64 record = mops_test_insert_asset_full (fixture->db, "contract.pdf", "record", FALSE);
  gint64 plain = mops_test_insert_asset (fixture->db, "plain.jpg");
  gint64 id;

  owned->licensor = g_strdup ("Fjellvind AS");
  id = mops_licences_create (fixture->library, owned, &asset, 1, &error);
  g_assert_no_error (error);

  store_meta (fixture, asset, agency_pairs);
  store_meta (fixture, record, agency_pairs);
  store_meta (fixture, plain, (const char * const []) { "Xmp.dc.rights", "© 2024 Fjellvind AS",
                                                        "Exif.Image.Copyright", "Fjellvind AS", NULL });

  g_assert_cmpint (apply (fixture, asset), ==, 0);    /* has one */
  g_assert_cmpint (apply (fixture, record), ==, 0);   /* records need none */
  g_assert_cmpint (apply (fixture, plain), ==, 0);    /* a copyright line is no licence */
  g_assert_cmpint (apply (fixture, 9999), ==, 0);     /* gone meanwhile */

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences WHERE source = 'metadata'"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM asset_meta WHERE key = '"
                                   MOPS_LICENCE_METADATA_MARKER "'"), ==, 0);
  g_assert_cmpint (id, >, 0);
}

static void
test_apply_expired_and_to_confirm (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_auto(MopsLicenceRow) row = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *object;
  gint64 asset = mops_test_insert_asset (fixture->db, "aurora.jpg");
  gint64 id;

  g_setenv ("TZ", TEST_TZ, TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);

  store_meta (fixture, asset, agency_pairs);
  id = apply (fixture, asset);

  /* An agency's 2020 end date makes the asset expired, and the row says to confirm it */
  g_assert_true (mops_licences_status_for_asset (fixture->library, asset, NULL, -1, &row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row.status, ==, MOPS_LICENCE_STATUS_EXPIRED);
  g_assert_cmpint (row.licence_id, ==, id);
  g_assert_true (row.to_confirm);
  mops_licence_row_clear (&row);

  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_EXPIRED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  json = mops_licence_row_to_json (rows->pdata[0]);
  object = json_node_get_object (json);
  g_assert_true (json_object_get_boolean_member (object, "to_confirm"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "expired");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "rights_managed");
  g_assert_cmpstr (json_object_get_string_member (object, "expires_on"), ==, "2020-12-31");

  /* A person accepts it: still expired, nothing left to confirm */
  g_assert_true (mops_licences_confirm (fixture->library, id, &error));
  g_assert_no_error (error);
  g_assert_true (mops_licences_status_for_asset (fixture->library, asset, NULL, -1, &row, &error));
  g_assert_cmpint (row.status, ==, MOPS_LICENCE_STATUS_EXPIRED);
  g_assert_false (row.to_confirm);
}

static void
test_apply_one_agreement_many_files (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLicence) licence = NULL;
  gint64 a = mops_test_insert_asset (fixture->db, "a.jpg");
  gint64 b = mops_test_insert_asset (fixture->db, "b.jpg");
  gint64 c = mops_test_insert_asset (fixture->db, "c.jpg");
  gint64 d = mops_test_insert_asset (fixture->db, "d.jpg");
  gint64 first, second, other, after_confirm;

  store_meta (fixture, a, agency_pairs);
  store_meta (fixture, b, agency_pairs);
  store_meta (fixture, c, agency_pairs);
  store_meta (fixture, c, (const char * const []) { "Xmp.plus.LicenseID", "ALI-99999", NULL });
  store_meta (fixture, d, agency_pairs);

  first = apply (fixture, a);
  second = apply (fixture, b);
  other = apply (fixture, c);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, ==, first);
  g_assert_cmpint (other, !=, first);

  licence = mops_licences_load (fixture->library, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (licence->asset_ids->len, ==, 2);

  /* Once a person confirmed it, a new file does not join it unasked */
  g_assert_true (mops_licences_confirm (fixture->library, first, &error));
  after_confirm = apply (fixture, d);
  g_assert_cmpint (after_confirm, >, 0);
  g_assert_cmpint (after_confirm, !=, first);
}

/* ---- Through the previews ---------------------------------------------------------------- */

static void
run_previews (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsPreviewReport) report =
    mops_previews_run_in_db (fixture->library, fixture->db, NULL, 0, 0, 1, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
test_previews_end_to_end (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char xmp[] =
    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
    "<rdf:Description rdf:about=''"
    " xmlns:plus='http://ns.useplus.org/ldf/xmp/1.0/' xmlns:xmpRights='http://ns.adobe.com/xap/1.0/rights/'"
    " xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:cc='http://creativecommons.org/ns#'"
    " plus:LicenseID='ALI-88412' plus:LicenseEndDate='2020-12-31T18:00:00+01:00'"
    " plus:ModelReleaseStatus='http://ns.useplus.org/ldf/vocab/MR-NON'>"
    "<plus:Licensor><rdf:Seq><rdf:li rdf:parseType='Resource'>"
    "<plus:LicensorName>Arctic Light Images</plus:LicensorName></rdf:li></rdf:Seq></plus:Licensor>"
    "<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang='x-default'>Editorial use only.</rdf:li>"
    "</rdf:Alt></xmpRights:UsageTerms>"
    "<dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>© Arctic Light Images</rdf:li></rdf:Alt></dc:rights>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>";
  static const char cc_xmp[] =
    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
    "<rdf:Description rdf:about='' xmlns:creativeCommons='http://creativecommons.org/ns#'"
    " creativeCommons:license='https://creativecommons.org/licenses/by-nc/4.0/'"
    " creativeCommons:attributionName='Marta Lindqvist'/>"
    "</rdf:RDF></x:xmpmeta>";
  static const char own_xmp[] =
    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
    "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'"
    " xmlns:xmpRights='http://ns.adobe.com/xap/1.0/rights/' xmpRights:Marked='True'>"
    "<dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>© 2026 Fjellvind AS</rdf:li></rdf:Alt></dc:rights>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>";
  const char *paths[] = { fixture->source, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsImportReport) imported = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  MopsLicenceRow *row;
  gint64 aurora, marta, ours;

  g_setenv ("TZ", TEST_TZ, TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);

  g_free (mops_test_write_png (fixture->source, "aurora.png", 64, 48, xmp));
  g_free (mops_test_write_png (fixture->source, "marta.png", 64, 48, cc_xmp));
  g_free (mops_test_write_png (fixture->source, "ours.png", 64, 48, own_xmp));
  imported = mops_import_run_in_db (fixture->library, fixture->db, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->failed->len, ==, 0);
  run_previews (fixture);

  aurora = mops_db_query_int (fixture->db, "SELECT id FROM assets WHERE original_name = 'aurora.png'", NULL);
  marta = mops_db_query_int (fixture->db, "SELECT id FROM assets WHERE original_name = 'marta.png'", NULL);
  ours = mops_db_query_int (fixture->db, "SELECT id FROM assets WHERE original_name = 'ours.png'", NULL);

  rows = mops_licences_list_rows (fixture->library, NULL, -1, MOPS_LICENCE_STATUS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      row = rows->pdata[i];
      if (row->asset_id == aurora)
        {
          g_assert_cmpint (row->status, ==, MOPS_LICENCE_STATUS_EXPIRED);
          g_assert_true (row->to_confirm);
          g_assert_cmpint (row->kind, ==, MOPS_LICENCE_KIND_EDITORIAL);
          g_assert_cmpstr (row->licensor, ==, "Arctic Light Images");
          g_assert_cmpstr (row->expires_on, ==, "2020-12-31");
        }
      else if (row->asset_id == marta)
        {
          g_autoptr(MopsLicence) licence = mops_licences_load (fixture->library, row->licence_id, &error);

          g_assert_no_error (error);
          g_assert_cmpint (row->status, ==, MOPS_LICENCE_STATUS_ACTIVE);
          g_assert_true (row->to_confirm);
          g_assert_cmpint (licence->kind, ==, MOPS_LICENCE_KIND_CREATIVE_COMMONS);
          g_assert_cmpint (licence->cc_variant, ==, MOPS_CC_VARIANT_BY_NC);
          g_assert_cmpstr (licence->cc_version, ==, "4.0");
          g_assert_cmpstr (licence->licensor, ==, "Marta Lindqvist");
        }
      else
        {
          /* The company's own copyright line: still missing */
          g_assert_cmpint (row->asset_id, ==, ours);
          g_assert_cmpint (row->status, ==, MOPS_LICENCE_STATUS_MISSING);
          g_assert_false (row->to_confirm);
        }
    }

  /* Probing the files again makes no second licence */
  g_assert_true (mops_db_exec (fixture->db, "UPDATE assets SET preview_state = 'pending'", &error));
  run_previews (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licence_assets"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM licences WHERE confirmed = 0"
                                   " AND source = 'metadata'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", TEST_TZ, TRUE);
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);

  g_test_add_func ("/licence-metadata/dates/every-form", test_dates_every_form);
  g_test_add_func ("/licence-metadata/cc/urls-and-notices", test_cc_urls_and_notices);
  g_test_add_func ("/licence-metadata/rules/not-a-licence", test_not_a_licence);
  g_test_add_func ("/licence-metadata/rules/builds-the-licence", test_builds_the_licence);
  g_test_add_func ("/licence-metadata/rules/long-text-is-cut", test_long_text_is_cut);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, mops_test_library_set_up, func, mops_test_library_tear_down)
  ADD ("/licence-metadata/apply/makes-one-unconfirmed-licence-once", test_apply_once);
  ADD ("/licence-metadata/apply/skips-assets-with-a-licence-records-and-copyright-lines",
       test_apply_skips_an_asset_with_a_licence);
  ADD ("/licence-metadata/apply/an-embedded-2020-end-date-is-expired-and-to-confirm",
       test_apply_expired_and_to_confirm);
  ADD ("/licence-metadata/apply/one-agreement-many-files", test_apply_one_agreement_many_files);
  ADD ("/licence-metadata/previews/end-to-end-through-mops-probe", test_previews_end_to_end);
#undef ADD

  return g_test_run ();
}
