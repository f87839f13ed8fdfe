/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-ui-test.h — the UI test harness: the real app on a demo library, widgets, screenshots
 *
 * A UI test program looks like this:
 *
 *   int
 *   main (int argc, char *argv[])
 *   {
 *     mops_ui_test_init (&argc, &argv);
 *     g_test_add_func ("/shell/pages/visit-each", test_pages_visit_each);
 *     return mops_ui_test_run ();
 *   }
 *
 * mops_ui_test_run() starts MopsApplication the way `mops --library DEMO` does and runs the
 * tests inside its main loop once the first window is drawn; test functions drive the app
 * through actions, wait with the helpers below and save screenshots to $MOPS_SCREENSHOT_DIR. */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"
#include "ui/shell/mops-application.h"
#include "ui/shell/mops-window.h"

G_BEGIN_DECLS

/* Call first in main(), before anything reads GLib's user folders: makes a temporary home
 * (HOME, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_STATE_HOME), sets up
 * translations as main.c does (MOPS_LOCALEDIR, LANGUAGE), calls g_test_init() and generates
 * the demo library the app will start on. */
void             mops_ui_test_init              (int          *argc,
                                                 char       ***argv);

/* Runs `mops --library <demo library>` through g_application_run(); once its window is
 * mapped and drawn, runs g_test_run() inside the application's main loop, then closes every
 * window, lets the application finish and removes the temporary home. Returns the exit
 * status of g_test_run(). */
int              mops_ui_test_run               (void);

/* The temporary home and the demo library the app started on. */
const char      *mops_ui_test_get_tmp_dir       (void);
const char      *mops_ui_test_get_demo_path     (void);

/* A new library folder @name in the temporary home: with @demo it holds the demo data,
 * else it is a new empty library. Not locked: the app can open it. Free with g_free(). */
char            *mops_ui_test_make_library      (const char   *name,
                                                 gboolean      demo);

MopsApplication *mops_ui_test_get_application   (void);

/* The window the app opened on the demo library. */
MopsWindow      *mops_ui_test_get_window        (void);

/* The number of MopsWindows of the application. */
guint            mops_ui_test_count_windows     (void);

/* Activates app.show-page with @name and waits for the window to draw. */
void             mops_ui_test_show_page         (const char   *name);

/* Activates what the application binds to @accel (e.g. "<Control>2") in @window, the way
 * the key press would. FALSE when nothing is bound to it. */
gboolean         mops_ui_test_activate_accel    (GtkWindow    *window,
                                                 const char   *accel);

/* Dispatches every pending event and idle. */
void             mops_ui_test_iterate           (void);

typedef gboolean (*MopsUiTestCondition) (gpointer user_data);

/* Runs the main loop until @condition holds; fails the test after @timeout_ms. */
void             mops_ui_test_wait_until        (MopsUiTestCondition  condition,
                                                 gpointer             user_data,
                                                 guint                timeout_ms,
                                                 const char          *what);

/* Waits until @widget is mapped and its frame clock has run a full style, layout and
 * draw cycle. */
void             mops_ui_test_wait_for_draw     (GtkWidget    *widget);

/* Resizes @window to @width × @height and waits until it has that size and is drawn. */
void             mops_ui_test_resize            (GtkWindow    *window,
                                                 int           width,
                                                 int           height);

/* The size of @window on screen (its surface), CSS frame included. */
void             mops_ui_test_get_size          (GtkWindow    *window,
                                                 int          *width,
                                                 int          *height);

/* Renders @widget (a window) to $MOPS_SCREENSHOT_DIR/@name.png. */
void             mops_ui_test_screenshot        (GtkWidget    *widget,
                                                 const char   *name);

/* Renders @parent with @dialog centred over it, as a person sees a modal dialog, to
 * $MOPS_SCREENSHOT_DIR/@name.png. */
void             mops_ui_test_screenshot_dialog (GtkWindow    *parent,
                                                 GtkWindow    *dialog,
                                                 const char   *name);

/* Depth-first searches of @root and its descendants (@root included). */
GtkWidget       *mops_ui_test_find_by_type      (GtkWidget    *root,
                                                 GType         type);
GtkWidget       *mops_ui_test_find_by_id        (GtkWidget    *root,
                                                 const char   *buildable_id);
GtkWidget       *mops_ui_test_find_by_name      (GtkWidget    *root,
                                                 const char   *widget_name);

/* The first GtkButton under @root labelled @label; mnemonic underscores do not count
 * ("_Quit" finds "Quit" and "_Quit"). */
GtkWidget       *mops_ui_test_find_button       (GtkWidget    *root,
                                                 const char   *label);

/* The first mapped GtkLabel under @root whose text contains @text, or NULL. */
GtkWidget       *mops_ui_test_find_label        (GtkWidget    *root,
                                                 const char   *text);

/* The first visible toplevel of @type (an AdwMessageDialog, AdwAboutWindow …) that is
 * transient for @parent (any parent when NULL), or NULL. */
GtkWindow       *mops_ui_test_find_toplevel     (GType         type,
                                                 GtkWindow    *parent);

/* Waits for a toplevel as mops_ui_test_find_toplevel() finds it; fails after a few seconds. */
GtkWindow       *mops_ui_test_wait_for_toplevel (GType         type,
                                                 GtkWindow    *parent);

/* Closes @window as its close button would and waits until it is gone (or hidden, when it
 * hides on close). */
void             mops_ui_test_close_window      (GtkWindow    *window);

/* Real input (mops-ui-test-input.c): keys and clicks made through the X server (XTest), which
 * reach the app as a person's do — the focused widget's key bindings and GTK's own shortcuts
 * included — and are dispatched before these return. */

/* Gives @window the keyboard focus (Xvfb has no window manager to do it). */
void             mops_ui_test_focus_window      (GtkWindow    *window);

/* Presses and releases @accel ("<Control><Shift>i", "space", "Escape", "Tab", "Down") with
 * @widget focused (it is given the focus when it can take it). */
void             mops_ui_test_press_keys        (GtkWidget    *widget,
                                                 const char   *accel);

/* Types @text key by key into the focused @widget. */
void             mops_ui_test_type_text         (GtkWidget    *widget,
                                                 const char   *text);

/* Moves the pointer to (@x, @y) in @widget's coordinates (negative: the middle) and clicks
 * the primary button once or twice, or the secondary button. */
void             mops_ui_test_click             (GtkWidget    *widget,
                                                 double        x,
                                                 double        y);
void             mops_ui_test_double_click      (GtkWidget    *widget,
                                                 double        x,
                                                 double        y);
void             mops_ui_test_right_click       (GtkWidget    *widget,
                                                 double        x,
                                                 double        y);

G_END_DECLS
