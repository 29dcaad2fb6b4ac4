/*
 * harness.h - the tiny unit-test harness every tests/unit/test_*.c uses.
 *
 * Each check prints a line only when it fails (file:line and both values);
 * RC_TEST_DONE() prints "N passed, N failed" and yields the exit status, so
 * a test executable fails under ctest exactly when one check failed.
 */
#ifndef RC_HARNESS_H
#define RC_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int rc_test_passed, rc_test_failed;

#define RC_CHECK(cond) do { \
	if (cond) rc_test_passed++; \
	else { rc_test_failed++; \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define RC_CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ == w_) rc_test_passed++; \
	else { rc_test_failed++; \
		fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } \
} while (0)

#define RC_CHECK_NUM(got, want) do { \
	double g_ = (double)(got), w_ = (double)(want); \
	if (fabs(g_ - w_) < 0.005) rc_test_passed++; \
	else { rc_test_failed++; \
		fprintf(stderr, "%s:%d: %s: got %.2f, want %.2f\n", __FILE__, __LINE__, #got, g_, w_); } \
} while (0)

#define RC_CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && w_ && strcmp(g_, w_) == 0) rc_test_passed++; \
	else { rc_test_failed++; \
		fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
		        g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

#define RC_TEST_DONE() ( \
	printf("%d passed, %d failed\n", rc_test_passed, rc_test_failed), \
	rc_test_failed ? 1 : 0)

#endif
