/* zicha-change-log.h — the change history (操作留痕): one function writes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change a user makes is appended to the change_log table inside the transaction of the
 * change itself: who (the user name of Preferences), when, what (an entity and its key) and
 * the row before and after, as JSON objects of its columns. Domain code reads a row's values
 * with zicha_change_log_row_json () before and after it changes the row, and appends with
 * zicha_change_log_append (). A later version chains the entries by hash. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

typedef enum
{
  ZICHA_CHANGE_CREATE,
  ZICHA_CHANGE_UPDATE,
  ZICHA_CHANGE_DELETE,
} ZichaChangeAction;

/* Appends one entry, inside the caller's transaction (the caller has begun it). @entity is
 * a fixed name ("plan", "problem", "hit" …), @key the row's id or key, @old_values and
 * @new_values JSON objects (NULL for a created or deleted row). An update whose old and new
 * values are the same text is not written (TRUE). @user_name NULL or empty is "?". */
gboolean   zicha_change_log_append     (ZichaDb            *db,
                                        const char         *user_name,
                                        const char         *entity,
                                        const char         *key,
                                        ZichaChangeAction   action,
                                        const char         *old_values,
                                        const char         *new_values,
                                        GError            **error);

/* The row @id of @table as a JSON object of all its columns, in table order ({"id":3,
 * "title":"…","due_on":null}); integers as numbers, everything else as strings; NULL when
 * there is no such row. @table is one of Zicha's own table names, never user input. */
char      *zicha_change_log_row_json   (ZichaDb            *db,
                                        const char         *table,
                                        gint64              id);

/* One entry, for the history and for tests. */
typedef struct
{
  gint64             id;
  char              *at;
  char              *user_name;
  char              *entity;
  char              *entity_key;
  ZichaChangeAction  action;
  char              *old_values;
  char              *new_values;
} ZichaChangeEntry;

void       zicha_change_entry_free     (ZichaChangeEntry   *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaChangeEntry, zicha_change_entry_free)

/* The entries of @entity (and @key, unless NULL), oldest first; NULL @entity: all. A
 * GPtrArray of ZichaChangeEntry. */
GPtrArray *zicha_change_log_list       (ZichaDb            *db,
                                        const char         *entity,
                                        const char         *key,
                                        GError            **error);

const char *zicha_change_action_to_string (ZichaChangeAction action);

G_END_DECLS
