/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-page.c — the Calendar page: the month grid, the agenda and the unscheduled ideas */

#include "config.h"

#define G_LOG_DOMAIN "mops-calendar-page"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-calendar.h"
#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "mops-calendar-page.h"
#include "mops-content-item-editor.h"
#include "mops-month-view.h"

/* One row of the agenda or the unscheduled list ------------------------------------------ */

#define MOPS_TYPE_CALENDAR_ENTRY (mops_calendar_entry_get_type ())

G_DECLARE_FINAL_TYPE (MopsCalendarEntry, mops_calendar_entry, MOPS, CALENDAR_ENTRY, GObject)

struct _MopsCalendarEntry
{
  GObject          parent_instance;

  MopsContentItem *item;
  char            *when;       /* the publish date (and time) in the locale's form */
  const char      *channel;    /* the page's channel name, or NULL */
  const char      *campaign;   /* the page's campaign name, or NULL */
  char            *status;     /* the status as shown, "(overdue)" added when late */
};

G_DEFINE_FINAL_TYPE (MopsCalendarEntry, mops_calendar_entry, G_TYPE_OBJECT)

static void
mops_calendar_entry_finalize (GObject *object)
{
  MopsCalendarEntry *self = (MopsCalendarEntry *) object;

  g_clear_pointer (&self->item, mops_content_item_free);
  g_free (self->when);
  g_free (self->status);

  G_OBJECT_CLASS (mops_calendar_entry_parent_class)->finalize (object);
}

static void
mops_calendar_entry_class_init (MopsCalendarEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mops_calendar_entry_finalize;
}

static void
mops_calendar_entry_init (MopsCalendarEntry *self)
{
}

/* The page ------------------------------------------------------------------------------- */

typedef enum
{
  COLUMN_WHEN,
  COLUMN_TITLE,
  COLUMN_STATUS,
  COLUMN_CHANNEL,
  COLUMN_CAMPAIGN,
  N_COLUMNS
} Column;

struct _MopsCalendarPage
{
  GtkWidget             parent_instance;

  MopsLibrary          *library;
  GCancellable         *cancellable;
  GPtrArray            *channels;       /* MopsChannel */
  GPtrArray            *campaigns;      /* MopsCampaign */
  GHashTable           *channel_names;  /* id → name, borrowed from channels */
  GHashTable           *campaign_names; /* id → name, borrowed from campaigns */
  GtkCssProvider       *chip_colors;
  GListStore           *agenda_store;
  GListStore           *unscheduled_store;
  MopsContentItemTrash *trash;          /* the last deleted item, for Undo */
  char                 *view;
  char                 *loaded_from;    /* the range the month shows, as loaded */
  char                 *month;          /* "YYYY-MM" of the focused day */
  guint                 generation;
  guint                 n_loading;
  guint                 n_writing;
  gulong                changed_handler;
  guint                 layout_idle;
  gboolean              narrow;         /* laid out for a phone-sized window */
  GPtrArray            *wide_columns;   /* GtkColumnViewColumn shown only when not narrow */

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *navigation;
  GtkLabel             *title_label;
  GtkStack             *view_stack;
  MopsMonthView        *month_view;
  GtkStack             *agenda_stack;
  GtkColumnView        *agenda_view;
  GtkStack             *unscheduled_stack;
  GtkColumnView        *unscheduled_view;
};

