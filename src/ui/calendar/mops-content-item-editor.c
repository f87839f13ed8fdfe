/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-content-item-editor.c — the window that creates, edits and deletes a content item */

#include "config.h"

#define G_LOG_DOMAIN "mops-content-item-editor"

#include <stdio.h>

#include <glib/gi18n.h>

#include "core/mops-calendar.h"
#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "mops-content-item-editor.h"

struct _MopsContentItemEditor
{
  AdwWindow         parent_instance;

  MopsLibrary      *library;
  GCancellable     *cancellable;
  GPtrArray        *channels;        /* MopsChannel */
  GPtrArray        *campaigns;       /* MopsCampaign */
  MopsContentItem  *item;            /* as loaded; NULL for a new one */
  gint64            id;
  GArray           *channel_ids;     /* of channel_row's positions */
  GArray           *campaign_ids;    /* of campaign_row's positions */
  GArray           *statuses;        /* MopsContentStatus of status_row's positions */
  gboolean          busy;

  /* template */
  GtkButton        *save_button;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkWidget        *form;
  AdwEntryRow      *title_row;
  AdwComboRow      *status_row;
  AdwComboRow      *channel_row;
  AdwComboRow      *campaign_row;
  AdwEntryRow      *publish_date_row;
  AdwEntryRow      *publish_time_row;
  AdwEntryRow      *due_date_row;
  GtkTextView      *brief_view;
  GtkWidget        *delete_button;
  GtkWidget        *repeat_label;
};

G_DEFINE_FINAL_TYPE (MopsContentItemEditor, mops_content_item_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
mops_content_status_get_label (MopsContentStatus status)
{
  switch (status)
    {
    case MOPS_CONTENT_STATUS_IDEA:
      return _("Idea");
    case MOPS_CONTENT_STATUS_DRAFT:
      return _("Draft");
    case MOPS_CONTENT_STATUS_IN_REVIEW:
      return _("In Review");
    case MOPS_CONTENT_STATUS_APPROVED:
      return _("Approved");
    case MOPS_CONTENT_STATUS_SCHEDULED:
      return _("Scheduled");
    case MOPS_CONTENT_STATUS_PUBLISHED:
      return _("Published");
    default:
      return "";
    }
}

static void
set_busy (MopsContentItemEditor *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", !busy);
}

static void
show_error (MopsContentItemEditor *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Choosers ------------------------------------------------------------------------------- */

static void
fill_statuses (MopsContentItemEditor *self,
               MopsContentStatus      current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->statuses, 0);
  /* Only where the workflow may go from here. */
  for (MopsContentStatus status = MOPS_CONTENT_STATUS_IDEA; status <= MOPS_CONTENT_STATUS_PUBLISHED; status++)
    {
      if (!mops_content_status_can_change (current, status))
        continue;
      if (status == current)
        selected = self->statuses->len;
      g_array_append_val (self->statuses, status);
      gtk_string_list_append (names, mops_content_status_get_label (status));
    }
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->status_row, selected);
}

static void
fill_channels (MopsContentItemEditor *self,
               gint64                 current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->channel_ids, 0);
  /* Translators: no channel chosen */
  gtk_string_list_append (names, C_("channel", "None"));
  g_array_append_val (self->channel_ids, none);
  for (guint i = 0; i < self->channels->len; i++)
    {
      MopsChannel *channel = g_ptr_array_index (self->channels, i);

      if (channel->archived && channel->id != current)
        continue;
      if (channel->id == current)
        selected = self->channel_ids->len;
      g_array_append_val (self->channel_ids, channel->id);
      gtk_string_list_append (names, channel->name);
    }
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->channel_row, selected);
}

static void
fill_campaigns (MopsContentItemEditor *self,
                gint64                 current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->campaign_ids, 0);
  /* Translators: no campaign chosen */
  gtk_string_list_append (names, C_("campaign", "None"));
  g_array_append_val (self->campaign_ids, none);
  for (guint i = 0; i < self->campaigns->len; i++)
    {
      MopsCampaign *campaign = g_ptr_array_index (self->campaigns, i);

      if (campaign->archived && campaign->id != current)
        continue;
      if (campaign->id == current)
        selected = self->campaign_ids->len;
      g_array_append_val (self->campaign_ids, campaign->id);
      gtk_string_list_append (names, campaign->name);
    }
  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->campaign_row, selected);
}

