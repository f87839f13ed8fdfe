/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-book-expense-dialog.c — the small dialog that books a licence's cost as an expense */

#include "config.h"

#define G_LOG_DOMAIN "mops-book-expense-dialog"

#include <glib/gi18n.h>

#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "core/mops-licence-booking.h"
#include "core/mops-licences.h"
#include "core/mops-money.h"
#include "mops-book-expense-dialog.h"

struct _MopsBookExpenseDialog
{
  AdwWindow        parent_instance;

  MopsLibrary     *library;
  gint64           licence_id;
  GPtrArray       *teams;          /* MopsBookingTeam, in the combo row's order */
  MopsBookingYear *year;           /* covering the date typed, or NULL */
  guint            n_booked;       /* expenses already booked, and waiting for Save */

  /* template */
  GtkButton       *book_button;
  AdwComboRow     *team_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *amount_row;
  AdwEntryRow     *currency_row;
  AdwEntryRow     *rate_row;
  GtkLabel        *year_label;
  AdwPreferencesGroup *booked_group;
  GtkListBox      *booked_list;
  GtkLabel        *warning_label;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (MopsBookExpenseDialog, mops_book_expense_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
mops_pending_booking_free (MopsPendingBooking *booking)
{
  if (booking == NULL)
    return;

  g_free (booking->team_name);
  g_free (booking->date);
  g_free (booking->currency);
  g_free (booking->rate);
  g_free (booking->year_name);
  g_free (booking);
}

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_error (MopsBookExpenseDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The date typed as "YYYY-MM-DD", or NULL when it is not a date. */
static char *
dup_date (MopsBookExpenseDialog *self)
{
  g_autofree char *text = dup_row_text (self->date_row);
  GDate date;

  if (!mops_clock_parse_local_date (text, &date))
    return NULL;

  return mops_clock_format_date (&date);
}

/* The fiscal year of the date typed decides whether a rate is asked for; it is said, so
 * nobody books into last year without seeing it. */
static void
update_year (MopsBookExpenseDialog *self)
{
  g_autofree char *date = dup_date (self);
  g_autofree char *text = dup_row_text (self->date_row);
  g_autofree char *currency = dup_row_text (self->currency_row);
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->year, mops_booking_year_free);
  set_row_error (self->date_row, date == NULL && *text != '\0');
  if (date != NULL)
    self->year = mops_licence_booking_find_year (self->library, date, &error);

  if (self->year != NULL)
    {
      /* Translators: the first %s is a fiscal year's name ("FY 2026"), the second its
       * currency code */
      g_autofree char *line = g_strdup_printf (_("Lands in %s, whose budget is kept in %s. Booked when you save the licence."),
                                               self->year->name, self->year->currency);

      gtk_label_set_text (self->year_label, line);
    }
  else if (error != NULL)
    {
      gtk_label_set_text (self->year_label, error->message);
    }
  else
    {
      g_autofree char *example = mops_clock_format_local_date ("2026-12-31");
      /* Translators: %s is an example date in the locale's format ("Dec 31, 2026") */
      g_autofree char *line = g_strdup_printf (_("Write the date as a date, such as %s"), example);

      gtk_label_set_text (self->year_label, line);
    }

  code = g_ascii_strup (currency, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->rate_row),
                          self->year != NULL && mops_currency_is_valid (code) &&
                          !g_str_equal (code, self->year->currency));
  if (gtk_widget_get_visible (GTK_WIDGET (self->rate_row)))
    {
      /* Translators: e.g. "Exchange Rate: 1 USD in EUR" */
      g_autofree char *title = g_strdup_printf (_("Exchange Rate: 1 %s in %s"), code, self->year->currency);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), title);
    }

  set_row_error (self->currency_row, *currency != '\0' && !mops_currency_is_valid (code));
}

static void
on_input_changed_cb (MopsBookExpenseDialog *self)
{
  show_error (self, NULL);
  update_year (self);
}

/* What the fields say, checked as mops_licences_book_expense() will check it; NULL (and
 * the reason shown) when something is wrong. */
static MopsPendingBooking *
build_booking (MopsBookExpenseDialog *self)
{
  g_autoptr(MopsPendingBooking) booking = g_new0 (MopsPendingBooking, 1);
  g_autofree char *amount_text = dup_row_text (self->amount_row);
  g_autofree char *currency = dup_row_text (self->currency_row);
  g_autofree char *rate = dup_row_text (self->rate_row);
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->team_row);
  const MopsBookingTeam *team;
  gint64 base_amount = 0;

  if (self->teams == NULL || selected >= self->teams->len)
    {
      show_error (self, _("Choose the team that pays for the licence"));
      return NULL;
    }
  team = g_ptr_array_index (self->teams, selected);
  booking->team_id = team->id;
  booking->team_name = g_strdup (team->name);

  booking->date = dup_date (self);
  if (booking->date == NULL || self->year == NULL)
    {
      set_row_error (self->date_row, TRUE);
      show_error (self, gtk_label_get_text (self->year_label));
      return NULL;
    }
  booking->year_name = g_strdup (self->year->name);

  booking->currency = mops_currency_normalize (currency, &error);
  if (booking->currency == NULL)
    {
      set_row_error (self->currency_row, TRUE);
      show_error (self, error->message);
      return NULL;
    }

  if (!mops_money_parse (amount_text, booking->currency, &booking->amount, &error) || booking->amount <= 0)
    {
      set_row_error (self->amount_row, TRUE);
      show_error (self, error != NULL ? error->message : _("The amount must be more than zero"));
      return NULL;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->rate_row)))
    {
      if (!mops_licence_booking_convert (booking->amount, booking->currency, rate, self->year->currency,
                                         &base_amount, &error))
        {
          set_row_error (self->rate_row, TRUE);
          show_error (self, error->message);
          return NULL;
        }
      booking->rate = g_steal_pointer (&rate);
    }

  return g_steal_pointer (&booking);
}