G_DEFINE_FINAL_TYPE (MopsCalendarPage, mops_calendar_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_items (MopsCalendarPage *self);
static void open_editor (MopsCalendarPage *self,
                         gint64            id,
                         const char       *date);

/* Helpers -------------------------------------------------------------------------------- */

static void
show_toast (MopsCalendarPage *self,
            const char       *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_error (MopsCalendarPage *self,
            const GError     *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_css_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static void
append_chip_rule (GString    *css,
                  const char *kind,
                  gint64      id,
                  const char *color,
                  gboolean    dark)
{
  g_autofree char *shade = NULL;

  if (!is_css_color (color))
    return;
  /* A tint of the colour with the text in the theme's own colour reads in light and dark;
   * on a dark background a dark colour is lightened first, or its bar would not show. */
  shade = dark ? g_strdup_printf ("mix(%s, white, 0.45)", color) : g_strdup (color);
  g_string_append_printf (css,
                          "monthview button.calendar-chip.chip-%s-%" G_GINT64_FORMAT " {"
                          " background-image: linear-gradient(alpha(%s, 0.3), alpha(%s, 0.3));"
                          " box-shadow: inset 3px 0 %s; }\n",
                          kind, id, shade, shade, shade);
}

/* The chips' colours, for the light or the dark style. */
static void
load_chip_colors (MopsCalendarPage *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GString) css = g_string_new (NULL);

  for (guint i = 0; i < self->channels->len; i++)
    {
      MopsChannel *channel = g_ptr_array_index (self->channels, i);

      append_chip_rule (css, "channel", channel->id, channel->color, dark);
    }
  for (guint i = 0; i < self->campaigns->len; i++)
    {
      MopsCampaign *campaign = g_ptr_array_index (self->campaigns, i);

      append_chip_rule (css, "campaign", campaign->id, campaign->color, dark);
    }
  gtk_css_provider_load_from_data (self->chip_colors, css->str, (gssize) css->len);
}

static void
on_style_dark_notify_cb (MopsCalendarPage *self)
{
  load_chip_colors (self);
}

/* Channels and campaigns: a few rows the library's settings hold, read once. */
static void
load_names (MopsCalendarPage *self)
{
  g_autoptr(GError) error = NULL;

  self->channels = mops_channels_list (self->library, &error);
  if (self->channels == NULL)
    {
      g_warning ("Could not read the channels: %s", error->message);
      g_clear_error (&error);
      self->channels = g_ptr_array_new ();
    }
  self->campaigns = mops_campaigns_list (self->library, &error);
  if (self->campaigns == NULL)
    {
      g_warning ("Could not read the campaigns: %s", error->message);
      self->campaigns = g_ptr_array_new ();
    }

  for (guint i = 0; i < self->channels->len; i++)
    {
      MopsChannel *channel = g_ptr_array_index (self->channels, i);

      g_hash_table_insert (self->channel_names, &channel->id, channel->name);
    }
  for (guint i = 0; i < self->campaigns->len; i++)
    {
      MopsCampaign *campaign = g_ptr_array_index (self->campaigns, i);

      g_hash_table_insert (self->campaign_names, &campaign->id, campaign->name);
    }

  self->chip_colors = gtk_css_provider_new ();
  load_chip_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark_notify_cb), self, G_CONNECT_SWAPPED);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->chip_colors),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static char *
format_when (const char *wall_time)
{
  g_autofree char *ymd = NULL;
  g_autofree char *date = NULL;

  if (wall_time == NULL)
    return NULL;
  ymd = g_strndup (wall_time, 10);
  date = mops_clock_format_local_date (ymd);
  if (wall_time[10] == 'T')
    /* Translators: a publish date and its time, "Mar 16, 2026 09:30" */
    return g_strdup_printf (C_("date and time", "%s %s"), date, wall_time + 11);
  return g_steal_pointer (&date);
}

static MopsCalendarEntry *
make_entry (MopsCalendarPage      *self,
            const MopsContentItem *item)
{
  MopsCalendarEntry *entry = g_object_new (MOPS_TYPE_CALENDAR_ENTRY, NULL);
  g_autoptr(GDateTime) now = mops_clock_now ();
  const char *status = mops_content_status_get_label (item->status);

  entry->item = mops_content_item_copy (item);
  entry->when = format_when (item->publish_at);
  entry->channel = g_hash_table_lookup (self->channel_names, &item->channel_id);
  entry->campaign = g_hash_table_lookup (self->campaign_names, &item->campaign_id);
  /* A series is not late because last week's issue went out under the series' status. */
  if (item->recurrence_id == NULL && mops_content_item_get_overdue (item, now) != MOPS_OVERDUE_NONE)
    /* Translators: a late item's status in the agenda, "In Review (overdue)" */
    entry->status = g_strdup_printf (_("%s (overdue)"), status);
  else
    entry->status = g_strdup (status);
  return entry;
}

static void
update_title (MopsCalendarPage *self)
{
  g_autofree char *ymd = mops_month_view_dup_date (self->month_view);
  GDate date;
  g_autoptr(GDateTime) datetime = NULL;
  g_autofree char *title = NULL;

  /* The list of what has no date has no month either. */
  if (g_strcmp0 (self->view, "unscheduled") == 0)
    {
      gtk_label_set_text (self->title_label, _("Unscheduled"));
      return;
    }
  if (!mops_clock_parse_date (ymd, &date))
    return;
  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), 1, 12, 0, 0);
  if (self->narrow)
    /* Translators: the month shown in a narrow window, strftime()-style: the month's short
     * name on its own and the year */
    title = g_date_time_format (datetime, _("%Ob %Y"));
  else
    /* Translators: the month shown, strftime()-style: the month's name on its own and the year */
    title = g_date_time_format (datetime, _("%OB %Y"));
  gtk_label_set_text (self->title_label, title);
}