static void
set_wall_time (MopsContentItemEditor *self,
               const char            *wall_time,
               AdwEntryRow           *date_row,
               AdwEntryRow           *time_row)
{
  g_autofree char *ymd = NULL;
  g_autofree char *date = NULL;

  if (wall_time == NULL)
    return;
  ymd = g_strndup (wall_time, 10);
  date = mops_clock_format_local_date (ymd);
  gtk_editable_set_text (GTK_EDITABLE (date_row), date);
  if (time_row != NULL && wall_time[10] == 'T')
    gtk_editable_set_text (GTK_EDITABLE (time_row), wall_time + 11);
}

static void
fill_form (MopsContentItemEditor *self)
{
  const MopsContentItem *item = self->item;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), item->title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->brief_view),
                            item->brief != NULL ? item->brief : "", -1);
  fill_statuses (self, item->status);
  fill_channels (self, item->channel_id);
  fill_campaigns (self, item->campaign_id);
  set_wall_time (self, item->publish_at, self->publish_date_row, self->publish_time_row);
  set_wall_time (self, item->due_at, self->due_date_row, NULL);
  gtk_widget_set_visible (self->repeat_label, item->rrule != NULL);
}

static void
on_item_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MopsContentItemEditor) self = user_data;
  g_autoptr(MopsContentItemDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  details = mops_content_items_load_finish (MOPS_LIBRARY (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);
  if (details == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (self->form, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
      return;
    }

  self->item = g_steal_pointer (&details->item);
  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* Save ----------------------------------------------------------------------------------- */

/* Reads a date row and, when given, a time row into a wall time; NULL for an empty date.
 * FALSE with @error naming the row's text when it is not a date or a time. */
static gboolean
read_wall_time (AdwEntryRow  *date_row,
                AdwEntryRow  *time_row,
                char        **out_wall_time,
                GError      **error)
{
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (date_row))));
  g_autofree char *time_text = time_row != NULL
                                 ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (time_row))))
                                 : g_strdup ("");
  g_autofree char *ymd = NULL;
  GDate date;
  unsigned hours, minutes;
  char end;

  *out_wall_time = NULL;
  if (*date_text == '\0')
    {
      if (*time_text != '\0')
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                       _("A publish time needs a publish date"));
          return FALSE;
        }
      return TRUE;
    }
  if (!mops_clock_parse_local_date (date_text, &date))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   /* Translators: %s is what was typed */
                   _("“%s” is not a date"), date_text);
      return FALSE;
    }
  ymd = mops_clock_format_date (&date);
  if (*time_text == '\0')
    {
      *out_wall_time = g_steal_pointer (&ymd);
      return TRUE;
    }
  if (sscanf (time_text, "%2u:%2u%c", &hours, &minutes, &end) != 2 || hours > 23 || minutes > 59)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   /* Translators: %s is what was typed */
                   _("“%s” is not a time: write it as 14:30"), time_text);
      return FALSE;
    }
  *out_wall_time = g_strdup_printf ("%sT%02u:%02u", ymd, hours, minutes);
  return TRUE;
}

