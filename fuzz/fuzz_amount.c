/*
 * fuzz_amount.c - libFuzzer target for the amount and terms readers: any
 * bytes, NUL-terminated, through rc_amount_find(), rc_amount_proposal()
 * against a case (a balance of 3120, a call date, two invoices) and
 * without one, rc_amount_format() of every amount found and of the
 * proposal's figures into buffers of several sizes, the proposal's terms
 * said, briefed and written as JSON and read back, and the bytes read as
 * stored terms (rc_store_parse_terms()).  The checks are the sanitizers'
 * and the few invariants below.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "amount.h"
#include "buf.h"
#include "date.h"
#include "store.h"
#include "terms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The terms of P every way they are written, and read back from JSON. */
static void
say_terms(const struct rc_terms *t, int32_t today)
{
	struct rc_buf b = RC_BUF_INIT;
	struct rc_terms back;
	char buf[512], tiny[8];
	cJSON *o;

	rc_terms_say(t, "USD", today, 1, buf, sizeof buf);
	rc_terms_say(t, "EUR", today, 0, tiny, sizeof tiny);
	rc_terms_brief(t, buf, sizeof buf);
	rc_terms_brief(t, tiny, sizeof tiny);
	rc_terms_json(&b, t, "GBP", today);
	if ((o = cJSON_Parse(rc_buf_str(&b))) == NULL)
		abort();
	if (!rc_terms_from_json(o, &back, today))
		abort();
	cJSON_Delete(o);
	rc_buf_free(&b);
}

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
	static const char *const ids[] = { "INV-2291", "40812" };
	static const double amounts[] = { 1840, 1280 };
	struct rc_deal_case dc = { 3120, 0, 0, ids, amounts, 2 };
	struct rc_proposal p;
	struct rc_terms t;
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

	dc.today = rc_date_from_ymd(2026, 12, 2);
	dc.day_first = size > 0 && data[0] & 1;
	rc_amount_proposal(text, &dc, &p);
	if (p.kind == RC_PROP_NONE && (p.upfront != 0 || p.total != 0))
		abort();
	if (memchr(p.when, '\0', sizeof p.when) == NULL)
		abort();
	format_all(p.upfront);
	format_all(p.instalment);
	format_all(p.total);
	if (p.kind != RC_PROP_NONE)
		say_terms(&p.terms, dc.today);
	rc_amount_proposal(text, NULL, &p);
	if (rc_store_parse_terms(text, dc.today, &t) == 0)
		say_terms(&t, dc.today);
	rc_store_parse_terms(text, RC_DATE_NONE, &t);

	free(text);
	return 0;
}