static gboolean
is_busy (MopsCalendarPage *self)
{
  return self->n_loading > 0 || self->n_writing > 0;
}

/* Loading -------------------------------------------------------------------------------- */

typedef struct
{
  MopsCalendarPage *page;
  guint             generation;
  gboolean          unscheduled;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->page);
  g_free (request);
}

static void
fill_agenda (MopsCalendarPage *self,
             GPtrArray        *items)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      MopsContentItem *item = g_ptr_array_index (items, i);

      /* The grid shows six weeks; the agenda the month. */
      if (item->publish_at != NULL && g_str_has_prefix (item->publish_at, self->month))
        g_ptr_array_add (entries, make_entry (self, item));
    }
  g_list_store_splice (self->agenda_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agenda_store)),
                       entries->pdata, entries->len);
  gtk_stack_set_visible_child_name (self->agenda_stack, entries->len > 0 ? "list" : "empty");
}

static void
fill_unscheduled (MopsCalendarPage *self,
                  GPtrArray        *items)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      MopsContentItem *item = g_ptr_array_index (items, i);

      if (item->publish_at == NULL)
        g_ptr_array_add (entries, make_entry (self, item));
    }
  g_list_store_splice (self->unscheduled_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->unscheduled_store)),
                       entries->pdata, entries->len);
  gtk_stack_set_visible_child_name (self->unscheduled_stack, entries->len > 0 ? "list" : "empty");
}

static void
on_items_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LoadRequest *request = user_data;
  MopsCalendarPage *self = request->page;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = mops_content_items_list_finish (MOPS_LIBRARY (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      load_request_free (request);
      return;
    }

  self->n_loading--;
  if (request->generation == self->generation)
    {
      if (items == NULL)
        show_error (self, error);
      else if (request->unscheduled)
        fill_unscheduled (self, items);
      else
        {
          mops_month_view_set_items (self->month_view, items);
          fill_agenda (self, items);
        }
    }
  load_request_free (request);
}

static void
list_items (MopsCalendarPage *self,
            const char       *from,
            const char       *to,
            gboolean          unscheduled)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->page = g_object_ref (self);
  request->generation = self->generation;
  request->unscheduled = unscheduled;
  self->n_loading++;
  mops_content_items_list_async (self->library, from, to, self->cancellable,
                                 on_items_listed_cb, request);
}

static void
load_items (MopsCalendarPage *self)
{
  g_autofree char *ymd = mops_month_view_dup_date (self->month_view);
  g_autofree char *first = mops_month_view_dup_first_day (self->month_view);
  g_autofree char *last = mops_month_view_dup_last_day (self->month_view);

  self->generation++;
  g_free (self->month);
  self->month = g_strndup (ymd, 7);
  g_free (self->loaded_from);
  self->loaded_from = g_strdup (first);
  /* Recurring items come expanded, once per occurrence in the range. */
  list_items (self, first, last, FALSE);
  /* With both ends open: every item once, the unscheduled ones among them. */
  list_items (self, NULL, NULL, TRUE);
}

static void
on_library_changed_cb (MopsLibrary      *library,
                       MopsCalendarPage *self)
{
  load_items (self);
}

/* The views ------------------------------------------------------------------------------ */

static void
on_month_view_date_notify_cb (MopsCalendarPage *self)
{
  g_autofree char *first = mops_month_view_dup_first_day (self->month_view);
  g_autofree char *ymd = mops_month_view_dup_date (self->month_view);

  update_title (self);
  if (g_strcmp0 (first, self->loaded_from) != 0 || !g_str_has_prefix (ymd, self->month))
    load_items (self);
}

static void
on_month_view_item_activated_cb (MopsCalendarPage *self,
                                 gint64            id)
{
  open_editor (self, id, NULL);
}

/* Enter on a day opens its first item, or a new item on that day when it has none, as
 * GNOME Calendar offers a new event on an empty day. */
static void
on_month_view_day_activated_cb (MopsCalendarPage *self,
                                const char       *ymd)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda_store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MopsCalendarEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->agenda_store), i);

      if (g_str_has_prefix (entry->item->publish_at, ymd))
        {
          open_editor (self, entry->item->id, NULL);
          return;
        }
    }
  open_editor (self, 0, ymd);
}

