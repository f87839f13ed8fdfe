/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-pages.c — the table of the main window's pages: names, titles, icons, widgets */

#include "config.h"

#define G_LOG_DOMAIN "mops-pages"

#include <glib/gi18n.h>

#include "mops-pages.h"
#include "mops-placeholder-page.h"
#include "ui/assets/mops-assets-page.h"
#include "ui/calendar/mops-calendar-page.h"
#include "ui/licences/mops-licences-page.h"

/* Numbers grouped the way the locale writes them ("12,345"). */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static char *
describe_assets (const MopsLibraryCounts *counts)
{
  g_autofree char *n_assets = format_count (counts->assets);
  g_autofree char *n_tags = format_count (counts->tags);
  g_autofree char *n_collections = format_count (counts->collections);
  g_autofree char *assets = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *collections = NULL;

  if (counts->assets == 0)
    return g_strdup (_("This library holds no assets yet."));

  /* Translators: %s is a number; the phrase fills a %s of "This library holds %s, …" */
  assets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s asset", "%s assets",
                                         (gulong) counts->assets),
                            n_assets);
  tags = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s tag", "%s tags",
                                       (gulong) counts->tags),
                          n_tags);
  collections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s collection", "%s collections",
                                              (gulong) counts->collections),
                                 n_collections);

  /* Translators: e.g. "This library holds 27 assets, sorted with 14 tags and 3 collections." */
  return g_strdup_printf (_("This library holds %s, sorted with %s and %s."),
                          assets, tags, collections);
}

static char *
describe_licences (const MopsLibraryCounts *counts)
{
  g_autofree char *n_licences = format_count (counts->licences);

  if (counts->licences == 0)
    return g_strdup (_("This library records no licences yet."));

  /* Translators: %s is a number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This library records %s licence.",
                                       "This library records %s licences.",
                                       (gulong) counts->licences),
                          n_licences);
}

static char *
describe_calendar (const MopsLibraryCounts *counts)
{
  g_autofree char *n_items = format_count (counts->content_items);
  g_autofree char *n_campaigns = format_count (counts->campaigns);
  g_autofree char *n_channels = format_count (counts->channels);
  g_autofree char *items = NULL;
  g_autofree char *campaigns = NULL;
  g_autofree char *channels = NULL;

  if (counts->content_items == 0)
    return g_strdup (_("This library holds no content items yet."));

  /* Translators: %s is a number; the phrase fills a %s of "This library holds %s in %s, …" */
  items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s content item", "%s content items",
                                        (gulong) counts->content_items),
                           n_items);
  campaigns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s campaign", "%s campaigns",
                                            (gulong) counts->campaigns),
                               n_campaigns);
  channels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s channel", "%s channels",
                                           (gulong) counts->channels),
                              n_channels);

  /* Translators: e.g. "This library holds 12 content items in 3 campaigns, across 6 channels." */
  return g_strdup_printf (_("This library holds %s in %s, across %s."),
                          items, campaigns, channels);
}

static char *
describe_budget (const MopsLibraryCounts *counts)
{
  g_autofree char *n_years = format_count (counts->fiscal_years);
  g_autofree char *n_lines = format_count (counts->budget_lines);
  g_autofree char *n_expenses = format_count (counts->expenses);
  g_autofree char *n_requests = format_count (counts->spend_requests);
  g_autofree char *n_subscriptions = format_count (counts->subscriptions);
  g_autofree char *years = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *expenses = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *subscriptions = NULL;

  if (counts->fiscal_years == 0 && counts->expenses == 0 && counts->subscriptions == 0)
    return g_strdup (_("This library holds no budget yet."));

  /* Translators: %s is a number; the phrase fills a %s of "This library holds %s with …" */
  years = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s fiscal year", "%s fiscal years",
                                        (gulong) counts->fiscal_years),
                           n_years);
  lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s plan line", "%s plan lines",
                                        (gulong) counts->budget_lines),
                           n_lines);
  expenses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s expense", "%s expenses",
                                           (gulong) counts->expenses),
                              n_expenses);
  requests = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s spend request", "%s spend requests",
                                           (gulong) counts->spend_requests),
                              n_requests);
  subscriptions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s subscription", "%s subscriptions",
                                                (gulong) counts->subscriptions),
                                   n_subscriptions);

  /* Translators: e.g. "This library holds 2 fiscal years with 48 plan lines, 120 expenses,
   * 4 spend requests and 5 subscriptions." */
  return g_strdup_printf (_("This library holds %s with %s, %s, %s and %s."),
                          years, lines, expenses, requests, subscriptions);
}

static char *
describe_kits (const MopsLibraryCounts *counts)
{
  g_autofree char *n_kits = format_count (counts->brand_kits);

  if (counts->brand_kits == 0)
    return g_strdup (_("This library holds no brand kits yet."));

  /* Translators: %s is a number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This library holds %s brand kit.",
                                       "This library holds %s brand kits.",
                                       (gulong) counts->brand_kits),
                          n_kits);
}

static const MopsPageInfo pages[] = {
  {
    "assets", N_("Assets"), "folder-pictures-symbolic", mops_assets_page_get_type,
    "image-x-generic-symbolic", N_("Asset Library"), describe_assets,
    N_("Browsing, searching and importing assets arrive in a coming version of Mops."),
  },
  {
    "licences", N_("Licences"), "application-certificate-symbolic", mops_licences_page_get_type,
    "application-certificate-symbolic", N_("Licences"), describe_licences,
    N_("Licence tracking with expiry warnings arrives in a coming version of Mops."),
  },
  {
    "calendar", N_("Calendar"), "x-office-calendar-symbolic", mops_calendar_page_get_type,
    "x-office-calendar-symbolic", N_("Editorial Calendar"), describe_calendar,
    N_("Planning, reviewing and scheduling content arrive in a coming version of Mops."),
  },
  {
    "budget", N_("Budget"), "x-office-spreadsheet-symbolic", NULL,
    "x-office-spreadsheet-symbolic", N_("Budget"), describe_budget,
    N_("Budget plans, expenses and charts arrive in a coming version of Mops."),
  },
  {
    "kits", N_("Brand Kits"), "applications-graphics-symbolic", NULL,
    "applications-graphics-symbolic", N_("Brand Kits"), describe_kits,
    N_("Building, exporting and importing brand kits arrive in a coming version of Mops."),
  },
};

guint
mops_pages_get_n_pages (void)
{
  return G_N_ELEMENTS (pages);
}

const MopsPageInfo *
mops_pages_get_nth (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (pages), NULL);

  return &pages[position];
}

int
mops_pages_get_position (const char *name)
{
  if (name == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_str_equal (pages[i].name, name))
        return (int) i;
    }

  return -1;
}

const MopsPageInfo *
mops_pages_lookup (const char *name)
{
  int position = mops_pages_get_position (name);

  return position < 0 ? NULL : &pages[position];
}

GtkWidget *
mops_page_info_create_widget (const MopsPageInfo *info,
                              MopsLibrary        *library)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  if (info->get_type != NULL)
    return g_object_new (info->get_type (), "library", library, NULL);

  return mops_placeholder_page_new (info, library);
}
