/* zicha-record-row.c — one record of a list
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zicha-record-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-record-query.h"
#include "zicha-record-row.h"

struct _ZichaRecordRow
{
  GObject          parent_instance;

  ZichaRecordKind  kind;
  gint64           id;
  char           **values;
  guint            n_values;
  char            *title;
};

G_DEFINE_FINAL_TYPE (ZichaRecordRow, zicha_record_row, G_TYPE_OBJECT)

static void
zicha_record_row_finalize (GObject *object)
{
  ZichaRecordRow *self = ZICHA_RECORD_ROW (object);

  g_strfreev (self->values);
  g_free (self->title);

  G_OBJECT_CLASS (zicha_record_row_parent_class)->finalize (object);
}

static void
zicha_record_row_class_init (ZichaRecordRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zicha_record_row_finalize;
}

static void
zicha_record_row_init (ZichaRecordRow *self)
{
}

ZichaRecordKind
zicha_record_row_get_kind (ZichaRecordRow *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), ZICHA_N_RECORD_KINDS);
  return self->kind;
}

gint64
zicha_record_row_get_id (ZichaRecordRow *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), 0);
  return self->id;
}

const char *
zicha_record_row_get_value (ZichaRecordRow *self,
                            guint           column)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), NULL);

  if (column >= self->n_values || self->values[column] == NULL)
    return "";
  return self->values[column];
}

const char *
zicha_record_row_get_title (ZichaRecordRow *self)
{
  g_return_val_if_fail (ZICHA_IS_RECORD_ROW (self), NULL);
  return self->title != NULL ? self->title : "";
}

/* A row from a statement whose column 0 is the id and 1… the columns of the kind. */
ZichaRecordRow *
_zicha_record_row_new_from_stmt (ZichaRecordKind  kind,
                                 gint64           id,
                                 sqlite3_stmt    *stmt)
{
  const ZichaKindQuery *info = zicha_kind_query_get (kind);
  ZichaRecordRow *row = g_object_new (ZICHA_TYPE_RECORD_ROW, NULL);

  row->kind = kind;
  row->id = id;
  row->n_values = info->n_columns;
  row->values = g_new0 (char *, info->n_columns + 1);

  for (guint i = 0; i < info->n_columns; i++)
    {
      if (stmt != NULL)
        row->values[i] = zicha_record_format_value (&info->columns[i].fmt, stmt, (int) i + 1);
      else
        row->values[i] = g_strdup ("");
    }

  if (info->title_columns[1] >= 0
      && row->values[info->title_columns[1]][0] != '\0')
    row->title = g_strdup_printf ("%s %s", row->values[info->title_columns[0]],
                                  row->values[info->title_columns[1]]);
  else
    row->title = g_strdup (row->values[info->title_columns[0]]);

  return row;
}

