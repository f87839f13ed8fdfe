/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-sidebar.c — the asset browser's sidebar: library, Trash, collections, saved
 * searches, tags */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets-sidebar"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-assets.h"
#include "core/mops-collections.h"
#include "mops-assets-sidebar.h"
#include "ui/widgets/mops-tab-stop.h"

/* Each row carries its key as object data "key" (the UI tests find rows by it): "all",
 * "trash", "collection:<id>", "search:<id>", or a tag's path. */
#define ROW_KEY "key"

static const char *key_all = "all";
static const char *key_trash = "trash";

struct _MopsAssetsSidebar
{
  GtkWidget    parent_instance;

  MopsLibrary *library;
  GPtrArray   *tags;          /* MopsTagInfo, as shown */
  gboolean     reselecting;   /* a reload selects the same row again: no signal */

  /* template */
  GtkWidget   *scrolled_window;
  GtkListBox  *sidebar;
};

G_DEFINE_FINAL_TYPE (MopsAssetsSidebar, mops_assets_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_tag_row_pressed_cb (GtkGestureClick   *gesture,
                                   int                n_press,
                                   double             x,
                                   double             y,
                                   MopsAssetsSidebar *self);

static GtkWidget *
make_row (const char *icon_name,
          const char *title,
          gint64      count,
          guint       depth,
          const char *key,
          gboolean    is_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *number = count >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, count) : NULL;

  gtk_widget_set_margin_start (box, (int) depth * 14);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (is_data)
    gtk_widget_add_css_class (label, "data");
  gtk_box_append (GTK_BOX (box), label);
  if (number != NULL)
    {
      GtkWidget *count_label = gtk_label_new (number);

      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_box_append (GTK_BOX (box), count_label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), ROW_KEY, g_strdup (key), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static GtkWidget *
make_heading (const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static const char *
row_key (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_KEY) : NULL;
}

static void
append_collections (MopsAssetsSidebar *self)
{
  g_autoptr(GPtrArray) collections = mops_collections_list (self->library, NULL);

  if (collections == NULL || collections->len == 0)
    return;

  gtk_list_box_append (self->sidebar, make_heading (_("Collections")));
  for (guint i = 0; i < collections->len; i++)
    {
      MopsCollectionInfo *info = g_ptr_array_index (collections, i);
      g_autofree char *key = g_strdup_printf ("collection:%" G_GINT64_FORMAT, info->id);

      gtk_list_box_append (self->sidebar, make_row ("view-grid-symbolic", info->name, info->asset_count, 0, key, TRUE));
    }
}

static void
append_saved_searches (MopsAssetsSidebar *self)
{
  g_autoptr(GPtrArray) searches = mops_saved_searches_list (self->library, NULL);

  if (searches == NULL || searches->len == 0)
    return;

  gtk_list_box_append (self->sidebar, make_heading (_("Saved Searches")));
  for (guint i = 0; i < searches->len; i++)
    {
      MopsSavedSearch *search = g_ptr_array_index (searches, i);
      g_autofree char *key = g_strdup_printf ("search:%" G_GINT64_FORMAT, search->id);

      gtk_list_box_append (self->sidebar, make_row ("edit-find-symbolic", search->name, -1, 0, key, TRUE));
    }
}

static void
append_tags (MopsAssetsSidebar *self)
{
  if (self->tags == NULL || self->tags->len == 0)
    return;

  gtk_list_box_append (self->sidebar, make_heading (_("Tags")));
  for (guint i = 0; i < self->tags->len; i++)
    {
      MopsTagInfo *tag = g_ptr_array_index (self->tags, i);
      GtkWidget *row = make_row (NULL, tag->name, tag->asset_count, tag->depth, tag->path, TRUE);
      GtkGesture *click = gtk_gesture_click_new ();

      /* Right-click (or a long press) offers Rename and Merge */
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
      g_signal_connect (click, "pressed", G_CALLBACK (on_tag_row_pressed_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
      gtk_list_box_append (self->sidebar, row);
    }
}

/* Selects the row with @key, or the first one; the same row again changes nothing, so the
 * grid keeps its query and its selection. */
static void
select_key (MopsAssetsSidebar *self,
            const char        *key)
{
  GtkWidget *to_select = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (row_key (GTK_LIST_BOX_ROW (child)), key) == 0)
      to_select = child;

  self->reselecting = to_select != NULL;
  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (to_select != NULL ? to_select
                                                            : gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))));
  self->reselecting = FALSE;
}

static void
emit_selected (MopsAssetsSidebar *self,
               const char        *key)
{
  MopsAssetsSidebarKind kind = MOPS_ASSETS_SIDEBAR_TAG;
  gint64 id = 0;

  if (g_str_equal (key, key_all))
    kind = MOPS_ASSETS_SIDEBAR_ALL;
  else if (g_str_equal (key, key_trash))
    kind = MOPS_ASSETS_SIDEBAR_TRASH;
  else if (g_str_has_prefix (key, "collection:"))
    {
      kind = MOPS_ASSETS_SIDEBAR_COLLECTION;
      id = g_ascii_strtoll (key + strlen ("collection:"), NULL, 10);
    }
  else if (g_str_has_prefix (key, "search:"))
    {
      kind = MOPS_ASSETS_SIDEBAR_SAVED_SEARCH;
      id = g_ascii_strtoll (key + strlen ("search:"), NULL, 10);
    }

  g_signal_emit (self, signals[SELECTED], 0, (guint) kind, id, kind == MOPS_ASSETS_SIDEBAR_TAG ? key : NULL);
}

