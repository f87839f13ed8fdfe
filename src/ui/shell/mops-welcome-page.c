/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-welcome-page.c — what a window shows for an empty library (or none): demo or folder */

#include "config.h"

#define G_LOG_DOMAIN "mops-welcome-page"

#include <glib/gi18n.h>

#include "mops-welcome-page.h"

struct _MopsWelcomePage
{
  GtkWidget       parent_instance;

  AdwStatusPage  *status_page;
  GtkStack       *stack;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkButton      *demo_button;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (MopsWelcomePage, mops_welcome_page, GTK_TYPE_WIDGET)

static void
mops_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (mops_welcome_page_parent_class)->dispose (object);
}

static void
mops_welcome_page_class_init (MopsWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_welcome_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/shell/mops-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, MopsWelcomePage, stack);
  gtk_widget_class_bind_template_child (widget_class, MopsWelcomePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MopsWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsWelcomePage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, MopsWelcomePage, cancel_button);
}

static void
mops_welcome_page_init (MopsWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mops_welcome_page_set_busy (MopsWelcomePage *self,
                            gboolean         busy)
{
  g_return_if_fail (MOPS_IS_WELCOME_PAGE (self));

  if (busy == mops_welcome_page_get_busy (self))
    return;

  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_label_set_label (self->progress_label, _("Preparing the demo library…"));
      gtk_stack_set_visible_child_name (self->stack, "progress");
      gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "choices");
      gtk_widget_grab_focus (GTK_WIDGET (self->demo_button));
    }
}

gboolean
mops_welcome_page_get_busy (MopsWelcomePage *self)
{
  g_return_val_if_fail (MOPS_IS_WELCOME_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "progress") == 0;
}

void
mops_welcome_page_set_progress (MopsWelcomePage *self,
                                double           fraction,
                                const char      *what)
{
  g_return_if_fail (MOPS_IS_WELCOME_PAGE (self));

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (what != NULL && *what != '\0')
    gtk_label_set_label (self->progress_label, what);
}
