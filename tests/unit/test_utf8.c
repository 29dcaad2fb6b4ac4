/*
 * test_utf8.c - the one UTF-8 checker and its repair (utf8.c), and the
 * file helpers beside them (file.c): a FIFO refused without blocking, a
 * file replaced whole without following a planted symlink or replacing
 * a protected file.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "harness.h"
#include "utf8.h"

static const char *
repaired(struct rc_buf *b, const char *s, size_t *bad)
{
	rc_buf_reset(b);
	*bad = rc_utf8_repair(b, s, strlen(s));
	return rc_buf_str(b);
}

static void
test_utf8(void)
{
	struct rc_buf b = RC_BUF_INIT;
	size_t bad;

	RC_CHECK(rc_utf8_valid("plain, caf\xc3\xa9, \xe2\x82\xac, \xf0\x9f\x99\x82"));
	RC_CHECK(!rc_utf8_valid("\xff"));
	RC_CHECK(!rc_utf8_valid("\xc0\xaf"));             /* overlong '/' */
	RC_CHECK(!rc_utf8_valid("\xed\xa0\x80"));         /* a surrogate */
	RC_CHECK(!rc_utf8_valid("\xf4\x90\x80\x80"));     /* past U+10FFFF */
	RC_CHECK(!rc_utf8_valid("caf\xc3"));              /* cut short */
	RC_CHECK_INT(rc_utf8_check("ab\xff" "cd", 5), 2);
	RC_CHECK_STR(repaired(&b, "caf\xc3\xa9", &bad), "caf\xc3\xa9");
	RC_CHECK_INT(bad, 0);
	RC_CHECK_STR(repaired(&b, "a\xff" "b", &bad), "a\xef\xbf\xbd" "b");
	RC_CHECK_INT(bad, 1);
	RC_CHECK_STR(repaired(&b, "caf\xc3(", &bad), "caf\xef\xbf\xbd(");
	RC_CHECK_STR(repaired(&b, "\xc0\xaf", &bad),
	    "\xef\xbf\xbd\xef\xbf\xbd");
	RC_CHECK_INT(bad, 2);
	RC_CHECK(rc_utf8_valid(repaired(&b, "x\xf0\x9f\x99", &bad)));
	rc_buf_free(&b);
}

static void
test_file(void)
{
	char dir[] = "/tmp/rc-utf8-XXXXXX";
	struct rc_buf p = RC_BUF_INIT, q = RC_BUF_INIT, link = RC_BUF_INIT;
	struct rc_err err = RC_ERR_INIT;
	const char *keep[2] = { NULL, NULL };
	size_t len;
	char *text;

	RC_CHECK(mkdtemp(dir) != NULL);
	rc_buf_printf(&p, "%s/out.html", dir);
	rc_buf_printf(&q, "%s/victim", dir);
	rc_buf_printf(&link, "%s/out.html.tmp", dir);
	RC_CHECK_INT(rc_file_replace(rc_buf_str(&q), "keep", 4, 0600, NULL, &err), 0);
	RC_CHECK_INT(symlink(rc_buf_str(&q), rc_buf_str(&link)), 0);
	RC_CHECK_INT(rc_file_replace(rc_buf_str(&p), "new", 3, 0644, NULL, &err), 0);
	text = rc_file_read(rc_buf_str(&q), &len, &err);
	RC_CHECK_STR(text, "keep");
	free(text);
	text = rc_file_read(rc_buf_str(&p), &len, &err);
	RC_CHECK_STR(text, "new");
	free(text);
	/* The protected file is refused by its own name and through a link. */
	keep[0] = rc_buf_str(&q);
	RC_CHECK_INT(rc_file_replace(rc_buf_str(&q), "x", 1, 0600, keep, &err), -1);
	RC_CHECK_INT(rc_file_replace(rc_buf_str(&link), "x", 1, 0600, keep, &err),
	    -1);
	RC_CHECK_INT((int)err.nerrors, 2);
	rc_err_clear(&err);
	/* A FIFO is refused at once. */
	unlink(rc_buf_str(&link));
	RC_CHECK_INT(mkfifo(rc_buf_str(&link), 0600), 0);
	RC_CHECK(rc_file_read(rc_buf_str(&link), &len, &err) == NULL);
	RC_CHECK(err.n == 1 && strstr(err.v[0].msg, "not a regular file (a FIFO)"));
	rc_err_clear(&err);
	RC_CHECK_INT(rc_file_check_regular(rc_buf_str(&link), &err), -1);
	rc_err_clear(&err);
	unlink(rc_buf_str(&link));
	unlink(rc_buf_str(&p));
	unlink(rc_buf_str(&q));
	rmdir(dir);
	rc_buf_free(&p);
	rc_buf_free(&q);
	rc_buf_free(&link);
}

int
main(void)
{
	test_utf8();
	test_file();
	return RC_TEST_DONE();
}
