/* zicha-plans-ui.c — what the widgets and dialogs of the plans page share
 *
 * Copyright 2026 The Zicha developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See zicha-plans-ui-private.h. */
#define G_LOG_DOMAIN "zicha-plans"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-page.h"
#include "zicha-plans-ui-private.h"

/* The page --------------------------------------------------------------------------------- */

ZichaPlansPage *
_zicha_plans_ui_get_page (GtkWidget *widget)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, ZICHA_TYPE_PLANS_PAGE);

  return page != NULL ? ZICHA_PLANS_PAGE (page) : NULL;
}

char *
_zicha_plans_ui_user_name (ZichaPlansPage *page)
{
  return page != NULL ? zicha_page_get_user_name (ZICHA_PAGE (page))
                      : zicha_session_get_default_user_name ();
}

void
_zicha_plans_ui_changed (ZichaPlansPage   *page,
                         ZichaChangeFlags  what)
{
  if (page != NULL)
    zicha_page_emit_changed (ZICHA_PAGE (page), what);
}

AdwToast *
_zicha_plans_ui_toast (ZichaPlansPage *page,
                       const char     *title)
{
  return page != NULL ? zicha_plans_page_show_toast (page, title) : NULL;
}

GtkWindow *
_zicha_plans_ui_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Dates and lists -------------------------------------------------------------------------- */

void
_zicha_plans_ui_today (ZichaDb *db,
                       char     out[11])
{
  g_autofree char *demo_today = db != NULL ? zicha_db_get_setting (db, "demo-today") : NULL;

  if (demo_today != NULL && strlen (demo_today) == 10
      && zicha_day_from_string (demo_today) != G_MININT)
    g_strlcpy (out, demo_today, 11);
  else
    zicha_today (out);
}

gboolean
_zicha_plans_ui_date_ok (const char *text)
{
  return text == NULL || *text == '\0'
         || (strlen (text) == 10 && zicha_day_from_string (text) != G_MININT);
}

GStrv
_zicha_plans_ui_split_list (const char *text,
                            gboolean    upper)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);
  guint n = 0;

  if (text == NULL)
    return NULL;
  /* separators: white space, commas, semicolons and the enumeration comma, in both widths */
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c) || c == ',' || c == ';' || c == 0x3001
          || c == 0xFF0C || c == 0xFF1B)
        {
          if (word->len > 0)
            {
              g_autofree char *up = upper ? g_ascii_strup (word->str, -1) : NULL;

              g_strv_builder_add (builder, up != NULL ? up : word->str);
              g_string_truncate (word, 0);
              n++;
            }
          if (c == 0)
            break;
        }
      else
        g_string_append_unichar (word, c);
    }
  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

char *
_zicha_plans_ui_join_list (const char * const *list,
                           const char         *separator)
{
  if (list == NULL || list[0] == NULL)
    return g_strdup ("");
  return g_strjoinv (separator, (char **) list);
}

/* Labels ---------------------------------------------------------------------------------- */

char *
_zicha_plans_ui_format_person (const char *name,
                               const char *person_id)
{
  if (name == NULL || *name == '\0')
    return g_strdup (person_id != NULL ? person_id : "");
  if (person_id == NULL || *person_id == '\0')
    return g_strdup (name);
  /* Translators: a person of the body: %1$s their name, %2$s their id (工号) */
  return g_strdup_printf (_("%1$s (%2$s)"), name, person_id);
}

GtkStringList *
_zicha_plans_ui_area_model (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (ZichaRuleArea a = ZICHA_RULE_AREA_LEGAL; a <= ZICHA_RULE_AREA_CAPABILITY; a++)
    gtk_string_list_append (model, zicha_rule_area_get_label (a));
  return model;
}

const char *
_zicha_plans_ui_conclusion_label (ZichaCheckConclusion conclusion)
{
  return zicha_check_conclusion_get_label (conclusion);
}

GtkStringList *
_zicha_plans_ui_conclusion_model (gboolean not_applicable)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  /* Translators: the conclusion of a check not given yet */
  gtk_string_list_append (model, _("Not concluded yet"));
  gtk_string_list_append (model, zicha_check_conclusion_get_label (ZICHA_CHECK_CONFORMING));
  gtk_string_list_append (model, zicha_check_conclusion_get_label (ZICHA_CHECK_NONCONFORMING));
  if (not_applicable)
    gtk_string_list_append (model,
                            zicha_check_conclusion_get_label (ZICHA_CHECK_NOT_APPLICABLE));
  return model;
}

