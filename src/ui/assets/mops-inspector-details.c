/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-details.c — the asset inspector's title, creator and description */

#include "config.h"

#define G_LOG_DOMAIN "mops-inspector-details"

#include "mops-inspector-details.h"

enum {
  FIELD_TITLE,
  FIELD_CREATOR,
  FIELD_DESCRIPTION,
  N_FIELDS
};

struct _MopsInspectorDetails
{
  AdwPreferencesGroup  parent_instance;

  gint64               asset_id;          /* the asset shown, 0 for none */
  char                *shown[N_FIELDS];   /* what the database holds, as last shown or saved */
  gboolean             hiding_tick;
  gboolean             unsaved_shown;     /* the rows hold texts that could not be saved */
  GHashTable          *unsaved;           /* asset id → texts (a GStrv of N_FIELDS) not saved */

  /* template */
  AdwEntryRow         *title_row;
  AdwEntryRow         *creator_row;
  AdwEntryRow         *description_row;
};

G_DEFINE_FINAL_TYPE (MopsInspectorDetails, mops_inspector_details, ADW_TYPE_PREFERENCES_GROUP)

static AdwEntryRow *
row_of (MopsInspectorDetails *self,
        guint                 field)
{
  AdwEntryRow *rows[N_FIELDS] = { self->title_row, self->creator_row, self->description_row };

  return rows[field];
}

static const char *
text_of (MopsInspectorDetails *self,
         guint                 field)
{
  return gtk_editable_get_text (GTK_EDITABLE (row_of (self, field)));
}

static gboolean
field_is_edited (MopsInspectorDetails *self,
                 guint                 field)
{
  return g_strcmp0 (text_of (self, field), self->shown[field] != NULL ? self->shown[field] : "") != 0;
}

/* libadwaita 1.2's AdwEntryRow shows its apply tick for any change of its text while it has
 * the focus, and only its own apply button hides it again (turning "show-apply-button" off
 * does not): the button is clicked for it, with the row's "apply" blocked. */
static void
hide_apply_button (MopsInspectorDetails *self,
                   AdwEntryRow          *row)
{
  GtkWidget *button = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row)); child != NULL && button == NULL;)
    {
      if (GTK_IS_BUTTON (child))
        button = child;
      else if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != GTK_WIDGET (row) && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child != GTK_WIDGET (row) ? gtk_widget_get_next_sibling (child) : NULL;
        }
    }

  if (button == NULL || !gtk_widget_get_visible (button) || !gtk_widget_get_child_visible (button))
    return;

  self->hiding_tick = TRUE;
  g_signal_emit_by_name (button, "clicked");
  self->hiding_tick = FALSE;
}

static void
set_text_quietly (MopsInspectorDetails *self,
                  AdwEntryRow          *row,
                  const char           *text)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
  hide_apply_button (self, row);
}

void
mops_inspector_details_save (MopsInspectorDetails *self)
{
  gboolean edited = FALSE;

  g_return_if_fail (MOPS_IS_INSPECTOR_DETAILS (self));

  edited = self->unsaved_shown;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      edited |= field_is_edited (self, i);
      hide_apply_button (self, row_of (self, i));
    }
  if (self->asset_id == 0 || !edited)
    return;
  self->unsaved_shown = FALSE;

  /* Noted as saved first: the action shows the rows again. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->shown[i]);
      self->shown[i] = g_strdup (text_of (self, i));
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "assets.set-text-fields", "(xsss)", self->asset_id,
                              self->shown[FIELD_TITLE], self->shown[FIELD_DESCRIPTION], self->shown[FIELD_CREATOR]);
}

static void
on_text_row_apply_cb (MopsInspectorDetails *self)
{
  if (self->hiding_tick)
    return;
  mops_inspector_details_save (self);
}

static void
on_row_focus_leave_cb (MopsInspectorDetails *self)
{
  mops_inspector_details_save (self);
}

static void
mops_inspector_details_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_INSPECTOR_DETAILS);

  G_OBJECT_CLASS (mops_inspector_details_parent_class)->dispose (object);
}

static void
mops_inspector_details_finalize (GObject *object)
{
  MopsInspectorDetails *self = MOPS_INSPECTOR_DETAILS (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->shown[i]);
  g_hash_table_unref (self->unsaved);

  G_OBJECT_CLASS (mops_inspector_details_parent_class)->finalize (object);
}

static void
mops_inspector_details_class_init (MopsInspectorDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_inspector_details_dispose;
  object_class->finalize = mops_inspector_details_finalize;

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
  self->unsaved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_strfreev);

  /* A typed text is saved when the focus leaves its row, as well as on Enter or the tick. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (on_row_focus_leave_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (row_of (self, i)), focus);
    }
}

void
mops_inspector_details_show (MopsInspectorDetails *self,
                             MopsAsset            *asset)
{
  const char *values[N_FIELDS];
  gint64 id;
  gboolean same;
  g_auto(GStrv) kept = NULL;
  g_autofree gint64 *kept_id = NULL;

  g_return_if_fail (MOPS_IS_INSPECTOR_DETAILS (self));
  g_return_if_fail (MOPS_IS_ASSET (asset));

  /* Another asset: what was typed for the one before is saved first. */
  id = mops_asset_get_id (asset);
  same = id == self->asset_id;
  if (!same)
    {
      mops_inspector_details_save (self);
      self->unsaved_shown = FALSE;
    }
  g_hash_table_steal_extended (self->unsaved, &id, (gpointer *) &kept_id, (gpointer *) &kept);

  values[FIELD_TITLE] = mops_asset_get_title (asset) ?: "";
  values[FIELD_CREATOR] = mops_asset_get_creator (asset) ?: "";
  values[FIELD_DESCRIPTION] = mops_asset_get_description (asset) ?: "";

  for (guint i = 0; i < N_FIELDS; i++)
    {
      /* The same asset shown again (a rating changed): a text being typed stays, and so does
       * one that could not be saved. */
      if (!same || (!field_is_edited (self, i) && !self->unsaved_shown))
        set_text_quietly (self, row_of (self, i), kept != NULL ? kept[i] : values[i]);
      g_free (self->shown[i]);
      self->shown[i] = g_strdup (values[i]);
    }
  self->asset_id = id;
  self->unsaved_shown |= kept != NULL;
}

void
mops_inspector_details_keep_unsaved (MopsInspectorDetails *self,
                                     gint64                id,
                                     const char           *title,
                                     const char           *description,
                                     const char           *creator)
{
  const char *texts[N_FIELDS + 1] = { NULL };

  g_return_if_fail (MOPS_IS_INSPECTOR_DETAILS (self));

  texts[FIELD_TITLE] = title != NULL ? title : "";
  texts[FIELD_CREATOR] = creator != NULL ? creator : "";
  texts[FIELD_DESCRIPTION] = description != NULL ? description : "";

  if (id != self->asset_id)
    {
      g_hash_table_replace (self->unsaved, g_memdup2 (&id, sizeof id), g_strdupv ((char **) texts));
      return;
    }

  /* Shown: a row typed in again since keeps its newer text. */
  for (guint i = 0; i < N_FIELDS; i++)
    if (!field_is_edited (self, i))
      set_text_quietly (self, row_of (self, i), texts[i]);
  self->unsaved_shown = TRUE;
}
