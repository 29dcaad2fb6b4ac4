/*
 * drill.c - reading and checking drill files (drill.h).  Every problem is
 * reported before giving up, so an author fixes a drill in one pass.  The
 * strings of a drill point into its parsed JSON, which the drill keeps
 * until rc_drill_free(); a returned drill has a name and at least one call,
 * each with a scenario and a whole seed.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "drill.h"
#include "file.h"
#include "jsonpos.h"
#include "xmalloc.h"

static const char *
str(const cJSON *root, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);

	return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

struct rc_drill *
rc_drill_parse(const char *name, const char *text, size_t len,
               struct rc_err *err)
{
	size_t nerrors = err->nerrors, i = 0;
	struct rc_drill *d;
	cJSON *root, *list, *c;
	const char *mode;

	if ((root = rc_json_parse(name, text, len, err)) == NULL)
		return NULL;
	if (!cJSON_IsObject(root)) {
		rc_err_add(err, RC_ERROR, "%s: a drill is a JSON object", name);
		cJSON_Delete(root);
		return NULL;
	}
	d = rc_xcalloc(1, sizeof *d);
	d->root = root;
	if ((d->name = str(root, "name")) == NULL)
		rc_err_add(err, RC_ERROR, "%s: /name: expected a string (the drill's "
		    "name)", name);
	d->title = str(root, "title");
	c = cJSON_GetObjectItemCaseSensitive(root, "cohort");
	if (c != NULL && !cJSON_IsString(c) && !cJSON_IsNull(c))
		rc_err_add(err, RC_ERROR, "%s: /cohort: expected a string", name);
	d->cohort = str(root, "cohort");
	c = cJSON_GetObjectItemCaseSensitive(root, "mode");
	mode = cJSON_IsString(c) ? c->valuestring : NULL;
	if (c != NULL && !(mode != NULL && (strcmp(mode, "practice") == 0 ||
	    strcmp(mode, "assessment") == 0)))
		rc_err_add(err, RC_ERROR, "%s: /mode: expected \"practice\" or "
		    "\"assessment\"", name);
	d->assessment = mode != NULL && strcmp(mode, "assessment") == 0;
	list = cJSON_GetObjectItemCaseSensitive(root, "calls");
	if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0) {
		rc_err_add(err, RC_ERROR, "%s: /calls: expected a non-empty array of "
		    "{\"scenario\", \"seed\"}", name);
	} else {
		d->calls = rc_xcalloc((size_t)cJSON_GetArraySize(list),
		    sizeof *d->calls);
		cJSON_ArrayForEach(c, list) {
			const cJSON *sc = cJSON_GetObjectItemCaseSensitive(c, "scenario");
			const cJSON *seed = cJSON_GetObjectItemCaseSensitive(c, "seed");
			int sc_ok = cJSON_IsString(sc) && sc->valuestring[0] != '\0';
			int seed_ok = cJSON_IsNumber(seed) && seed->valuedouble >= 0 &&
			    seed->valuedouble <= 9007199254740991.0 &&
			    seed->valuedouble == (double)(uint64_t)seed->valuedouble;

			if (!sc_ok)
				rc_err_add(err, RC_ERROR, "%s: /calls/%zu/scenario: expected "
				    "a scenario id or path", name, i);
			if (!seed_ok)
				rc_err_add(err, RC_ERROR, "%s: /calls/%zu/seed: expected a "
				    "whole number", name, i);
			if (sc_ok && seed_ok) {
				d->calls[d->ncalls].scenario = sc->valuestring;
				d->calls[d->ncalls].seed = (uint64_t)seed->valuedouble;
				d->ncalls++;
			}
			i++;
		}
	}
	if (err->nerrors > nerrors) {
		rc_drill_free(d);
		return NULL;
	}
	return d;
}

struct rc_drill *
rc_drill_load(const char *path, struct rc_err *err)
{
	size_t len = 0;
	char *text = rc_file_read(path, &len, err);
	struct rc_drill *d;

	if (text == NULL)
		return NULL;
	d = rc_drill_parse(path, text, len, err);
	free(text);
	return d;
}

void
rc_drill_free(struct rc_drill *d)
{
	if (d == NULL)
		return;
	cJSON_Delete(d->root);
	free(d->calls);
	free(d);
}