static void
on_list_activate_cb (MopsCalendarPage *self,
                     guint             position,
                     GtkColumnView    *column_view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_autoptr(MopsCalendarEntry) entry = g_list_model_get_item (model, position);

  if (entry != NULL)
    open_editor (self, entry->item->id, NULL);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  MopsCalendarEntry *entry = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_WHEN:
      text = entry->when;
      break;
    case COLUMN_TITLE:
      text = entry->item->title;
      break;
    case COLUMN_STATUS:
      text = entry->status;
      break;
    case COLUMN_CHANNEL:
      text = entry->channel;
      break;
    case COLUMN_CAMPAIGN:
      text = entry->campaign;
      break;
    case N_COLUMNS:
    default:
      break;
    }
  gtk_label_set_text (label, text != NULL ? text : "");
  /* Names, titles and dates are data; the status is interface text. */
  if (column == COLUMN_STATUS)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "data");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "data");
  if (column == COLUMN_STATUS && g_strcmp0 (entry->status, mops_content_status_get_label (entry->item->status)) != 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
add_columns (MopsCalendarPage *self,
             GtkColumnView    *column_view,
             gboolean          with_when)
{
  static const char *titles[N_COLUMNS] = {
    N_("Date"), N_("Title"), N_("Status"), N_("Channel"), N_("Campaign"),
  };

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkListItemFactory *factory;
      GtkColumnViewColumn *view_column;

      if (column == COLUMN_WHEN && !with_when)
        continue;
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
      view_column = gtk_column_view_column_new (_(titles[column]), factory);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, column == COLUMN_TITLE);
      if (column == COLUMN_CHANNEL || column == COLUMN_CAMPAIGN)
        g_ptr_array_add (self->wide_columns, g_object_ref (view_column));
      gtk_column_view_append_column (column_view, view_column);
      g_object_unref (view_column);
    }
}

static void
set_list_model (GtkColumnView *column_view,
                GListStore    *store)
{
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (store)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* Editing -------------------------------------------------------------------------------- */

static void
on_editor_saved_cb (MopsContentItemEditor *editor,
                    gint64                 id,
                    MopsCalendarPage      *self)
{
  /* The item shows where it now is: no toast to say so. */
  load_items (self);
}

static void
on_item_restored_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MopsCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;

  mops_content_items_restore_finish (MOPS_LIBRARY (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->n_writing--;
  if (error != NULL)
    show_error (self, error);
  load_items (self);
}

static void
calendar_undo_delete_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);
  g_autoptr(MopsContentItemTrash) trash = g_steal_pointer (&self->trash);

  if (trash == NULL)
    return;
  self->n_writing++;
  mops_content_items_restore_async (self->library, trash, self->cancellable,
                                    on_item_restored_cb, g_object_ref (self));
}

typedef struct
{
  MopsCalendarPage *page;
  char             *title;
} DeleteRequest;

static void
on_item_deleted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeleteRequest *request = user_data;
  MopsCalendarPage *self = request->page;
  g_autoptr(MopsContentItemTrash) trash = NULL;
  g_autoptr(GError) error = NULL;

  trash = mops_content_items_delete_finish (MOPS_LIBRARY (source), result, &error);
  if (!g_cancellable_is_cancelled (self->cancellable))
    {
      self->n_writing--;
      if (trash == NULL)
        show_error (self, error);
      else
        {
          /* Translators: %s is a content item's title */
          g_autofree char *text = g_strdup_printf (_("“%s” deleted"), request->title);
          AdwToast *toast = adw_toast_new (text);

          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "calendar.undo-delete");
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          g_clear_pointer (&self->trash, mops_content_item_trash_free);
          self->trash = g_steal_pointer (&trash);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      load_items (self);
    }
  g_object_unref (request->page);
  g_free (request->title);
  g_free (request);
}

static void
on_editor_delete_requested_cb (MopsContentItemEditor *editor,
                               gint64                 id,
                               const char            *title,
                               MopsCalendarPage      *self)
{
  DeleteRequest *request = g_new0 (DeleteRequest, 1);

  request->page = g_object_ref (self);
  request->title = g_strdup (title);
  self->n_writing++;
  mops_content_items_delete_async (self->library, id, self->cancellable,
                                   on_item_deleted_cb, request);
}

