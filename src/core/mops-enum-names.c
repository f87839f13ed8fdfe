/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-enum-names.c — stable names of core's enums, from the types mkenums registers */

#include "config.h"

#define G_LOG_DOMAIN "mops-enum-names"

#include "mops-enum-names-private.h"

/* ASCII case-insensitive, with "-" and "_" the same letter. */
static gboolean
names_equal (const char *input,
             const char *name)
{
  for (; *input != '\0' && *name != '\0'; input++, name++)
    {
      char a = g_ascii_tolower (*input == '-' ? '_' : *input);
      char b = g_ascii_tolower (*name == '-' ? '_' : *name);

      if (a != b)
        return FALSE;
    }

  return *input == '\0' && *name == '\0';
}

/* Classes of static types are never finalized: their values and nicks stay valid. */
const char *
mops_enum_to_name (GType type,
                   int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
mops_enum_from_name (GType       type,
                     const char *name,
                     int        *out_value)
{
  GEnumClass *klass;
  gboolean found = FALSE;

  if (name == NULL || *name == '\0')
    return FALSE;

  klass = g_type_class_ref (type);
  for (guint i = 0; i < klass->n_values && !found; i++)
    if (names_equal (name, klass->values[i].value_nick))
      {
        if (out_value != NULL)
          *out_value = klass->values[i].value;
        found = TRUE;
      }
  g_type_class_unref (klass);
  return found;
}

const char *
mops_flag_to_name (GType type,
                   guint flag)
{
  GFlagsClass *klass;
  const char *name = NULL;

  klass = g_type_class_ref (type);
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == flag)
      name = klass->values[i].value_nick;
  g_type_class_unref (klass);
  return name;
}

gboolean
mops_flag_from_name (GType       type,
                     const char *name,
                     guint      *out_flag)
{
  GFlagsClass *klass;
  gboolean found = FALSE;

  if (name == NULL || *name == '\0')
    return FALSE;

  klass = g_type_class_ref (type);
  for (guint i = 0; i < klass->n_values && !found; i++)
    if (names_equal (name, klass->values[i].value_nick))
      {
        if (out_flag != NULL)
          *out_flag = klass->values[i].value;
        found = TRUE;
      }
  g_type_class_unref (klass);
  return found;
}
