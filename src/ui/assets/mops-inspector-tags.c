/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-tags.c — the asset inspector's tags, the file's keywords as tags,
 * suggestions while typing */

#include "config.h"

#define G_LOG_DOMAIN "mops-inspector-tags"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/mops-tags.h"
#include "core/mops-text.h"
#include "mops-inspector-tags.h"

#define MAX_KEYWORDS    24
#define MAX_SUGGESTIONS 6

/* Chips keep their tag path or keyword as object data under these keys (the UI tests read
 * them). */
#define CHIP_TAG     "tag"
#define CHIP_KEYWORD "keyword"

struct _MopsInspectorTags
{
  GtkWidget      parent_instance;

  MopsLibrary   *library;
  GPtrArray     *known_tags;   /* MopsTagInfo */

  /* template */
  GtkWidget     *group;
  GtkFlowBox    *tag_box;
  AdwEntryRow   *tag_row;
  GtkWidget     *keyword_area;
  GtkFlowBox    *keyword_box;
  GtkRevealer   *suggestion_revealer;
  GtkListBox    *suggestion_list;
};

G_DEFINE_FINAL_TYPE (MopsInspectorTags, mops_inspector_tags, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_KNOWN_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_remove_tag_clicked_cb (GtkButton         *button,
                          MopsInspectorTags *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assets.remove-tag", "s",
                              g_object_get_data (G_OBJECT (button), CHIP_TAG));
}

static void
on_keyword_clicked_cb (GtkButton         *button,
                       MopsInspectorTags *self)
{
  const char *parts[] = { g_object_get_data (G_OBJECT (button), CHIP_KEYWORD), NULL };
  g_autofree char *path = mops_tag_path_join (parts);   /* a "/" in a keyword is not a level */

  gtk_widget_activate_action (GTK_WIDGET (self), "assets.add-tag", "s", path);
}

/* A pill button in @flow_box for tag or keyword @text (kept as its data @key), with @icon_name
 * before or after it, @accessible as its tooltip and label, @clicked on a click. */
static void
append_chip (MopsInspectorTags *self,
             GtkFlowBox        *flow_box,
             const char        *key,
             const char        *text,
             const char        *icon_name,
             gboolean           icon_first,
             const char        *accessible,
             GCallback          clicked)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "data");
  gtk_box_append (GTK_BOX (box), icon_first ? icon : label);
  gtk_box_append (GTK_BOX (box), icon_first ? label : icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), key, g_strdup (text), g_free);
  g_signal_connect (button, "clicked", clicked, self);
  gtk_flow_box_append (flow_box, button);
}

static void
clear_flow_box (GtkFlowBox *flow_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (flow_box))) != NULL)
    gtk_flow_box_remove (flow_box, child);
}

static void
fill_tags (MopsInspectorTags *self,
           gint64             asset_id)
{
  g_auto(GStrv) tags = mops_tags_for_asset (self->library, asset_id, NULL);

  clear_flow_box (self->tag_box);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *accessible = g_strdup_printf (_("Remove the tag “%s”"), tags[i]);

      append_chip (self, self->tag_box, CHIP_TAG, tags[i], "window-close-symbolic", FALSE, accessible,
                   G_CALLBACK (on_remove_tag_clicked_cb));
    }
}

/* Keywords of the file that are not tags yet, as buttons that make them tags. */
static void
fill_keywords (MopsInspectorTags *self,
               gint64             asset_id)
{
  g_auto(GStrv) keywords = mops_tags_suggest_from_keywords (self->library, asset_id, NULL);

  clear_flow_box (self->keyword_box);
  for (guint i = 0; keywords != NULL && keywords[i] != NULL && i < MAX_KEYWORDS; i++)
    {
      g_autofree char *accessible = g_strdup_printf (_("Add the tag “%s”"), keywords[i]);

      append_chip (self, self->keyword_box, CHIP_KEYWORD, keywords[i], "list-add-symbolic", TRUE, accessible,
                   G_CALLBACK (on_keyword_clicked_cb));
    }

  gtk_widget_set_visible (self->keyword_area, keywords != NULL && keywords[0] != NULL);
}

static GtkWidget *
make_suggestion (const char *path)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (path);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "data");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static void
on_tag_row_apply_cb (MopsInspectorTags *self)
{
  const char *path = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0')
    return;

  /* A path that cannot be a tag stays for the person to correct, with the page's message. */
  parts = mops_tag_path_split (path, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "assets.add-tag", "s", path);
  if (parts == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), "");
  gtk_revealer_set_reveal_child (self->suggestion_revealer, FALSE);
}

static void
on_suggestion_activated_cb (GtkListBox        *list,
                            GtkListBoxRow     *row,
                            MopsInspectorTags *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_box_row_get_child (row));
  g_autofree char *path = g_strdup (gtk_label_get_text (label));

  gtk_revealer_set_reveal_child (self->suggestion_revealer, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), path);
  on_tag_row_apply_cb (self);
}

/* As a person types a tag, the existing ones that contain the words (in any case) appear. */
static void
on_tag_row_changed_cb (MopsInspectorTags *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));
  g_autofree char *folded = mops_text_fold (text);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);

  for (guint i = 0; *folded != '\0' && self->known_tags != NULL && i < self->known_tags->len &&
                    shown < MAX_SUGGESTIONS; i++)
    {
      MopsTagInfo *tag = g_ptr_array_index (self->known_tags, i);
      g_autofree char *candidate = mops_text_fold (tag->path);

      if (strstr (candidate, folded) == NULL || g_strcmp0 (candidate, folded) == 0)
        continue;

      gtk_list_box_append (self->suggestion_list, make_suggestion (tag->path));
      shown++;
    }

  gtk_revealer_set_reveal_child (self->suggestion_revealer, shown > 0);
}

static void
mops_inspector_tags_dispose (GObject *object)
{
  MopsInspectorTags *self = MOPS_INSPECTOR_TAGS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_INSPECTOR_TAGS);
  g_clear_object (&self->library);
  g_clear_pointer (&self->known_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (mops_inspector_tags_parent_class)->dispose (object);
}

static void
mops_inspector_tags_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MopsInspectorTags *self = MOPS_INSPECTOR_TAGS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_KNOWN_TAGS:
      g_value_set_boxed (value, self->known_tags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_inspector_tags_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MopsInspectorTags *self = MOPS_INSPECTOR_TAGS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      if (g_set_object (&self->library, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_KNOWN_TAGS:
      if (self->known_tags != g_value_get_boxed (value))
        {
          g_clear_pointer (&self->known_tags, g_ptr_array_unref);
          self->known_tags = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_inspector_tags_class_init (MopsInspectorTagsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_inspector_tags_dispose;
  object_class->get_property = mops_inspector_tags_get_property;
  object_class->set_property = mops_inspector_tags_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KNOWN_TAGS] =
    g_param_spec_boxed ("known-tags", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/assets/mops-inspector-tags.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorTags, group);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorTags, tag_box);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorTags, tag_row);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorTags, keyword_area);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorTags, keyword_box);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorTags, suggestion_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorTags, suggestion_list);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated_cb);
}

static void
mops_inspector_tags_init (MopsInspectorTags *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mops_inspector_tags_show (MopsInspectorTags *self,
                          gint64             asset_id)
{
  g_return_if_fail (MOPS_IS_INSPECTOR_TAGS (self));
  g_return_if_fail (MOPS_IS_LIBRARY (self->library));

  fill_tags (self, asset_id);
  fill_keywords (self, asset_id);
}