/* A calendar beside a date -------------------------------------------------------------- */

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_calendar_shown_cb (GtkPopover  *popover,
                      AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint y, m, d;

  if (strlen (text) == 10 && zicha_day_from_string (text) != G_MININT)
    {
      g_autoptr(GDateTime) date = NULL;

      zicha_day_to_ymd (zicha_day_from_string (text), &y, &m, &d);
      date = g_date_time_new_local (y, m, d, 0, 0, 0);
      g_signal_handlers_block_by_func (calendar, on_calendar_day_selected_cb, row);
      gtk_calendar_select_day (calendar, date);
      g_signal_handlers_unblock_by_func (calendar, on_calendar_day_selected_cb, row);
    }
}

void
_zicha_plans_ui_add_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a day"));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb),
                           row, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_shown_cb), row, 0);
  adw_entry_row_add_suffix (row, button);
}

/* Texts ------------------------------------------------------------------------------------ */

char *
_zicha_plans_ui_text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
_zicha_plans_ui_text_view_set (GtkTextView *view,
                               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

char *
_zicha_plans_ui_editable_get (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Problems -------------------------------------------------------------------------------- */

GHashTable *
_zicha_plans_ui_problems_by_item (ZichaDb            *db,
                                  ZichaProblemSource  source)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  ZichaProblemFilter filter = { 0 };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return table;
  filter.source = zicha_problem_source_to_string (source);
  problems = zicha_problems_query (db, &filter, ZICHA_PROBLEM_ORDER_NUMBER, FALSE, &error);
  if (problems == NULL)
    {
      g_warning ("%s", error->message);
      return table;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      ZichaProblem *problem = g_ptr_array_index (problems, i);
      gint64 item = source == ZICHA_PROBLEM_SOURCE_CHECKLIST ? problem->checklist_item
                                                             : problem->sample_item;
      GPtrArray *list;

      if (item <= 0)
        continue;
      list = g_hash_table_lookup (table, &item);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) zicha_problem_free);
          g_hash_table_insert (table, g_memdup2 (&item, sizeof item), list);
        }
      g_ptr_array_add (list, zicha_problem_copy (problem));
    }
  return table;
}

static void
on_problem_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "zicha-problem");

  /* the problem page's action (the window has it once that page is there) */
  if (!gtk_widget_activate_action (GTK_WIDGET (button), "win.show-problem", "x", *id))
    g_debug ("win.show-problem is not there");
}

GtkWidget *
_zicha_plans_ui_problem_button (const ZichaProblem *problem)
{
  GtkWidget *button = gtk_button_new_with_label (problem->number);
  g_autofree char *tooltip = NULL;

  /* Translators: the tooltip of a problem's number: %1$s its title, %2$s its state */
  tooltip = g_strdup_printf (_("%1$s (%2$s): show it in the problem list"),
                             problem->title != NULL ? problem->title : "",
                             zicha_problem_state_get_label (problem->state));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "zicha-link");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "zicha-problem",
                          g_memdup2 (&problem->id, sizeof problem->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_problem_clicked_cb), NULL);
  return button;
}

/* Confirmations --------------------------------------------------------------------------- */

typedef struct
{
  ZichaPlansConfirmFunc func;
  gpointer              data;
  GDestroyNotify        destroy;
} Confirm;

static void
confirm_free (gpointer  data,
              GClosure *closure)
{
  Confirm *confirm = data;

  if (confirm->destroy != NULL)
    confirm->destroy (confirm->data);
  g_free (confirm);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Confirm          *confirm)
{
  if (g_str_equal (response, "go"))
    confirm->func (confirm->data);
}

AdwMessageDialog *
_zicha_plans_ui_confirm (GtkWidget             *parent,
                         const char            *heading,
                         const char            *body,
                         const char            *action_label,
                         ZichaPlansConfirmFunc  func,
                         gpointer               user_data,
                         GDestroyNotify         destroy)
{
  GtkWidget *dialog;
  Confirm *confirm = g_new0 (Confirm, 1);

  confirm->func = func;
  confirm->data = user_data;
  confirm->destroy = destroy;

  dialog = adw_message_dialog_new (_zicha_plans_ui_window (parent), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "go", action_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response_cb), confirm,
                         confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
