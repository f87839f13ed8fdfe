/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-ui-test.c — the UI test harness: the real app on a demo library, widgets, screenshots */

#include "config.h"

#define G_LOG_DOMAIN "mops-ui-test"

#include <execinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "demo/mops-demo.h"
#include "mops-ui-test.h"

#define DRAW_TIMEOUT_MS   10000
#define WINDOW_TIMEOUT_MS 10000

static struct
{
  char            *tmp_dir;
  char            *demo_path;
  MopsApplication *application;
  MopsWindow      *window;
  int              result;
  gboolean         started;
} harness;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }

  g_rmdir (path);
}

static void
set_user_dir (const char *variable,
              const char *name)
{
  g_autofree char *path = g_build_filename (harness.tmp_dir, name, NULL);

  g_assert_no_errno (g_mkdir_with_parents (path, 0700));
  g_setenv (variable, path, TRUE);
}

#if !MOPS_SANITIZED
/* A crash in a UI test prints where it happened (sanitizer builds have their own reports):
 * rare crashes on a CI machine can then be read from the log. Async-signal-safe calls only. */
static void
on_fatal_signal (int signum)
{
  static const char header[] = "\n*** mops-ui-test: fatal signal; the stack (addr2line -e PROGRAM for our frames):\n";
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  if (write (STDERR_FILENO, header, sizeof header - 1) < 0)
    _exit (128 + signum);
  backtrace_symbols_fd (frames, n, STDERR_FILENO);

  signal (signum, SIG_DFL);
  raise (signum);
}
#endif

void
mops_ui_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("MOPS_LOCALEDIR");

  harness.tmp_dir = g_dir_make_tmp ("mops-ui-XXXXXX", &error);
  g_assert_no_error (error);

#if !MOPS_SANITIZED
  {
    void *warm_up[1];

    backtrace (warm_up, 1);   /* loads libgcc now, not inside the handler */
    signal (SIGSEGV, on_fatal_signal);
    signal (SIGBUS, on_fatal_signal);
  }
#endif

  /* Before GLib caches any of them. */
  set_user_dir ("HOME", "home");
  set_user_dir ("XDG_DATA_HOME", "home/.local/share");
  set_user_dir ("XDG_CONFIG_HOME", "home/.config");
  set_user_dir ("XDG_CACHE_HOME", "home/.cache");
  set_user_dir ("XDG_STATE_HOME", "home/.local/state");

  /* What main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);

  harness.demo_path = mops_ui_test_make_library ("Demo Library", TRUE);
}

const char *
mops_ui_test_get_tmp_dir (void)
{
  return harness.tmp_dir;
}

const char *
mops_ui_test_get_demo_path (void)
{
  return harness.demo_path;
}

char *
mops_ui_test_make_library (const char *name,
                           gboolean    demo)
{
  g_autofree char *path = g_build_filename (harness.tmp_dir, name, NULL);
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, &error);
  g_assert_no_error (error);

  if (demo)
    {
      mops_demo_generate (library, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  return g_strdup (mops_library_get_path (library));
}

MopsApplication *
mops_ui_test_get_application (void)
{
  return harness.application;
}

MopsWindow *
mops_ui_test_get_window (void)
{
  return harness.window;
}

guint
mops_ui_test_count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (harness.application));
       l != NULL;
       l = l->next)
    n += MOPS_IS_WINDOW (l->data);

  return n;
}

void
mops_ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Wakes the waiting loop now and then: a condition may turn true in another thread with no
 * event for this main context (a worker dropping the last reference to a library releases its
 * lock there), and the loop must still see it. */
