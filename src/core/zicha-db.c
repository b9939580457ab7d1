/* zicha-db.c — STUB (to be replaced by the store implementation)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-db-private.h"
#include "zicha-error.h"

struct _ZichaDb
{
  GObject  parent_instance;
  sqlite3 *handle;
  char    *path;
};

G_DEFINE_FINAL_TYPE (ZichaDb, zicha_db, G_TYPE_OBJECT)

static void
zicha_db_finalize (GObject *object)
{
  ZichaDb *self = ZICHA_DB (object);

  g_clear_pointer (&self->handle, sqlite3_close);
  g_free (self->path);
  G_OBJECT_CLASS (zicha_db_parent_class)->finalize (object);
}

static void
zicha_db_class_init (ZichaDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zicha_db_finalize;
}

static void
zicha_db_init (ZichaDb *self)
{
}

int zicha_db_schema_version (void) { return 1; }

char *
zicha_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "zicha", "zicha.db", NULL);
}

gboolean
zicha_db_probe (const char *path, ZichaDbFileState *out_state, int *out_version, GError **error)
{
  *out_state = ZICHA_DB_FILE_NEW;
  return TRUE;
}

ZichaDb *
zicha_db_open (const char *path, ZichaDbOpenFlags flags, GError **error)
{
  g_autoptr(ZichaDb) self = g_object_new (ZICHA_TYPE_DB, NULL);
  g_autoptr(GBytes) sql = NULL;

  self->path = g_strdup (path);
  if (sqlite3_open (path, &self->handle) != SQLITE_OK)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, "cannot open %s", path);
      return NULL;
    }
  sql = g_resources_lookup_data ("/io/github/zicha/Zicha/core/sql/001-initial.sql", 0, NULL);
  sqlite3_exec (self->handle, g_bytes_get_data (sql, NULL), NULL, NULL, NULL);
  return g_steal_pointer (&self);
}

const char *zicha_db_get_path (ZichaDb *self) { return self->path; }
gboolean zicha_db_get_created (ZichaDb *self) { return FALSE; }
gboolean zicha_db_get_migrated (ZichaDb *self) { return FALSE; }
gboolean zicha_db_get_on_network_fs (ZichaDb *self) { return FALSE; }
char *zicha_db_get_setting (ZichaDb *self, const char *key) { return NULL; }
gboolean zicha_db_set_setting (ZichaDb *self, const char *key, const char *value, GError **error) { return TRUE; }
sqlite3 *zicha_db_get_handle (ZichaDb *self) { return self->handle; }

void
zicha_db_set_error (ZichaDb *self, GError **error, const char *what)
{
  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED, "%s: %s", what, sqlite3_errmsg (self->handle));
}

gboolean zicha_db_exec (ZichaDb *self, const char *sql, GError **error) { return sqlite3_exec (self->handle, sql, NULL, NULL, NULL) == SQLITE_OK; }
gboolean zicha_db_begin (ZichaDb *self, GError **error) { return zicha_db_exec (self, "BEGIN IMMEDIATE", error); }
gboolean zicha_db_commit (ZichaDb *self, GError **error) { return zicha_db_exec (self, "COMMIT", error); }
void zicha_db_rollback (ZichaDb *self) { zicha_db_exec (self, "ROLLBACK", NULL); }