static void
book_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsBookExpenseDialog *self = MOPS_BOOK_EXPENSE_DIALOG (widget);
  g_autoptr(MopsPendingBooking) booking = build_booking (self);

  if (booking == NULL)
    return;

  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, booking);
  gtk_window_close (GTK_WINDOW (self));
}

/* A row of the "Already Booked" list. */
static GtkWidget *
make_booked_row (const MopsLicenceExpense *expense)
{
  g_autofree char *date = mops_clock_format_local_date (expense->date);
  g_autofree char *amount = mops_money_format (expense->amount, expense->currency, NULL);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (row, expense->team_name);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "data");
  adw_action_row_add_suffix (row, label);
  return GTK_WIDGET (row);
}

/* The licence's bookings: listed, and a second one is said to count the cost twice. */
static void
fill_booked (MopsBookExpenseDialog *self,
             guint                  n_pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expenses = mops_licences_list_expenses (self->library, self->licence_id, &error);

  self->n_booked = n_pending;
  if (expenses != NULL)
    {
      for (guint i = 0; i < expenses->len; i++)
        gtk_list_box_append (self->booked_list, make_booked_row (g_ptr_array_index (expenses, i)));
      self->n_booked += expenses->len;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->booked_group), expenses != NULL && expenses->len > 0);
  if (self->n_booked > 0)
    {
      gtk_label_set_text (self->warning_label,
                          n_pending > 0 && (expenses == NULL || expenses->len == 0)
                          ? _("A booking of this licence already waits for Save: this one replaces it.")
                          : _("This licence is booked already: booking it again counts its cost twice."));
      gtk_widget_set_visible (GTK_WIDGET (self->warning_label), TRUE);
      gtk_button_set_label (self->book_button, _("_Book Again"));
    }
}

static void
fill (MopsBookExpenseDialog *self,
      gint64                 amount,
      const char            *currency,
      guint                  n_pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today = mops_clock_today_string ();
  g_autofree char *today_shown = mops_clock_format_local_date (today);
  gint64 last_team;
  guint selected = 0;

  self->teams = mops_licence_booking_list_teams (self->library, &error);
  if (self->teams == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->book_button), FALSE);
      return;
    }

  last_team = mops_licence_booking_last_team (self->library);
  for (guint i = 0; i < self->teams->len; i++)
    {
      const MopsBookingTeam *team = g_ptr_array_index (self->teams, i);

      gtk_string_list_append (names, team->name);
      if (team->id == last_team)
        selected = i;
    }
  adw_combo_row_set_model (self->team_row, G_LIST_MODEL (names));
  if (self->teams->len > 0)
    adw_combo_row_set_selected (self->team_row, selected);

  /* Today, not the licence's start: a cost is booked when it is paid, in this year. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_shown);
  if (amount > 0 && currency != NULL)
    {
      g_autofree char *decimal = mops_money_to_decimal (amount, currency);

      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), decimal);
      gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
    }

  fill_booked (self, n_pending);
  update_year (self);

  if (self->teams->len == 0)
    {
      show_error (self, _("This library has no teams yet: add one to the budget before booking expenses"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->book_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->team_row), FALSE);
    }
}

static void
mops_book_expense_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_BOOK_EXPENSE_DIALOG);

  G_OBJECT_CLASS (mops_book_expense_dialog_parent_class)->dispose (object);
}

static void
mops_book_expense_dialog_finalize (GObject *object)
{
  MopsBookExpenseDialog *self = (MopsBookExpenseDialog *) object;

  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->year, mops_booking_year_free);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_book_expense_dialog_parent_class)->finalize (object);
}

static void
mops_book_expense_dialog_class_init (MopsBookExpenseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_book_expense_dialog_dispose;
  object_class->finalize = mops_book_expense_dialog_finalize;

  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/licences/mops-book-expense-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, book_button);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, year_label);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, booked_group);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, booked_list);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, MopsBookExpenseDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);

  gtk_widget_class_install_action (widget_class, "booking.book", NULL, book_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mops_book_expense_dialog_init (MopsBookExpenseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->book_button));
}

MopsBookExpenseDialog *
mops_book_expense_dialog_new (GtkWindow   *parent,
                              MopsLibrary *library,
                              gint64       licence_id,
                              gint64       amount,
                              const char  *currency,
                              guint        n_pending)
{
  MopsBookExpenseDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  self = g_object_new (MOPS_TYPE_BOOK_EXPENSE_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->licence_id = licence_id;
  fill (self, amount, currency, n_pending);

  return self;
}
