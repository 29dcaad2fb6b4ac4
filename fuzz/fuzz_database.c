/*
 * fuzz_database.c - libFuzzer target for a hostile database file: any
 * bytes are written to a private file and opened read-only as `recoup
 * history` and `recoup show` open the store; every session is listed
 * (its agreement read as terms) and the first few are loaded whole with
 * the shipped rubric and rendered.  SQLite keeps its own limits.  Never a
 * crash or a leak.  Build with -DRECOUP_FUZZ=ON (clang); seed corpus in
 * fuzz/corpus/database (small databases the real binary wrote).
 */
#include "fuzzkit.h"

#include "render.h"
#include "rubric.h"
#include "store.h"
#include "terms.h"

#define MAX_LOADS 8

static struct rc_rubric *rubric;
static char *path;

struct seen {
	int64_t ids[MAX_LOADS];
	size_t n;
};

static void
drop(void)
{
	free(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	rubric = fuzz_rubric();
	path = fuzz_write("fuzz.db", "", 0);
	atexit(drop);
	return 0;
}

static int
row(void *ctx, const struct rc_store_row *r)
{
	struct seen *s = ctx;
	struct rc_terms t;
	char buf[256];

	if (rc_store_parse_terms(r->agreement, r->call_date, &t) == 0)
		rc_terms_say(&t, r->currency, r->call_date, 1, buf, sizeof buf);
	if (s->n < MAX_LOADS)
		s->ids[s->n++] = r->id;
	return 0;
}

/* Removes what SQLite may leave beside the file. */
static void
clean(void)
{
	struct rc_buf b = RC_BUF_INIT;

	rc_buf_printf(&b, "%s-wal", path);
	unlink(rc_buf_str(&b));
	rc_buf_free(&b);
	rc_buf_printf(&b, "%s-shm", path);
	unlink(rc_buf_str(&b));
	rc_buf_free(&b);
	rc_buf_printf(&b, "%s-journal", path);
	unlink(rc_buf_str(&b));
	rc_buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store_filter f;
	struct rc_store *st = NULL;
	struct seen s = { { 0 }, 0 };
	size_t i;

	clean();
	free(fuzz_write("fuzz.db", data, size));
	memset(&f, 0, sizeof f);
	if (rc_store_open_read(path, &st, &err) == 0) {
		rc_store_sessions(st, &f, row, &s, &err);
		for (i = 0; i < s.n; i++) {
			struct rc_store_loaded *l = rc_store_load(st, s.ids[i], rubric,
			    &err);
			struct rc_style style = { 0 };
			struct rc_buf b = RC_BUF_INIT;

			if (l == NULL)
				continue;
			if (l->card != NULL) {
				rc_render_scorecard(&b, l->card, l->row.currency, &style);
				rc_render_scorecard_json(&b, l->card);
			}
			rc_buf_free(&b);
			rc_store_loaded_free(l);
		}
		rc_store_close(st);
	}
	rc_err_clear(&err);
	clean();
	return 0;
}
