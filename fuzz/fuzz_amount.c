/*
 * fuzz_amount.c - libFuzzer target for amount.c: any bytes, NUL-terminated,
 * through rc_amount_find(), rc_amount_proposal() against a balance of 3120
 * and rc_amount_format() of every amount found and of the proposal's
 * figures, into buffers of several sizes.  The checks are the sanitizers'
 * and the few invariants below.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
format_all(double v)
{
	static const char *const cur[] = { "USD", "EUR", "GBP", "CHF", "", NULL };
	char buf[64], tiny[4];
	size_t k;

	for (k = 0; k < sizeof cur / sizeof cur[0]; k++) {
		rc_amount_format(v, cur[k], buf, sizeof buf);
		if (strlen(buf) >= sizeof buf)
			abort();
		rc_amount_format(v, cur[k], tiny, sizeof tiny);
		if (strlen(tiny) >= sizeof tiny)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_money m[RC_AMOUNT_MAX];
	struct rc_proposal p;
	char *text;
	size_t n, k;

	text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	n = rc_amount_find(text, m, RC_AMOUNT_MAX);
	for (k = 0; k < n && k < RC_AMOUNT_MAX; k++) {
		if (m[k].start >= m[k].end || m[k].end > strlen(text))
			abort();
		if (k > 0 && m[k].start < m[k - 1].end)
			abort();
		format_all(m[k].value);
	}
	if (rc_amount_find(text, NULL, 0) != n)
		abort();

	rc_amount_proposal(text, 3120, &p);
	if (p.kind == RC_PROP_NONE && (p.upfront != 0 || p.total != 0))
		abort();
	if (memchr(p.when, '\0', sizeof p.when) == NULL ||
	    memchr(p.rest_when, '\0', sizeof p.rest_when) == NULL)
		abort();
	format_all(p.upfront);
	format_all(p.instalment);
	format_all(p.total);
	rc_amount_proposal(text, 0, &p);

	free(text);
	return 0;
}
