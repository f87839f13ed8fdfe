/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-ui-test-input.c — real keyboard and mouse input for UI tests, through the X server */

#include "config.h"

#define G_LOG_DOMAIN "mops-ui-test"

#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

#include "mops-ui-test.h"

/* Events made with XTest come back from the X server like a person's keys and clicks: they
 * go through GTK's whole event path — the focused widget's own key bindings, GTK's own
 * shortcuts (the Inspector's Ctrl+Shift+I), gestures — which activating an action skips.
 * UI tests run under Xvfb with GDK_BACKEND=x11 (tests/ui/run-ui-test.sh). */

#define FOCUS_TIMEOUT_MS 5000

static Display *
x_display_of (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

/* Lets the X server take the fake events, then GTK read and dispatch what they caused. */
static void
settle (Display *dpy)
{
  XSync (dpy, False);
  mops_ui_test_iterate ();
  /* A key or click may start work that reports on idle (a popover opens, a page swaps). */
  mops_ui_test_iterate ();
}

static gboolean
window_is_active (gpointer user_data)
{
  return gtk_window_is_active (GTK_WINDOW (user_data));
}

void
mops_ui_test_focus_window (GtkWindow *window)
{
  Display *dpy = x_display_of (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_nonnull (surface);
  gtk_window_present (window);
  /* Xvfb runs no window manager: the test gives the keyboard focus itself. */
  XRaiseWindow (dpy, gdk_x11_surface_get_xid (surface));
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (dpy, False);
  mops_ui_test_wait_until (window_is_active, window, FOCUS_TIMEOUT_MS, "the window to have the keyboard focus");
}

static void
press_modifiers (Display         *dpy,
                 GdkModifierType  mods,
                 Bool             down)
{
  static const struct { GdkModifierType mask; KeySym keysym; } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L },
    { GDK_SHIFT_MASK, XK_Shift_L },
    { GDK_ALT_MASK, XK_Alt_L },
    { GDK_SUPER_MASK, XK_Super_L },
  };

  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, modifiers[i].keysym), down, CurrentTime);
}

void
mops_ui_test_press_keys (GtkWidget  *widget,
                         const char *accel)
{
  Display *dpy = x_display_of (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint keyval = 0;
  GdkModifierType mods = 0;
  KeyCode keycode;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  keycode = XKeysymToKeycode (dpy, (KeySym) keyval);
  g_assert_cmpuint (keycode, !=, 0);

  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    mops_ui_test_focus_window (GTK_WINDOW (root));
  if (!gtk_widget_has_focus (widget) && gtk_widget_get_focusable (widget))
    gtk_widget_grab_focus (widget);

  press_modifiers (dpy, mods, True);
  XTestFakeKeyEvent (dpy, keycode, True, CurrentTime);
  XTestFakeKeyEvent (dpy, keycode, False, CurrentTime);
  press_modifiers (dpy, mods, False);
  settle (dpy);
}

void
mops_ui_test_type_text (GtkWidget  *widget,
                        const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint keyval = gdk_unicode_to_keyval (c);
      g_autofree char *name = NULL;

      if (g_unichar_isupper (c))
        name = g_strdup_printf ("<Shift>%s", gdk_keyval_name (gdk_keyval_to_lower (keyval)));
      else
        name = g_strdup (gdk_keyval_name (keyval));
      g_assert_nonnull (name);
      mops_ui_test_press_keys (widget, name);
    }
}

/* @x, @y in @widget's coordinates as X root-window coordinates. */
static void
to_root (GtkWidget *widget,
         double     x,
         double     y,
         int       *out_x,
         int       *out_y)
{
  Display *dpy = x_display_of (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  double nx = 0, ny = 0, sx = 0, sy = 0;
  Window child;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &nx, &ny));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (surface), DefaultRootWindow (dpy),
                         (int) (nx + sx + 0.5), (int) (ny + sy + 0.5), out_x, out_y, &child);
}

static void
click (GtkWidget *widget,
       double     x,
       double     y,
       guint      button,
       guint      n_clicks)
{
  Display *dpy = x_display_of (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  int rx, ry;

  g_assert_true (gtk_widget_get_mapped (widget));
  if (x < 0)
    x = gtk_widget_get_width (widget) / 2.0;
  if (y < 0)
    y = gtk_widget_get_height (widget) / 2.0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    mops_ui_test_focus_window (GTK_WINDOW (root));

  to_root (widget, x, y, &rx, &ry);
  XTestFakeMotionEvent (dpy, -1, rx, ry, CurrentTime);
  XSync (dpy, False);
  mops_ui_test_iterate ();
  for (guint i = 0; i < n_clicks; i++)
    {
      XTestFakeButtonEvent (dpy, button, True, CurrentTime);
      XTestFakeButtonEvent (dpy, button, False, CurrentTime);
    }
  settle (dpy);
}

void
mops_ui_test_click (GtkWidget *widget,
                    double     x,
                    double     y)
{
  click (widget, x, y, 1, 1);
}

void
mops_ui_test_double_click (GtkWidget *widget,
                           double     x,
                           double     y)
{
  click (widget, x, y, 1, 2);
}

void
mops_ui_test_right_click (GtkWidget *widget,
                          double     x,
                          double     y)
{
  click (widget, x, y, 3, 1);
}
