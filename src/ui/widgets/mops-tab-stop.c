/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-tab-stop.c — a list or grid that is one Tab stop, as in GNOME's own apps */

#include "config.h"

#define G_LOG_DOMAIN "mops-tab-stop"

#include "mops-tab-stop.h"

/* While the list cannot take the focus, GTK's own focus chain passes over it and every row
 * in it: the move lands on the widget after (or before) it. */
static gboolean
on_tab_cb (GtkWidget *list,
           GVariant  *args,
           gpointer   user_data)
{
  GtkDirectionType direction = (GtkDirectionType) GPOINTER_TO_INT (user_data);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean moved;

  if (focus == NULL || (focus != list && !gtk_widget_is_ancestor (focus, list)))
    return FALSE;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);

  /* Nothing else to go to: the focus stays where it was. */
  if (!moved)
    gtk_widget_grab_focus (focus);

  return TRUE;
}

void
mops_tab_stop_install (GtkWidget *list)
{
  static const struct { guint keyval; GdkModifierType mods; GtkDirectionType direction; } keys[] = {
    { GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_KP_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_ISO_Left_Tab, 0, GTK_DIR_TAB_BACKWARD },
  };
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (list));

  /* Capture phase: before the rows' own handling of Tab. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].mods),
                                                            gtk_callback_action_new (on_tab_cb,
                                                                                     GINT_TO_POINTER (keys[i].direction),
                                                                                     NULL)));
  gtk_widget_add_controller (list, controller);
}
