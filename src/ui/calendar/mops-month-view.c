/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-month-view.c — the calendar's month grid: day cells with a chip per item */

#include "config.h"

#define G_LOG_DOMAIN "mops-month-view"

#include <langinfo.h>

#include <glib/gi18n.h>

#include "core/mops-calendar.h"
#include "core/mops-clock.h"
#include "mops-month-view.h"

#define N_CELLS       42
#define MAX_ROWS      3   /* chips, or chips and "+N more", a cell shows */

typedef struct
{
  GtkWidget *box;
  GtkWidget *day_label;
  GtkWidget *chips;
  GtkWidget *more_button;
  GDate      date;
} Cell;

struct _MopsMonthView
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *grid;
  GDate      focus;
  GDate      first;      /* the first day the grid shows */
  GPtrArray *items;      /* MopsContentItem */
  guint      n_chips;
  Cell       cells[N_CELLS];
};

G_DEFINE_FINAL_TYPE (MopsMonthView, mops_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ITEM_ACTIVATED,
  SIGNAL_DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

int
mops_month_view_get_week_start (void)
{
#ifdef _NL_TIME_FIRST_WEEKDAY
  /* As GNOME Calendar reads it: glibc's first weekday (1 = the week origin's day) counted
   * from the week origin, a Sunday (19971130) or a Monday (19971201). */
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int week_1stday = 0;
  guint week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)
    week_1stday = 0;
  else if (week_origin == 19971201)
    week_1stday = 1;
  else
    return 1;

  return ((week_1stday + first_weekday - 1) % 7 + 7) % 7;
#else
  return 1;
#endif
}

static char *
format_ymd (const GDate *date)
{
  return mops_clock_format_date (date);
}

/* Day cells ----------------------------------------------------------------------------- */

static void
on_chip_clicked_cb (GtkButton     *button,
                    MopsMonthView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (button), g_quark_from_static_string ("mops-item-id")));

  g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, id);
}

static GtkWidget *
make_chip (MopsMonthView         *self,
           const MopsContentItem *item,
           gboolean               in_popover)
{
  g_autoptr(GDateTime) now = mops_clock_now ();
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (item->title);
  g_autofree char *css_class = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  /* An item's title is data, not interface text. */
  gtk_widget_add_css_class (label, "data");
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "calendar-chip");
  if (item->campaign_id > 0)
    css_class = g_strdup_printf ("chip-campaign-%" G_GINT64_FORMAT, item->campaign_id);
  else if (item->channel_id > 0)
    css_class = g_strdup_printf ("chip-channel-%" G_GINT64_FORMAT, item->channel_id);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  if (item->status == MOPS_CONTENT_STATUS_PUBLISHED)
    gtk_widget_add_css_class (button, "published");
  /* A series is not late because last week's issue went out under the series' status. */
  if (item->recurrence_id == NULL && mops_content_item_get_overdue (item, now) != MOPS_OVERDUE_NONE)
    {
      /* Translators: the tooltip of an item in the month grid that is late; %s is its title */
      g_autofree char *late = g_strdup_printf (_("%s (overdue)"), item->title);

      gtk_widget_add_css_class (button, "overdue");
      gtk_widget_set_tooltip_text (button, late);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, late, -1);
    }
  else
    {
      gtk_widget_set_tooltip_text (button, item->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, item->title, -1);
    }
  /* The keyboard moves through the days; Enter opens a day's item. */
  gtk_widget_set_focusable (button, in_popover);
  g_object_set_qdata (G_OBJECT (button), g_quark_from_static_string ("mops-item-id"),
                      GSIZE_TO_POINTER ((gsize) item->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self);
  return button;
}

static GPtrArray *
collect_day_items (MopsMonthView *self,
                   const GDate   *date)
{
  g_autofree char *ymd = format_ymd (date);
  GPtrArray *day = g_ptr_array_new ();

  if (self->items == NULL)
    return day;

  for (guint i = 0; i < self->items->len; i++)
    {
      MopsContentItem *item = g_ptr_array_index (self->items, i);

      if (item->publish_at != NULL && g_str_has_prefix (item->publish_at, ymd))
        g_ptr_array_add (day, item);
    }
  return day;
}

static void
on_more_popover_closed_cb (GtkPopover *popover)
{
  gtk_widget_unparent (GTK_WIDGET (popover));
}

