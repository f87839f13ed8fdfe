/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-details.c — the asset inspector's title, creator and description */

#include "config.h"

#define G_LOG_DOMAIN "mops-inspector-details"

#include "mops-inspector-details.h"

struct _MopsInspectorDetails
{
  AdwPreferencesGroup  parent_instance;

  /* template */
  AdwEntryRow         *title_row;
  AdwEntryRow         *creator_row;
  AdwEntryRow         *description_row;
};

G_DEFINE_FINAL_TYPE (MopsInspectorDetails, mops_inspector_details, ADW_TYPE_PREFERENCES_GROUP)

static void
on_text_row_apply_cb (MopsInspectorDetails *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assets.set-text-fields", "(sss)",
                              gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->creator_row)));
}

static void
mops_inspector_details_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_INSPECTOR_DETAILS);

  G_OBJECT_CLASS (mops_inspector_details_parent_class)->dispose (object);
}

static void
mops_inspector_details_class_init (MopsInspectorDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_inspector_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/assets/mops-inspector-details.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorDetails, creator_row);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorDetails, description_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_apply_cb);
}

static void
mops_inspector_details_init (MopsInspectorDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mops_inspector_details_show (MopsInspectorDetails *self,
                             MopsAsset            *asset)
{
  g_return_if_fail (MOPS_IS_INSPECTOR_DETAILS (self));
  g_return_if_fail (MOPS_IS_ASSET (asset));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), mops_asset_get_title (asset) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->creator_row), mops_asset_get_creator (asset) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), mops_asset_get_description (asset) ?: "");
}