static void
on_item_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MopsContentItemEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = self->id;

  if (id > 0)
    mops_content_items_update_finish (MOPS_LIBRARY (source), result, &error);
  else
    id = mops_content_items_add_finish (MOPS_LIBRARY (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      /* The edits stay in the form: nothing is lost. */
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
editor_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MopsContentItemEditor *self = MOPS_CONTENT_ITEM_EDITOR (widget);
  MopsContentItemInfo info = { 0 };
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *brief = NULL;
  g_autofree char *publish_at = NULL;
  g_autofree char *due_at = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->brief_view);
  GtkTextIter start, end;
  guint position;

  if (self->busy)
    return;
  if (*title == '\0')
    {
      show_error (self, _("An item needs a title"));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }
  if (!read_wall_time (self->publish_date_row, self->publish_time_row, &publish_at, &error) ||
      !read_wall_time (self->due_date_row, NULL, &due_at, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  brief = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (self->item != NULL)
    {
      /* What the editor does not show stays as it was. */
      info.uid = self->item->uid;
      info.owner_id = self->item->owner_id;
      info.reviewer_id = self->item->reviewer_id;
      info.published_at = self->item->published_at;
      info.url = self->item->url;
      info.rrule = self->item->rrule;
      info.sequence = self->item->sequence;
      info.created_at = self->item->created_at;
    }
  info.title = title;
  info.brief = *brief != '\0' ? brief : NULL;
  position = adw_combo_row_get_selected (self->status_row);
  info.status = position < self->statuses->len ? g_array_index (self->statuses, MopsContentStatus, position)
                                               : MOPS_CONTENT_STATUS_IDEA;
  position = adw_combo_row_get_selected (self->channel_row);
  info.channel_id = position < self->channel_ids->len ? g_array_index (self->channel_ids, gint64, position) : 0;
  position = adw_combo_row_get_selected (self->campaign_row);
  info.campaign_id = position < self->campaign_ids->len ? g_array_index (self->campaign_ids, gint64, position) : 0;
  info.publish_at = publish_at;
  info.due_at = due_at;

  show_error (self, NULL);
  set_busy (self, TRUE);
  if (self->id > 0)
    mops_content_items_update_async (self->library, self->id, &info, self->cancellable,
                                     on_item_written_cb, g_object_ref (self));
  else
    mops_content_items_add_async (self->library, &info, self->cancellable,
                                  on_item_written_cb, g_object_ref (self));
}

static void
editor_delete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MopsContentItemEditor *self = MOPS_CONTENT_ITEM_EDITOR (widget);

  if (self->busy || self->item == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0, self->id, self->item->title);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject --------------------------------------------------------------------------------- */

static void
mops_content_item_editor_dispose (GObject *object)
{
  MopsContentItemEditor *self = (MopsContentItemEditor *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_CONTENT_ITEM_EDITOR);

  G_OBJECT_CLASS (mops_content_item_editor_parent_class)->dispose (object);
}

static void
mops_content_item_editor_finalize (GObject *object)
{
  MopsContentItemEditor *self = (MopsContentItemEditor *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->item, mops_content_item_free);
  g_clear_pointer (&self->channel_ids, g_array_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->statuses, g_array_unref);

  G_OBJECT_CLASS (mops_content_item_editor_parent_class)->finalize (object);
}

static void
mops_content_item_editor_class_init (MopsContentItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_content_item_editor_dispose;
  object_class->finalize = mops_content_item_editor_finalize;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/calendar/mops-content-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, form);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, publish_date_row);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, publish_time_row);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, due_date_row);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, brief_view);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, MopsContentItemEditor, repeat_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, editor_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mops_content_item_editor_init (MopsContentItemEditor *self)
{
  self->cancellable = g_cancellable_new ();
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->statuses = g_array_new (FALSE, FALSE, sizeof (MopsContentStatus));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public ---------------------------------------------------------------------------------- */

MopsContentItemEditor *
mops_content_item_editor_new (GtkWindow   *parent,
                              MopsLibrary *library,
                              gint64       id,
                              const char  *date,
                              GPtrArray   *channels,
                              GPtrArray   *campaigns)
{
  MopsContentItemEditor *self;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (channels != NULL && campaigns != NULL, NULL);

  self = g_object_new (MOPS_TYPE_CONTENT_ITEM_EDITOR,
                       "transient-for", parent,
                       "title", id > 0 ? _("Edit Item") : _("New Item"),
                       NULL);
  self->library = g_object_ref (library);
  self->id = id;
  self->channels = g_ptr_array_ref (channels);
  self->campaigns = g_ptr_array_ref (campaigns);

  if (id > 0)
    {
      gtk_widget_set_visible (self->delete_button, TRUE);
      set_busy (self, TRUE);
      mops_content_items_load_async (library, id, self->cancellable,
                                     on_item_loaded_cb, g_object_ref (self));
    }
  else
    {
      fill_statuses (self, MOPS_CONTENT_STATUS_IDEA);
      fill_channels (self, 0);
      fill_campaigns (self, 0);
      if (date != NULL)
        {
          g_autofree char *local = mops_clock_format_local_date (date);

          gtk_editable_set_text (GTK_EDITABLE (self->publish_date_row), local);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }

  return self;
}

gboolean
mops_content_item_editor_is_busy (MopsContentItemEditor *self)
{
  g_return_val_if_fail (MOPS_IS_CONTENT_ITEM_EDITOR (self), FALSE);

  return self->busy;
}
