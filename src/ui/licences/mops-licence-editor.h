/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-editor.h — the window that creates or edits one licence */

#pragma once

#include <adwaita.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_LICENCE_EDITOR (mops_licence_editor_get_type ())

G_DECLARE_FINAL_TYPE (MopsLicenceEditor, mops_licence_editor, MOPS, LICENCE_EDITOR, AdwWindow)

/* A modal window over @parent that edits licence @licence_id of @library, or creates a new
 * one when @licence_id is 0 (then it offers presets: "Owned by us", "Royalty-free stock",
 * "CC BY 4.0", "Rights-managed").
 *
 * @asset_ids (@n_asset_ids of them, may be NULL/0) are listed under "Assets" and attached to
 * the licence when it is saved, beside those it already covers: pass a multi-selection to
 * give fifty photos one licence. Nothing is written until Save (Ctrl+S); Cancel and Escape
 * close without writing. "Confirm" on a licence pre-filled from file metadata writes at once
 * (mops_licences_confirm_async()); "Book as Expense…" opens a dialog whose booking Save writes
 * with the licence, in the same transaction (mops_licences_save_async()).
 *
 * Signals:
 *  - "saved" (gint64 licence_id): after Save wrote the licence (the window then closes),
 *    and after Confirm or a booked expense (the window stays open);
 *  - "deleted" (gint64 licence_id): after Delete (the window then closes).
 *
 * Reading and writing happen in workers (mops_licences_load_async(), _save_async() …): the
 * fields show once the licence has loaded; a Save that fails (the library stayed locked by
 * another writer, say) leaves the window open with what was typed and says why. Closing
 * the window cancels what it was doing.
 *
 * Call gtk_window_present() on the result; the window destroys itself when closed. An
 * unknown @licence_id shows the error in the window instead of the fields. */
MopsLicenceEditor *mops_licence_editor_new            (GtkWindow         *parent,
                                                       MopsLibrary       *library,
                                                       gint64             licence_id,
                                                       const gint64      *asset_ids,
                                                       guint              n_asset_ids);

/* The licence being edited, 0 while a new one is unsaved. */
gint64             mops_licence_editor_get_licence_id (MopsLicenceEditor *self);

/* TRUE while the licence and its expenses load in workers (a spinner shows instead of the
 * fields); a new licence's editor never loads. */
gboolean           mops_licence_editor_is_loading     (MopsLicenceEditor *self);

/* TRUE while Save (or Delete, Confirm) is being written in a worker: the Save button shows a
 * spinner and takes no second Save; the window stays responsive. */
gboolean           mops_licence_editor_is_saving      (MopsLicenceEditor *self);

/* TRUE while "Attach Contract…" imports the chosen file. */
gboolean           mops_licence_editor_is_busy        (MopsLicenceEditor *self);

/* Imports the file @file as the contract (what "Attach Contract…" does after its file
 * chooser): in a worker, then it is shown with Open and Remove and linked on Save. */
void               mops_licence_editor_attach_contract (MopsLicenceEditor *self,
                                                        GFile             *file);

G_END_DECLS