static void
on_more_clicked_cb (GtkButton     *button,
                    MopsMonthView *self)
{
  Cell *cell = g_object_get_qdata (G_OBJECT (button), g_quark_from_static_string ("mops-cell"));
  g_autoptr(GPtrArray) day = collect_day_items (self, &cell->date);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  for (guint i = 0; i < day->len; i++)
    {
      GtkWidget *chip = make_chip (self, g_ptr_array_index (day, i), TRUE);

      gtk_widget_set_size_request (chip, 200, -1);
      g_signal_connect_swapped (chip, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
      gtk_box_append (GTK_BOX (list), chip);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  g_signal_connect (popover, "closed", G_CALLBACK (on_more_popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
fill_cell (MopsMonthView *self,
           Cell          *cell,
           const GDate   *today)
{
  g_autoptr(GPtrArray) day = collect_day_items (self, &cell->date);
  g_autoptr(GDateTime) datetime = g_date_time_new_local (g_date_get_year (&cell->date),
                                                          g_date_get_month (&cell->date),
                                                          g_date_get_day (&cell->date), 12, 0, 0);
  g_autofree char *number = g_strdup_printf ("%u", g_date_get_day (&cell->date));
  g_autofree char *long_date = g_date_time_format (datetime, "%x");
  g_autofree char *accessible = NULL;
  guint n_shown;

  gtk_label_set_text (GTK_LABEL (cell->day_label), number);

  if (g_date_get_month (&cell->date) == g_date_get_month (&self->focus))
    gtk_widget_remove_css_class (cell->box, "other-month");
  else
    gtk_widget_add_css_class (cell->box, "other-month");
  if (g_date_compare (&cell->date, today) == 0)
    gtk_widget_add_css_class (cell->box, "today");
  else
    gtk_widget_remove_css_class (cell->box, "today");
  if (g_date_compare (&cell->date, &self->focus) == 0)
    gtk_widget_add_css_class (cell->box, "selected-day");
  else
    gtk_widget_remove_css_class (cell->box, "selected-day");

  clear_box (cell->chips);
  n_shown = day->len <= MAX_ROWS ? day->len : MAX_ROWS - 1;
  for (guint i = 0; i < n_shown; i++)
    gtk_box_append (GTK_BOX (cell->chips), make_chip (self, g_ptr_array_index (day, i), FALSE));
  self->n_chips += n_shown;

  if (day->len > n_shown)
    {
      /* Translators: %u is a number of further items on a day of the month grid */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more",
                                                            day->len - n_shown),
                                               day->len - n_shown);
      gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (cell->more_button))), more);
      gtk_widget_set_visible (cell->more_button, TRUE);
    }
  else
    gtk_widget_set_visible (cell->more_button, FALSE);

  /* Translators: a day of the month grid for screen readers; %s is the date, %u a number */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u item", "%s, %u items", day->len),
                                long_date, day->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_cells (MopsMonthView *self)
{
  g_autoptr(GDate) today = mops_clock_today ();
  int week_start = mops_month_view_get_week_start ();
  GDate first;
  int offset;

  g_date_set_dmy (&first, 1, g_date_get_month (&self->focus), g_date_get_year (&self->focus));
  /* g_date weekdays: Monday 1 … Sunday 7; week_start: Sunday 0 … Saturday 6. */
  offset = ((int) g_date_get_weekday (&first) % 7 - week_start + 7) % 7;
  g_date_subtract_days (&first, offset);
  self->first = first;

  self->n_chips = 0;
  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      cell->date = first;
      g_date_add_days (&cell->date, i);
      fill_cell (self, cell, today);
    }
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    MopsMonthView   *self)
{
  Cell *cell = g_object_get_qdata (G_OBJECT (gesture), g_quark_from_static_string ("mops-cell"));
  g_autofree char *ymd = format_ymd (&cell->date);

  mops_month_view_set_date (self, ymd);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    g_signal_emit (self, signals[SIGNAL_DAY_ACTIVATED], 0, ymd);
}

static void
build_grid (MopsMonthView *self)
{
  int week_start = mops_month_view_get_week_start ();
  GtkWidget *header = gtk_grid_new ();

  gtk_grid_set_column_homogeneous (GTK_GRID (header), TRUE);
  gtk_widget_add_css_class (header, "month-header");
  for (int column = 0; column < 7; column++)
    {
      /* 2023-01-01 was a Sunday. */
      g_autoptr(GDateTime) day = g_date_time_new_local (2023, 1, 1 + (week_start + column) % 7, 12, 0, 0);
      g_autofree char *name = g_date_time_format (day, "%a");
      g_autofree char *full = g_date_time_format (day, "%A");
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      /* The locale's own day names (LC_TIME), not the interface's catalog. */
      gtk_widget_add_css_class (label, "data");
      gtk_widget_set_tooltip_text (label, full);
      gtk_grid_attach (GTK_GRID (header), label, column, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (self->box), header);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_vexpand (self->grid, TRUE);
  gtk_widget_add_css_class (self->grid, "month-grid");
  gtk_box_append (GTK_BOX (self->box), self->grid);

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      GtkGesture *click = gtk_gesture_click_new ();
      GtkWidget *more_label;

      cell->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (cell->box, "month-cell");
      gtk_widget_set_hexpand (cell->box, TRUE);
      gtk_widget_set_vexpand (cell->box, TRUE);
      gtk_widget_set_overflow (cell->box, GTK_OVERFLOW_HIDDEN);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

      cell->day_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell->day_label), 0);
      gtk_widget_set_halign (cell->day_label, GTK_ALIGN_START);
      gtk_widget_add_css_class (cell->day_label, "day-number");
      gtk_widget_add_css_class (cell->day_label, "data");
      gtk_box_append (GTK_BOX (cell->box), cell->day_label);

      cell->chips = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (cell->box), cell->chips);

      cell->more_button = gtk_button_new ();
      more_label = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (more_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (more_label), 1);
      gtk_button_set_child (GTK_BUTTON (cell->more_button), more_label);
      gtk_widget_set_focusable (cell->more_button, FALSE);
      gtk_widget_set_halign (cell->more_button, GTK_ALIGN_START);
      gtk_widget_add_css_class (cell->more_button, "flat");
      gtk_widget_add_css_class (cell->more_button, "calendar-more");
      gtk_widget_set_visible (cell->more_button, FALSE);
      g_object_set_qdata (G_OBJECT (cell->more_button), g_quark_from_static_string ("mops-cell"), cell);
      g_signal_connect (cell->more_button, "clicked", G_CALLBACK (on_more_clicked_cb), self);
      gtk_box_append (GTK_BOX (cell->box), cell->more_button);

      g_object_set_qdata (G_OBJECT (click), g_quark_from_static_string ("mops-cell"), cell);
      g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed_cb), self);
      gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (click));

      gtk_grid_attach (GTK_GRID (self->grid), cell->box, i % 7, i / 7, 1, 1);
    }
}