static void
open_editor (MopsCalendarPage *self,
             gint64            id,
             const char       *date)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MopsContentItemEditor *editor;

  editor = mops_content_item_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->library, id, date, self->channels, self->campaigns);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (on_editor_delete_requested_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Actions -------------------------------------------------------------------------------- */

static void
move_months (MopsCalendarPage *self,
             int               months)
{
  g_autofree char *ymd = mops_month_view_dup_date (self->month_view);
  g_autofree char *moved = NULL;
  GDate date;

  if (!mops_clock_parse_date (ymd, &date))
    return;
  if (months > 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  moved = mops_clock_format_date (&date);
  mops_month_view_set_date (self->month_view, moved);
}

static void
calendar_previous_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_months (MOPS_CALENDAR_PAGE (widget), -1);
}

static void
calendar_next_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_months (MOPS_CALENDAR_PAGE (widget), 1);
}

static void
calendar_today_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);
  g_autofree char *today = mops_clock_today_string ();

  mops_month_view_set_date (self->month_view, today);
}

static void
calendar_new_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);
  g_autofree char *ymd = NULL;

  /* From the month, on the focused day; from the lists, without a date. */
  if (g_strcmp0 (self->view, "month") == 0)
    ymd = mops_month_view_dup_date (self->month_view);
  open_editor (self, 0, ymd);
}

static gboolean
new_item_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gtk_widget_activate_action (widget, "calendar.new", NULL);
  return TRUE;
}

static void
on_export_response_cb (GtkNativeDialog  *chooser,
                       int               response,
                       MopsCalendarPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mops_calendar_page_export_ics (self, file);
    }
  g_object_unref (chooser);
}

static void
calendar_export_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Calendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested name of an exported calendar file */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Editorial calendar.ics"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Shown: the keys of the grid work at once, as in GNOME Calendar. */
static void
on_map_cb (MopsCalendarPage *self)
{
  if (g_strcmp0 (self->view, "month") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->month_view));
}

/* Layout -------------------------------------------------------------------------------- */

#define NARROW_WIDTH 600

static gboolean
update_layout_cb (gpointer user_data)
{
  MopsCalendarPage *self = user_data;

  self->layout_idle = 0;
  /* A phone-sized window: the short month name, and the lists keep date, title and status. */
  for (guint i = 0; i < self->wide_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->wide_columns, i), !self->narrow);
  if (self->narrow)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "title-3");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-4");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
    }
  update_title (self);
  return G_SOURCE_REMOVE;
}

/* The page lays out its one child itself (no layout manager), to see its width. */
static void
mops_calendar_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
mops_calendar_page_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (MOPS_CALENDAR_PAGE (widget)->toast_overlay));
}

static void
mops_calendar_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);

  /* Changing what is shown queues a resize: not while allocating. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add (update_layout_cb, self);
    }
}

/* GObject --------------------------------------------------------------------------------- */

static void
mops_calendar_page_constructed (GObject *object)
{
  MopsCalendarPage *self = (MopsCalendarPage *) object;

  G_OBJECT_CLASS (mops_calendar_page_parent_class)->constructed (object);

  g_return_if_fail (MOPS_IS_LIBRARY (self->library));
  load_names (self);
  self->changed_handler = g_signal_connect (self->library, "changed",
                                            G_CALLBACK (on_library_changed_cb), self);
  update_title (self);
  load_items (self);
}

/* Leaving the window (another library took its place, or it closed): stop the workers, whose
 * references would keep the page alive. */
static void
mops_calendar_page_unroot (GtkWidget *widget)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (mops_calendar_page_parent_class)->unroot (widget);
}