static void
on_sidebar_row_selected_cb (MopsAssetsSidebar *self,
                            GtkListBoxRow     *row)
{
  const char *key = row_key (row);

  if (key != NULL && !self->reselecting)
    emit_selected (self, key);
}

static void
on_tag_row_pressed_cb (GtkGestureClick   *gesture,
                       int                n_press,
                       double             x,
                       double             y,
                       MopsAssetsSidebar *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  const char *path = row_key (GTK_LIST_BOX_ROW (row));
  MopsTagInfo *tag = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) rename = NULL;
  g_autoptr(GMenuItem) merge = NULL;
  GtkWidget *popover;

  for (guint i = 0; self->tags != NULL && i < self->tags->len && tag == NULL; i++)
    if (g_strcmp0 (((MopsTagInfo *) g_ptr_array_index (self->tags, i))->path, path) == 0)
      tag = g_ptr_array_index (self->tags, i);
  if (tag == NULL)
    return;

  rename = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (rename, "assets.rename-tag", g_variant_new_int64 (tag->id));
  merge = g_menu_item_new (_("_Merge Into…"), NULL);
  g_menu_item_set_action_and_target_value (merge, "assets.merge-tag", g_variant_new_int64 (tag->id));
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, merge);

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
mops_assets_sidebar_dispose (GObject *object)
{
  MopsAssetsSidebar *self = MOPS_ASSETS_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_ASSETS_SIDEBAR);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_assets_sidebar_parent_class)->dispose (object);
}

static void
mops_assets_sidebar_finalize (GObject *object)
{
  MopsAssetsSidebar *self = MOPS_ASSETS_SIDEBAR (object);

  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (mops_assets_sidebar_parent_class)->finalize (object);
}

static void
mops_assets_sidebar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MopsAssetsSidebar *self = MOPS_ASSETS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_assets_sidebar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MopsAssetsSidebar *self = MOPS_ASSETS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      if (g_set_object (&self->library, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_assets_sidebar_class_init (MopsAssetsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_assets_sidebar_dispose;
  object_class->finalize = mops_assets_sidebar_finalize;
  object_class->get_property = mops_assets_sidebar_get_property;
  object_class->set_property = mops_assets_sidebar_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/assets/mops-assets-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsSidebar, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsSidebar, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
}

static void
mops_assets_sidebar_init (MopsAssetsSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mops_tab_stop_install (GTK_WIDGET (self->sidebar));
}

void
mops_assets_sidebar_reload (MopsAssetsSidebar *self)
{
  g_return_if_fail (MOPS_IS_ASSETS_SIDEBAR (self));

  mops_assets_sidebar_reload_with_tags (self, mops_tags_list (self->library, NULL));
}

void
mops_assets_sidebar_reload_with_tags (MopsAssetsSidebar *self,
                                      GPtrArray         *tags)
{
  g_autofree char *keep = NULL;
  GtkWidget *child;
  gint64 n_trashed;

  g_return_if_fail (MOPS_IS_ASSETS_SIDEBAR (self));
  g_return_if_fail (MOPS_IS_LIBRARY (self->library));

  keep = g_strdup (row_key (gtk_list_box_get_selected_row (self->sidebar)) ?: key_all);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  n_trashed = mops_assets_count_trashed (self->library);
  gtk_list_box_append (self->sidebar, make_row ("folder-pictures-symbolic", _("All Assets"), -1, 0, key_all, FALSE));
  gtk_list_box_append (self->sidebar, make_row ("user-trash-symbolic", _("Trash"), MAX (n_trashed, 0), 0,
                                                key_trash, FALSE));
  append_collections (self);
  append_saved_searches (self);

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  self->tags = tags;
  append_tags (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);

  select_key (self, keep);
}

void
mops_assets_sidebar_select_all (MopsAssetsSidebar *self)
{
  g_return_if_fail (MOPS_IS_ASSETS_SIDEBAR (self));

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))));
}

void
mops_assets_sidebar_reselect (MopsAssetsSidebar *self)
{
  const char *key;

  g_return_if_fail (MOPS_IS_ASSETS_SIDEBAR (self));

  key = row_key (gtk_list_box_get_selected_row (self->sidebar));
  if (key != NULL)
    emit_selected (self, key);
}

MopsTagInfo *
mops_assets_sidebar_find_tag (MopsAssetsSidebar *self,
                              gint64             id)
{
  g_return_val_if_fail (MOPS_IS_ASSETS_SIDEBAR (self), NULL);

  for (guint i = 0; self->tags != NULL && i < self->tags->len; i++)
    if (((MopsTagInfo *) g_ptr_array_index (self->tags, i))->id == id)
      return g_ptr_array_index (self->tags, i);

  return NULL;
}
