/*
 * test_date.c - resolving the days people say against a call's date:
 * weekdays, days of the month, spans, and inputs no day comes from (a
 * run of digits too long to be a day is read no further: it once
 * overflowed, found by fuzz_transcript).
 */
#include <string.h>

#include "date.h"
#include "harness.h"

static const char *
resolve(const char *when, int32_t today)
{
	static char buf[16];
	int32_t d = rc_date_resolve(when, today, 0);
	int y, m, dd;

	if (d == RC_DATE_NONE)
		return "none";
	rc_date_ymd(d, &y, &m, &dd);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
	return buf;
}

int
main(void)
{
	/* Tuesday 16 November 2027 */
	int32_t today = rc_date_from_ymd(2027, 11, 16);

	RC_CHECK_STR(resolve("friday", today), "2027-11-19");
	RC_CHECK_STR(resolve("the 15th", today), "2027-12-15");
	RC_CHECK_STR(resolve("the 20th", today), "2027-11-20");
	RC_CHECK_STR(resolve("december 1", today), "2027-12-01");
	RC_CHECK_STR(resolve("in two weeks", today), "2027-11-30");
	RC_CHECK_STR(resolve("end of march", today), "2028-03-31");
	RC_CHECK_STR(resolve("the 32nd", today), "none");
	RC_CHECK_STR(resolve("the 888888888888th", today), "none");
	RC_CHECK_STR(resolve("88888888888888888888 of december", today), "none");
	RC_CHECK_STR(resolve("purple", today), "none");
	return RC_TEST_DONE();
}
