/*
 * jsonpos.h - reading JSON files with positions.  cJSON reports where a
 * parse stopped but not why, and its error pointer is global; these helpers
 * parse with cJSON_ParseWithLengthOpts and turn offsets into line:column,
 * after checking what cJSON does not: valid UTF-8, no NUL bytes, a sane
 * nesting depth.
 */
#ifndef RC_JSONPOS_H
#define RC_JSONPOS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "err.h"
#include "file.h"
#include "utf8.h"

#define RC_JSON_MAX_DEPTH 64

/* Parses TEXT (LEN bytes, with a NUL at TEXT[LEN]) read from NAME.  Returns the tree (free it with
 * cJSON_Delete) or adds "NAME:LINE:COL: what" to ERR and returns NULL. */
cJSON *rc_json_parse(const char *name, const char *text, size_t len,
                     struct rc_err *err);

/* Line and column (both from 1; columns count characters) of byte OFF. */
void rc_json_linecol(const char *text, size_t len, size_t off, int *line,
                     int *col);

#endif