static void
mops_calendar_page_root (GtkWidget *widget)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (widget);

  GTK_WIDGET_CLASS (mops_calendar_page_parent_class)->root (widget);
  /* Back in a window after an unroot: work again, and read what was missed. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      self->n_loading = 0;
      self->n_writing = 0;
      load_items (self);
    }
}

static void
mops_calendar_page_dispose (GObject *object)
{
  MopsCalendarPage *self = (MopsCalendarPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->library);
  if (self->chip_colors != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->chip_colors));
  g_clear_object (&self->chip_colors);
  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->agenda_store);
  g_clear_object (&self->unscheduled_store);

  G_OBJECT_CLASS (mops_calendar_page_parent_class)->dispose (object);
}

static void
mops_calendar_page_finalize (GObject *object)
{
  MopsCalendarPage *self = (MopsCalendarPage *) object;

  g_clear_pointer (&self->trash, mops_content_item_trash_free);
  g_clear_pointer (&self->wide_columns, g_ptr_array_unref);
  g_clear_pointer (&self->channel_names, g_hash_table_unref);
  g_clear_pointer (&self->campaign_names, g_hash_table_unref);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_free (self->view);
  g_free (self->loaded_from);
  g_free (self->month);

  G_OBJECT_CLASS (mops_calendar_page_parent_class)->finalize (object);
}

static void
set_view (MopsCalendarPage *self,
          const char       *view)
{
  gboolean dated;

  if (view == NULL || g_strcmp0 (view, self->view) == 0)
    return;
  if (!g_str_equal (view, "month") && !g_str_equal (view, "agenda") && !g_str_equal (view, "unscheduled"))
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  /* Months to move through in the grid and the agenda, none in the unscheduled list. */
  dated = !g_str_equal (view, "unscheduled");
  gtk_widget_set_visible (self->navigation, dated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.previous", dated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.next", dated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.today", dated);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
mops_calendar_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_calendar_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MopsCalendarPage *self = MOPS_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_calendar_page_class_init (MopsCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mops_calendar_page_constructed;
  object_class->dispose = mops_calendar_page_dispose;
  object_class->finalize = mops_calendar_page_finalize;
  object_class->get_property = mops_calendar_page_get_property;
  object_class->set_property = mops_calendar_page_set_property;
  widget_class->root = mops_calendar_page_root;
  widget_class->unroot = mops_calendar_page_unroot;
  widget_class->get_request_mode = mops_calendar_page_get_request_mode;
  widget_class->measure = mops_calendar_page_measure;
  widget_class->size_allocate = mops_calendar_page_size_allocate;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "month", "agenda" or "unscheduled". */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MOPS_TYPE_MONTH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/calendar/mops-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, navigation);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, agenda_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, unscheduled_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsCalendarPage, unscheduled_view);
  gtk_widget_class_bind_template_callback (widget_class, on_month_view_date_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_view_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_view_day_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, calendar_previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, calendar_next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, calendar_today_action);
  gtk_widget_class_install_action (widget_class, "calendar.new", NULL, calendar_new_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, calendar_export_action);
  gtk_widget_class_install_action (widget_class, "calendar.undo-delete", NULL, calendar_undo_delete_action);
  gtk_widget_class_install_property_action (widget_class, "calendar.view", "view");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, 0, "calendar.today", NULL);
}

static void
mops_calendar_page_init (MopsCalendarPage *self)
{
  GtkEventController *shortcuts;

  self->cancellable = g_cancellable_new ();
  self->view = g_strdup ("month");
  self->channel_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->campaign_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->agenda_store = g_list_store_new (MOPS_TYPE_CALENDAR_ENTRY);
  self->unscheduled_store = g_list_store_new (MOPS_TYPE_CALENDAR_ENTRY);
  self->wide_columns = g_ptr_array_new_with_free_func (g_object_unref);
  add_columns (self, self->agenda_view, TRUE);
  add_columns (self, self->unscheduled_view, FALSE);
  set_list_model (self->agenda_view, self->agenda_store);
  set_list_model (self->unscheduled_view, self->unscheduled_store);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  /* Ctrl+N wherever the focus is, while the page is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (new_item_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public ---------------------------------------------------------------------------------- */

gboolean
mops_calendar_page_is_busy (MopsCalendarPage *self)
{
  g_return_val_if_fail (MOPS_IS_CALENDAR_PAGE (self), FALSE);

  return is_busy (self);
}

const char *
mops_calendar_page_get_title (MopsCalendarPage *self)
{
  g_return_val_if_fail (MOPS_IS_CALENDAR_PAGE (self), NULL);

  return gtk_label_get_text (self->title_label);
}

static void
on_ics_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MopsCalendarPage *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  mops_calendar_export_ics_finish (MOPS_LIBRARY (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->n_writing--;
  if (error == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, title);
    }
  else
    show_error (self, error);
}

void
mops_calendar_page_export_ics (MopsCalendarPage *self,
                               GFile            *file)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (MOPS_IS_CALENDAR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (MOPS_ERROR, MOPS_ERROR_IO,
                                             _("Could not save “%s”: only local files can be written"), uri);
      show_error (self, error);
      return;
    }

  /* The task only carries the page and the file to the callback. */
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  self->n_writing++;
  mops_calendar_export_ics_async (self->library, path, NULL, 0, self->cancellable,
                                  on_ics_written_cb, task);
}
