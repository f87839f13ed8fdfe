/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-rating.c — the asset inspector's rating stars and colour label */

#include "config.h"

#define G_LOG_DOMAIN "mops-inspector-rating"

#include <glib/gi18n.h>

#include "core/mops-assets.h"
#include "mops-inspector-rating.h"

#define N_STARS 5

struct _MopsInspectorRating
{
  AdwPreferencesGroup  parent_instance;

  gboolean             showing;   /* filling in the widgets: not a person's edit */
  GtkToggleButton     *stars[N_STARS];

  /* template */
  GtkBox              *rating_box;
  AdwComboRow         *label_row;
};

G_DEFINE_FINAL_TYPE (MopsInspectorRating, mops_inspector_rating, ADW_TYPE_PREFERENCES_GROUP)

static void
on_star_toggled_cb (GtkToggleButton     *button,
                    MopsInspectorRating *self)
{
  int star = 0;

  if (self->showing)
    return;

  for (int i = 0; i < N_STARS; i++)
    if (self->stars[i] == button)
      star = i + 1;

  /* Clicking the highest lit star again clears the rating down to the one below. */
  gtk_widget_activate_action (GTK_WIDGET (self), "assets.rate", "i",
                              gtk_toggle_button_get_active (button) ? star : star - 1);
}

static void
on_label_row_changed_cb (MopsInspectorRating *self)
{
  guint selected = adw_combo_row_get_selected (self->label_row);

  if (self->showing)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "assets.set-color-label", "s",
                              selected > 0 ? mops_assets_color_labels ()[selected - 1] : "");
}

/* The stars are made here: their labels count stars in the plural forms of each language. */
static void
add_stars (MopsInspectorRating *self)
{
  for (int i = 0; i < N_STARS; i++)
    {
      GtkWidget *star = gtk_toggle_button_new ();
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d star", "%d stars",
                                                             (gulong) i + 1), i + 1);

      gtk_button_set_icon_name (GTK_BUTTON (star), "starred-symbolic");
      gtk_widget_add_css_class (star, "flat");
      gtk_widget_add_css_class (star, "rating-star");
      gtk_widget_set_tooltip_text (star, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect (star, "toggled", G_CALLBACK (on_star_toggled_cb), self);
      gtk_box_append (self->rating_box, star);
      self->stars[i] = GTK_TOGGLE_BUTTON (star);
    }
}

static void
mops_inspector_rating_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_INSPECTOR_RATING);

  G_OBJECT_CLASS (mops_inspector_rating_parent_class)->dispose (object);
}

static void
mops_inspector_rating_class_init (MopsInspectorRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_inspector_rating_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/assets/mops-inspector-rating.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorRating, rating_box);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorRating, label_row);
  gtk_widget_class_bind_template_callback (widget_class, on_label_row_changed_cb);
}

static void
mops_inspector_rating_init (MopsInspectorRating *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_stars (self);
}

void
mops_inspector_rating_show (MopsInspectorRating *self,
                            int                  rating,
                            const char          *color_label)
{
  const char * const *labels = mops_assets_color_labels ();
  guint label_index = 0;

  g_return_if_fail (MOPS_IS_INSPECTOR_RATING (self));

  for (guint i = 0; color_label != NULL && labels[i] != NULL; i++)
    if (g_str_equal (color_label, labels[i]))
      label_index = i + 1;

  self->showing = TRUE;
  for (int i = 0; i < N_STARS; i++)
    gtk_toggle_button_set_active (self->stars[i], i < rating);
  adw_combo_row_set_selected (self->label_row, label_index);
  self->showing = FALSE;
}
