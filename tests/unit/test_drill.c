/*
 * test_drill.c - drill files (drill.c): a good drill read whole, every
 * problem of a bad one reported at once with its pointer, and an empty
 * name refused (before drill.c, "name": "" passed the check and the drill
 * ran with no name, printed as "(null)").
 */
#include <stdlib.h>
#include <string.h>

#include "drill.h"
#include "harness.h"

static struct rc_drill *
parse(const char *text, struct rc_err *err)
{
	return rc_drill_parse("d.json", text, strlen(text), err);
}

static void
test_good(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_drill *d = parse("{\"name\": \"week1\", \"title\": \"Week 1\", "
	    "\"cohort\": \"intake\", \"mode\": \"assessment\", \"calls\": "
	    "[{\"scenario\": \"forgetful-florist\", \"seed\": 7}, "
	    "{\"scenario\": \"x/y.json\", \"seed\": 9007199254740991}]}", &err);

	RC_CHECK(d != NULL);
	if (d == NULL)
		return;
	RC_CHECK_STR(d->name, "week1");
	RC_CHECK_STR(d->title, "Week 1");
	RC_CHECK_STR(d->cohort, "intake");
	RC_CHECK_INT(d->assessment, 1);
	RC_CHECK_INT(d->ncalls, 2);
	RC_CHECK_STR(d->calls[0].scenario, "forgetful-florist");
	RC_CHECK_INT(d->calls[0].seed, 7);
	RC_CHECK(d->calls[1].seed == 9007199254740991ULL);
	RC_CHECK_INT(err.nerrors, 0);
	rc_drill_free(d);
	/* no title, a null cohort, practice by default */
	d = parse("{\"name\": \"n\", \"cohort\": null, \"calls\": "
	    "[{\"scenario\": \"s\", \"seed\": 0}]}", &err);
	RC_CHECK(d != NULL && d->title == NULL && d->cohort == NULL &&
	    d->assessment == 0);
	rc_drill_free(d);
	rc_err_clear(&err);
}

static void
test_bad(void)
{
	struct rc_err err = RC_ERR_INIT;

	RC_CHECK(parse("{\"name\": \"\", \"mode\": \"exam\", \"cohort\": 3, "
	    "\"calls\": [{\"scenario\": \"\", \"seed\": -1}, {\"seed\": 1.5}]}",
	    &err) == NULL);
	RC_CHECK_INT(err.nerrors, 7);
	RC_CHECK_STR(err.n > 0 ? err.v[0].msg : "",
	    "d.json: /name: expected a string (the drill's name)");
	rc_err_clear(&err);
	RC_CHECK(parse("[1]", &err) == NULL);
	RC_CHECK_STR(err.n > 0 ? err.v[0].msg : "",
	    "d.json: a drill is a JSON object");
	rc_err_clear(&err);
	RC_CHECK(parse("{\"name\": \"n\", \"calls\": []}", &err) == NULL);
	RC_CHECK_INT(err.nerrors, 1);
	rc_err_clear(&err);
	RC_CHECK(parse("{", &err) == NULL);
	RC_CHECK(err.nerrors >= 1);
	rc_err_clear(&err);
	rc_drill_free(NULL);
}

int
main(void)
{
	test_good();
	test_bad();
	return RC_TEST_DONE();
}
