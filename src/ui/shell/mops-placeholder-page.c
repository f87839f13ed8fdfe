/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-placeholder-page.c — a page's empty state until its feature lands */

#include "config.h"

#define G_LOG_DOMAIN "mops-placeholder-page"

#include <glib/gi18n.h>

#include "mops-placeholder-page.h"

struct _MopsPlaceholderPage
{
  GtkWidget           parent_instance;

  const MopsPageInfo *info;
  MopsLibrary        *library;

  AdwStatusPage      *status_page;
  GtkLabel           *coming_label;
};

G_DEFINE_FINAL_TYPE (MopsPlaceholderPage, mops_placeholder_page, GTK_TYPE_WIDGET)

static void
on_map_cb (MopsPlaceholderPage *self)
{
  /* The command line may have changed the library since the page was built. */
  mops_placeholder_page_refresh (self);
}

static void
mops_placeholder_page_dispose (GObject *object)
{
  MopsPlaceholderPage *self = MOPS_PLACEHOLDER_PAGE (object);

  g_clear_object (&self->library);
  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_PLACEHOLDER_PAGE);

  G_OBJECT_CLASS (mops_placeholder_page_parent_class)->dispose (object);
}

static void
mops_placeholder_page_class_init (MopsPlaceholderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_placeholder_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/shell/mops-placeholder-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsPlaceholderPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, MopsPlaceholderPage, coming_label);
  gtk_widget_class_bind_template_callback (widget_class, on_map_cb);
}

static void
mops_placeholder_page_init (MopsPlaceholderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mops_placeholder_page_new (const MopsPageInfo *info,
                           MopsLibrary        *library)
{
  MopsPlaceholderPage *self;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  self = g_object_new (MOPS_TYPE_PLACEHOLDER_PAGE, NULL);
  self->info = info;
  self->library = g_object_ref (library);

  gtk_widget_set_name (GTK_WIDGET (self), info->name);
  adw_status_page_set_icon_name (self->status_page, info->empty_icon_name);
  adw_status_page_set_title (self->status_page, _(info->empty_title));
  gtk_label_set_label (self->coming_label, _(info->empty_coming));
  mops_placeholder_page_refresh (self);

  return GTK_WIDGET (self);
}

void
mops_placeholder_page_refresh (MopsPlaceholderPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;
  MopsLibraryCounts counts;

  g_return_if_fail (MOPS_IS_PLACEHOLDER_PAGE (self));

  if (self->library == NULL)
    return;

  if (mops_library_get_counts (self->library, &counts, &error))
    description = self->info->empty_describe (&counts);
  else
    {
      g_warning ("Could not count the library’s %s: %s", self->info->name, error->message);
      description = g_strdup (_("Mops could not read this library’s contents."));
    }

  /* The status page's description is Pango markup. */
  markup = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->status_page, markup);
}