static gboolean
on_recheck_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
mops_ui_test_wait_until (MopsUiTestCondition  condition,
                         gpointer             user_data,
                         guint                timeout_ms,
                         const char          *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id;
  guint recheck_id = g_timeout_add (50, on_recheck_cb, NULL);
  gboolean met;

  /* A limit catches a hang; sanitizer builds are 3–5× slower, so theirs are longer. */
#if MOPS_SANITIZED
  timeout_ms *= 3;
#endif
  timeout_id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!(met = condition (user_data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (recheck_id);
  if (!met && !condition (user_data))
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);
  if (!timed_out)
    g_source_remove (timeout_id);
}

static gboolean
widget_is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

typedef struct
{
  gboolean drawn;
} DrawWait;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   DrawWait      *wait)
{
  wait->drawn = TRUE;
}

static gboolean
draw_happened (gpointer user_data)
{
  DrawWait *wait = user_data;

  return wait->drawn;
}

void
mops_ui_test_wait_for_draw (GtkWidget *widget)
{
  DrawWait wait = { FALSE };
  GdkFrameClock *clock;
  gulong handler;

  g_assert_true (GTK_IS_WIDGET (widget));

  mops_ui_test_wait_until (widget_is_mapped, widget, WINDOW_TIMEOUT_MS, "a widget to be mapped");

  /* Full cycles that start after now: anything queued before is in the first one, and what
   * its allocation changes in turn (a view switcher collapsing, a bar appearing) in the
   * second. */
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &wait);
  for (guint frame = 0; frame < 2; frame++)
    {
      wait.drawn = FALSE;
      gtk_widget_queue_draw (widget);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      mops_ui_test_wait_until (draw_happened, &wait, DRAW_TIMEOUT_MS, "a frame to be drawn");
      mops_ui_test_iterate ();
    }
  g_signal_handler_disconnect (clock, handler);

  mops_ui_test_iterate ();
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

/* The window's size on screen: its surface, which includes what CSS puts around the window
 * widget's content box. */
static void
get_surface_size (GtkWidget *window,
                  int       *width,
                  int       *height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  *width = surface != NULL ? gdk_surface_get_width (surface) : 0;
  *height = surface != NULL ? gdk_surface_get_height (surface) : 0;
}

void
mops_ui_test_get_size (GtkWindow *window,
                       int       *width,
                       int       *height)
{
  get_surface_size (GTK_WIDGET (window), width, height);
}

static gboolean
size_reached (gpointer user_data)
{
  SizeWait *wait = user_data;
  int width, height;

  get_surface_size (wait->widget, &width, &height);
  return width == wait->width && height == wait->height;
}

void
mops_ui_test_resize (GtkWindow *window,
                     int        width,
                     int        height)
{
  SizeWait wait = { GTK_WIDGET (window), width, height };
  gboolean timed_out = FALSE;
  guint timeout_id;

  if (gtk_window_is_maximized (window))
    gtk_window_unmaximize (window);

  gtk_window_set_default_size (window, width, height);

  timeout_id = g_timeout_add (WINDOW_TIMEOUT_MS, on_timeout_cb, &timed_out);
  while (!size_reached (&wait) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    {
      int current_width, current_height;

      get_surface_size (GTK_WIDGET (window), &current_width, &current_height);
      g_error ("The window did not resize to %d×%d: it is %d×%d",
               width, height, current_width, current_height);
    }
  g_source_remove (timeout_id);

  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
}

static char *
build_screenshot_path (const char *name)
{
  const char *dir = g_getenv ("MOPS_SCREENSHOT_DIR");
  g_autofree char *file = g_strconcat (name, ".png", NULL);

  if (dir == NULL)
    dir = "screenshots";

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  return g_build_filename (dir, file, NULL);
}

/* A window's size with what CSS draws around its content (the solid-csd frame): that is the
 * paintable's intrinsic size, and the size of its surface. */
static void
get_full_size (GtkWidget *widget,
               int       *width,
               int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  *width = gdk_paintable_get_intrinsic_width (paintable);
  *height = gdk_paintable_get_intrinsic_height (paintable);
}

typedef struct
{
  GtkWidget     *widget;
  GskRenderNode *node;
} Capture;

static void
on_capture_after_paint_cb (GdkFrameClock *clock,
                           Capture       *capture)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;

  if (capture->node != NULL)
    return;

  /* Right after painting, the widget's render node is the frame just drawn; a moment later
   * a queued redraw (a progress bar moving) may have dropped it. */
  paintable = gtk_widget_paintable_new (capture->widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));
  capture->node = gtk_snapshot_free_to_node (snapshot);

  /* Nothing drawn this time: try the next frame. */
  if (capture->node == NULL)
    gtk_widget_queue_draw (capture->widget);
}