/* Keys ------------------------------------------------------------------------------------ */

static void
move_focus_days (MopsMonthView *self,
                 int            days)
{
  GDate date = self->focus;
  g_autofree char *ymd = NULL;

  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  ymd = format_ymd (&date);
  mops_month_view_set_date (self, ymd);
}

static void
month_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MopsMonthView *self = MOPS_MONTH_VIEW (widget);
  int days = g_variant_get_int32 (parameter);

  /* Left and right follow the reading direction. */
  if ((days == 1 || days == -1) && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;
  move_focus_days (self, days);
}

static void
month_activate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MopsMonthView *self = MOPS_MONTH_VIEW (widget);
  g_autofree char *ymd = format_ymd (&self->focus);

  g_signal_emit (self, signals[SIGNAL_DAY_ACTIVATED], 0, ymd);
}

/* GObject --------------------------------------------------------------------------------- */

static void
mops_month_view_dispose (GObject *object)
{
  MopsMonthView *self = (MopsMonthView *) object;

  /* A "+N more" popover still open hangs on its button, which does not unparent it. */
  for (guint i = 0; i < N_CELLS && self->box != NULL; i++)
    {
      GtkWidget *child = gtk_widget_get_first_child (self->cells[i].more_button);

      while (child != NULL)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          if (GTK_IS_POPOVER (child))
            gtk_widget_unparent (child);
          child = next;
        }
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (mops_month_view_parent_class)->dispose (object);
}

static void
mops_month_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MopsMonthView *self = MOPS_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_take_string (value, mops_month_view_dup_date (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_month_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MopsMonthView *self = MOPS_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      mops_month_view_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_month_view_class_init (MopsMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_month_view_dispose;
  object_class->get_property = mops_month_view_get_property;
  object_class->set_property = mops_month_view_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A chip was clicked: the item's id. */
  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Enter on the focused day, or a double click on a day: its "YYYY-MM-DD". */
  signals[SIGNAL_DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "month.move", "i", month_move_action);
  gtk_widget_class_install_action (widget_class, "month.activate", NULL, month_activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "month.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "month.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "month.move", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "month.move", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "month.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "month.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "month.activate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
mops_month_view_init (MopsMonthView *self)
{
  g_autoptr(GDate) today = mops_clock_today ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"), -1);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->focus = *today;
  build_grid (self);
  update_cells (self);
}

/* Public ---------------------------------------------------------------------------------- */

GtkWidget *
mops_month_view_new (void)
{
  return g_object_new (MOPS_TYPE_MONTH_VIEW, NULL);
}

char *
mops_month_view_dup_date (MopsMonthView *self)
{
  g_return_val_if_fail (MOPS_IS_MONTH_VIEW (self), NULL);

  return format_ymd (&self->focus);
}

void
mops_month_view_set_date (MopsMonthView *self,
                          const char    *ymd)
{
  GDate date;

  g_return_if_fail (MOPS_IS_MONTH_VIEW (self));

  if (ymd == NULL || !mops_clock_parse_date (ymd, &date))
    return;
  if (g_date_compare (&date, &self->focus) == 0)
    return;

  self->focus = date;
  update_cells (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

char *
mops_month_view_dup_first_day (MopsMonthView *self)
{
  g_return_val_if_fail (MOPS_IS_MONTH_VIEW (self), NULL);

  return format_ymd (&self->first);
}

char *
mops_month_view_dup_last_day (MopsMonthView *self)
{
  GDate last;

  g_return_val_if_fail (MOPS_IS_MONTH_VIEW (self), NULL);

  last = self->first;
  g_date_add_days (&last, N_CELLS - 1);
  return format_ymd (&last);
}

void
mops_month_view_set_items (MopsMonthView *self,
                           GPtrArray     *items)
{
  g_return_if_fail (MOPS_IS_MONTH_VIEW (self));

  if (items != NULL)
    g_ptr_array_ref (items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
  update_cells (self);
}

guint
mops_month_view_get_n_chips (MopsMonthView *self)
{
  g_return_val_if_fail (MOPS_IS_MONTH_VIEW (self), 0);

  return self->n_chips;
}
