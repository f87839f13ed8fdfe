/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-content-item-editor.h — the window that creates, edits and deletes a content item */

#pragma once

#include <adwaita.h>

#include "core/mops-calendar.h"
#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_CONTENT_ITEM_EDITOR (mops_content_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (MopsContentItemEditor, mops_content_item_editor, MOPS, CONTENT_ITEM_EDITOR, AdwWindow)

/* An editor over item @id of @library (0: a new item, published on @date "YYYY-MM-DD" when
 * not NULL), modal over @parent. @channels (MopsChannel) and @campaigns (MopsCampaign) are
 * what the choosers offer; the editor keeps a reference to both arrays. It loads the item
 * in a worker, writes it in one on Save, and stays open with its edits when that fails.
 * Emits "saved" (the item's id) when written and "delete-requested" (id, title) for
 * Delete: the page deletes, so that its toast can undo. */
MopsContentItemEditor *mops_content_item_editor_new (GtkWindow   *parent,
                                                     MopsLibrary *library,
                                                     gint64       id,
                                                     const char  *date,
                                                     GPtrArray   *channels,
                                                     GPtrArray   *campaigns);

/* The translated name of @status ("In Review"), as the calendar shows it. */
const char *mops_content_status_get_label (MopsContentStatus status);

/* TRUE while the item loads or is being written. */
gboolean mops_content_item_editor_is_busy (MopsContentItemEditor *self);

G_END_DECLS