static gboolean
capture_done (gpointer user_data)
{
  Capture *capture = user_data;

  return capture->node != NULL;
}

/* The frame @widget (a window) draws next, as a render node of its full size. */
static GskRenderNode *
capture_node (GtkWidget *widget)
{
  Capture capture = { widget, NULL };
  GdkFrameClock *clock;
  gulong handler;

  mops_ui_test_wait_for_draw (widget);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_capture_after_paint_cb),
                              &capture);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  mops_ui_test_wait_until (capture_done, &capture, DRAW_TIMEOUT_MS, "a frame to capture");
  g_signal_handler_disconnect (clock, handler);

  return capture.node;
}

static void
save_node (GskRenderNode *node,
           GtkWidget     *widget,
           const char    *name)
{
  g_autofree char *path = build_screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  int width, height;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);

  get_full_size (widget, &width, &height);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
mops_ui_test_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GskRenderNode) node = capture_node (widget);

  save_node (node, widget, name);
}

void
mops_ui_test_screenshot_dialog (GtkWindow  *parent,
                                GtkWindow  *dialog,
                                const char *name)
{
  g_autoptr(GskRenderNode) parent_node = capture_node (GTK_WIDGET (parent));
  g_autoptr(GskRenderNode) dialog_node = capture_node (GTK_WIDGET (dialog));
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  graphene_point_t offset;
  int parent_width, parent_height, dialog_width, dialog_height;

  get_full_size (GTK_WIDGET (parent), &parent_width, &parent_height);
  get_full_size (GTK_WIDGET (dialog), &dialog_width, &dialog_height);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_node (snapshot, parent_node);

  /* The shell dims the parent of a modal dialog and centres the dialog over it. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.3 },
                             &GRAPHENE_RECT_INIT (0, 0, parent_width, parent_height));
  offset.x = (parent_width - dialog_width) / 2;
  offset.y = (parent_height - dialog_height) / 2;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &offset);
  gtk_snapshot_append_node (snapshot, dialog_node);
  gtk_snapshot_restore (snapshot);

  node = gtk_snapshot_free_to_node (snapshot);
  save_node (node, GTK_WIDGET (parent), name);
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
match_id (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), data) == 0;
}

static gboolean
match_name (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* "_Quit" → "Quit", "__" → "_" */
static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (plain, *++p);
      else if (*p != '_')
        g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

static gboolean
match_button (GtkWidget     *widget,
              gconstpointer  data)
{
  g_autofree char *plain = NULL;
  g_autofree char *wanted = NULL;
  const char *label;

  if (!GTK_IS_BUTTON (widget) || (label = gtk_button_get_label (GTK_BUTTON (widget))) == NULL)
    return FALSE;

  plain = strip_mnemonic (label);
  wanted = strip_mnemonic (data);
  return g_str_equal (plain, wanted);
}

GtkWidget *
mops_ui_test_find_by_type (GtkWidget *root,
                           GType      type)
{
  return find_widget (root, match_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
mops_ui_test_find_by_id (GtkWidget  *root,
                         const char *buildable_id)
{
  return find_widget (root, match_id, buildable_id);
}

GtkWidget *
mops_ui_test_find_by_name (GtkWidget  *root,
                           const char *widget_name)
{
  return find_widget (root, match_name, widget_name);
}

GtkWidget *
mops_ui_test_find_button (GtkWidget  *root,
                          const char *label)
{
  return find_widget (root, match_button, label);
}

GtkWidget *
mops_ui_test_find_label (GtkWidget  *root,
                         const char *text)
{
  return find_widget (root, match_label, text);
}

GtkWindow *
mops_ui_test_find_toplevel (GType      type,
                            GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return window;
    }

  return NULL;
}

typedef struct
{
  GType      type;
  GtkWindow *parent;
} ToplevelWait;

static gboolean
toplevel_appeared (gpointer user_data)
{
  ToplevelWait *wait = user_data;

  return mops_ui_test_find_toplevel (wait->type, wait->parent) != NULL;
}

GtkWindow *
mops_ui_test_wait_for_toplevel (GType      type,
                                GtkWindow *parent)
{
  ToplevelWait wait = { type, parent };
  GtkWindow *window;

  mops_ui_test_wait_until (toplevel_appeared, &wait, WINDOW_TIMEOUT_MS, g_type_name (type));
  window = mops_ui_test_find_toplevel (type, parent);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

/* Gone, or hidden for a window that hides on close (the Keyboard Shortcuts window). */
static gboolean
window_closed (gpointer user_data)
{
  GtkWindow *window = *(GtkWindow **) user_data;

  return window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window));
}

void
mops_ui_test_close_window (GtkWindow *window)
{
  GtkWindow *watched = NULL;

  g_set_weak_pointer (&watched, window);
  gtk_window_close (window);
  mops_ui_test_wait_until (window_closed, &watched, WINDOW_TIMEOUT_MS, "a window to close");
  g_clear_weak_pointer (&watched);
}

void
mops_ui_test_show_page (const char *name)
{
  g_action_group_activate_action (G_ACTION_GROUP (harness.application), "show-page",
                                  g_variant_new_string (name));
  mops_ui_test_wait_for_draw (GTK_WIDGET (harness.window));
}

gboolean
mops_ui_test_activate_accel (GtkWindow  *window,
                             const char *accel)
{
  GtkApplication *application = gtk_window_get_application (window);
  g_auto(GStrv) actions = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_nonnull (application);

  actions = gtk_application_get_actions_for_accel (application, accel);
  if (actions == NULL || actions[0] == NULL)
    return FALSE;

  g_action_parse_detailed_name (actions[0], &name, &target, &error);
  g_assert_no_error (error);

  return gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target);
}

