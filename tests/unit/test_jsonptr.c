/*
 * test_jsonptr.c - the JSON position index: pointers as the loaders write
 * them (escaped '~' and '/', decoded \u escapes), line and column of each
 * value, duplicate keys, and text that is not JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jsonptr.h"

static int line, col;
static size_t off;

static int
at(const struct rc_jsonptr *x, const char *ptr)
{
	line = col = 0;
	return rc_jsonptr_find(x, ptr, &line, &col, &off);
}

int
main(void)
{
	static const char text[] =
	    "{\n"
	    "  \"a\": [1, {\"b\": \"x\"}, [true, null]],\n"
	    "  \"c~d/e\": \"caf\xc3\xa9\",\n"
	    "  \"\\u00e9t\\u00e9\": 2, \"q\\\"k\": {},\n"
	    "  \"dup\": 1, \"dup\": \"second\"\n"
	    "}\n";
	struct rc_jsonptr *x = rc_jsonptr_index(text, strlen(text));

	RC_CHECK(at(x, ""));
	RC_CHECK_INT(line, 1);
	RC_CHECK_INT(col, 1);
	RC_CHECK(at(x, "/"));
	RC_CHECK_INT(off, 0);
	RC_CHECK(at(x, "/a"));
	RC_CHECK_INT(line, 2);
	RC_CHECK_INT(col, 8);
	RC_CHECK(at(x, "/a/0"));
	RC_CHECK_INT(col, 9);
	RC_CHECK(at(x, "/a/1/b"));
	RC_CHECK_INT(col, 18);
	RC_CHECK(at(x, "/a/2/1"));
	RC_CHECK_INT(col, 31);
	RC_CHECK(!at(x, "/a/3"));
	RC_CHECK(!at(x, "/a/1/c"));
	/* RFC 6901 escapes in the pointer, UTF-8 counted as one column. */
	RC_CHECK(at(x, "/c~0d~1e"));
	RC_CHECK_INT(line, 3);
	RC_CHECK_INT(col, 12);
	RC_CHECK(at(x, "/\xc3\xa9t\xc3\xa9"));
	RC_CHECK_INT(line, 4);
	RC_CHECK_INT(col, 20);
	RC_CHECK(at(x, "/q\"k"));
	RC_CHECK_INT(col, 31);
	/* A duplicate key: the first, as cJSON reads it. */
	RC_CHECK(at(x, "/dup"));
	RC_CHECK_INT(line, 5);
	RC_CHECK_INT(col, 10);
	rc_jsonptr_free(x);

	/* Not JSON: what comes before the problem is indexed, nothing breaks. */
	x = rc_jsonptr_index("{\"a\": 1, \"b\": [1, 2", 19);
	RC_CHECK(at(x, "/a"));
	RC_CHECK(at(x, "/b/1"));
	RC_CHECK(!at(x, "/c"));
	rc_jsonptr_free(x);
	x = rc_jsonptr_index("", 0);
	RC_CHECK(!at(x, ""));
	rc_jsonptr_free(x);
	x = rc_jsonptr_index("{\"a\" 1}", 7);
	RC_CHECK(!at(x, "/a"));
	rc_jsonptr_free(x);
	x = rc_jsonptr_index("\"\\u12", 5);
	rc_jsonptr_free(x);
	RC_CHECK(!rc_jsonptr_find(NULL, "", &line, &col, NULL));
	rc_jsonptr_free(NULL);
	return RC_TEST_DONE();
}
