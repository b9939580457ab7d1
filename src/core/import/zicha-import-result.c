/* zicha-import-result.c — the errors and warnings of an import
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZichaImportResult: the messages found (the first ZICHA_IMPORT_MAX_MESSAGES errors and
 * as many warnings kept, all counted), the counts of each file, and their formatting as
 * FILE:LINE:COLUMN: lines. */
#define G_LOG_DOMAIN "zicha-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zicha-import-private.h"

#define MAX_VALUE_SHOWN 60

static void
message_clear (gpointer data)
{
  ZichaImportMessage *m = data;

  g_free (m->file);
  g_free (m->column);
  g_free (m->message);
  g_free (m->value);
}

static void
status_change_clear (gpointer data)
{
  ZichaImportStatusChange *c = data;

  g_free (c->cert_no);
  g_free (c->file);
  g_free (c->status_before);
  g_free (c->status_after);
}

ZichaImportResult *
_zicha_import_result_new (void)
{
  ZichaImportResult *result = g_new0 (ZichaImportResult, 1);

  result->messages = g_array_new (FALSE, TRUE, sizeof (ZichaImportMessage));
  g_array_set_clear_func (result->messages, message_clear);
  result->status_changes = g_array_new (FALSE, TRUE, sizeof (ZichaImportStatusChange));
  g_array_set_clear_func (result->status_changes, status_change_clear);
  for (guint i = 0; i < ZICHA_N_RECORD_KINDS; i++)
    result->stats[i].kind = i;
  return result;
}

void
zicha_import_result_free (ZichaImportResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->messages);
  g_array_unref (result->status_changes);
  g_free (result);
}

const ZichaImportMessage *
zicha_import_result_get_messages (ZichaImportResult *result,
                                  guint             *n_messages)
{
  g_return_val_if_fail (result != NULL, NULL);
  if (n_messages != NULL)
    *n_messages = result->messages->len;
  return (const ZichaImportMessage *) (gpointer) result->messages->data;
}

guint64
zicha_import_result_get_n_errors (ZichaImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_errors;
}

guint64
zicha_import_result_get_n_warnings (ZichaImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_warnings;
}

const ZichaImportFileStats *
zicha_import_result_get_file_stats (ZichaImportResult *result,
                                    ZichaRecordKind    kind)
{
  g_return_val_if_fail (result != NULL && kind < ZICHA_N_RECORD_KINDS, NULL);
  return &result->stats[kind];
}

const ZichaImportStatusChange *
zicha_import_result_get_status_changes (ZichaImportResult *result,
                                        guint             *n_changes)
{
  g_return_val_if_fail (result != NULL, NULL);
  if (n_changes != NULL)
    *n_changes = result->status_changes->len;
  return (const ZichaImportStatusChange *) (gpointer) result->status_changes->data;
}

gint64
zicha_import_result_get_import_id (ZichaImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->import_id;
}

char *
zicha_import_message_format (const ZichaImportMessage *m)
{
  GString *out;

  g_return_val_if_fail (m != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s:%u:%s: ", m->file, m->line, m->column);
  if (m->is_warning)
    g_string_append (out, "warning: ");
  g_string_append (out, m->message);
  if (m->value != NULL)
    {
      const char *end = m->value;

      for (int i = 0; i < MAX_VALUE_SHOWN && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      g_string_append (out, " (value: \"");
      for (const char *p = m->value; p < end; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append (out, "\")");
    }
  return g_string_free (out, FALSE);
}

char *
zicha_import_result_format_messages (ZichaImportResult *result)
{
  GString *out;
  guint64 more;

  g_return_val_if_fail (result != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < result->messages->len; i++)
    {
      g_autofree char *line =
        zicha_import_message_format (&g_array_index (result->messages, ZichaImportMessage, i));

      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  more = result->n_errors - result->errors_kept;
  if (more > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, more);

      g_string_append_printf (out,
                              /* Translators: after the first 1,000 errors of an import;
                               * %s is a number. */
                              g_dngettext (GETTEXT_PACKAGE, "and %s more error",
                                           "and %s more errors", (gulong) MIN (more, G_MAXULONG)),
                              count);
      g_string_append_c (out, '\n');
    }
  more = result->n_warnings - result->warnings_kept;
  if (more > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, more);

      g_string_append_printf (out,
                              /* Translators: after the first 1,000 warnings of an import;
                               * %s is a number. */
                              g_dngettext (GETTEXT_PACKAGE, "and %s more warning",
                                           "and %s more warnings", (gulong) MIN (more, G_MAXULONG)),
                              count);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Adds a message; takes @message. */
void
_zicha_import_add_message (ZichaImportResult *result,
                           const char        *file,
                           guint              line,
                           const char        *column,
                           char              *message,
                           const char        *value,
                           gboolean           is_warning)
{
  ZichaImportMessage m;

  if (is_warning)
    result->n_warnings++;
  else
    result->n_errors++;
  if ((is_warning ? result->warnings_kept : result->errors_kept) >= ZICHA_IMPORT_MAX_MESSAGES)
    {
      g_free (message);
      return;
    }
  if (is_warning)
    result->warnings_kept++;
  else
    result->errors_kept++;

  m.file = g_strdup (file);
  m.line = line;
  m.column = g_strdup (column != NULL ? column : "-");
  m.message = message;
  m.value = NULL;
  m.is_warning = is_warning;
  if (value != NULL)
    {
      /* Keep a little more than is shown: the formatter cuts to 60 characters. */
      const char *end = value;

      for (int i = 0; i < MAX_VALUE_SHOWN && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      m.value = g_strndup (value, (gsize) (end - value));
    }
  g_array_append_val (result->messages, m);
}

void
_zicha_import_row_error (Importer   *imp,
                         guint       line,
                         const char *column,
                         char       *message,
                         const char *value)
{
  g_mutex_lock (&imp->messages_lock);
  _zicha_import_add_message (imp->result, imp->file_name, line, column, message, value, FALSE);
  g_mutex_unlock (&imp->messages_lock);
}

/* Whether any error was found so far (the writer thread may be adding one). */
gboolean
_zicha_import_has_errors (Importer *imp)
{
  gboolean any;

  g_mutex_lock (&imp->messages_lock);
  any = imp->result->n_errors > 0;
  g_mutex_unlock (&imp->messages_lock);
  return any;
}