/* Running the application */

static void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (harness.application))) != NULL)
    gtk_window_destroy (windows->data);

  mops_ui_test_iterate ();
}

static gboolean
first_window_has_library (gpointer user_data)
{
  return harness.window != NULL && mops_window_get_library (harness.window) != NULL;
}

static gboolean
run_tests_cb (gpointer user_data)
{
  /* Screenshots show the end of a transition, not its middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  mops_ui_test_wait_until (first_window_has_library, NULL, WINDOW_TIMEOUT_MS,
                           "the window of the demo library");
  mops_ui_test_wait_for_draw (GTK_WIDGET (harness.window));

  harness.result = g_test_run ();

  g_clear_weak_pointer (&harness.window);
  close_all_windows ();
  g_application_release (G_APPLICATION (harness.application));

  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window)
{
  if (harness.started || !MOPS_IS_WINDOW (window))
    return;

  harness.started = TRUE;
  g_set_weak_pointer (&harness.window, MOPS_WINDOW (window));

  /* Closing windows in a test must not end the application under it. */
  g_application_hold (G_APPLICATION (application));
  g_idle_add (run_tests_cb, NULL);
}

int
mops_ui_test_run (void)
{
  char *argv[] = { (char *) "mops", (char *) "--library", harness.demo_path, NULL };
  int status;

  harness.result = 1;
  harness.application = mops_application_new ();
  g_signal_connect (harness.application, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  status = g_application_run (G_APPLICATION (harness.application), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (harness.started);

  g_clear_object (&harness.application);

  remove_tree (harness.tmp_dir);
  g_clear_pointer (&harness.tmp_dir, g_free);
  g_clear_pointer (&harness.demo_path, g_free);

  return harness.result;
}
