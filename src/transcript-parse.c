/*
 * transcript-parse.c - recorded calls for `recoup score`: the text format
 * of docs/transcript-format.md read line by line into a struct rc_parsed
 * (a transcript plus the case file its front matter describes).
 *
 * The parser never stops at the first problem: every bad line is reported
 * as "NAME:LINE:COL: what" (columns count characters, a leading UTF-8 BOM
 * is not one) and only then is NULL returned, so a file is fixed in one
 * pass.  The text is checked for valid UTF-8 and NUL bytes before any line
 * is read; those two stop at once.  Nothing here prints.
 */
#include "transcript-parse.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "buf.h"
#include "date.h"
#include "jsonpos.h"
#include "xmalloc.h"

#define MAX_ERRORS 50

struct ctx {
	const char *name;
	struct rc_err *err;
	int nerr;
	int stopped;              /* too many errors: later ones are dropped */
	int line;                 /* current line number, from 1 */
	const char *bol;          /* its first byte */
	struct rc_parsed *p;
	int seen[12];             /* front matter keys already given */
	int balance_given;
	int balance_line, balance_col;
	char balance_currency[4]; /* from a currency sign in the balance */
	int currency_given;
	size_t ninv;
	unsigned legal_given;     /* legal: jurisdiction 1, debt 2, collector 4 */
};

/* Column (from 1, in characters) of byte AT on the current line. */
static int
col_of(const struct ctx *x, const char *at)
{
	const char *s;
	int c = 1;

	for (s = x->bol; s < at; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			c++;
	return c;
}

static void perr(struct ctx *x, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* An error at byte AT of the current line. */
static void
perr(struct ctx *x, const char *at, const char *fmt, ...)
{
	struct rc_buf b = RC_BUF_INIT;
	va_list ap;

	x->nerr++;
	if (x->stopped)
		return;
	if (x->nerr > MAX_ERRORS) {
		rc_err_add(x->err, RC_ERROR, "%s: too many errors, giving up", x->name);
		x->stopped = 1;
		return;
	}
	va_start(ap, fmt);
	rc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	rc_err_add(x->err, RC_ERROR, "%s:%d:%d: %s", x->name, x->line,
	    col_of(x, at), rc_buf_str(&b));
	rc_buf_free(&b);
}

static const char *
skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* The end of S with trailing blanks cut off. */
static const char *
trim_end(const char *s, const char *end)
{
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return end;
}

/* 1 when [S, E) starts with three digits and then no digit: what follows
 * a thousands comma. */
static int
thousands(const char *s, const char *e)
{
	int i;

	for (i = 0; i < 3; i++)
		if (s + i >= e || !isdigit((unsigned char)s[i]))
			return 0;
	return s + 3 == e || !isdigit((unsigned char)s[3]);
}

/* The largest amount a case file may name: past it a figure is a typo or
 * an attack (50 digits would be shown cut short), not a debt. */
#define MONEY_MAX 999999999999.99
#define MONEY_MAX_TEXT "999,999,999,999.99"
#define TOO_LARGE (-2)

/* Reads a number with optional thousands commas ("3,120.50") from [S, E).
 * Returns 0 and stores it, TOO_LARGE past MONEY_MAX, or -1. */
static int
read_number(const char *s, const char *e, double *out)
{
	char digits[64];
	size_t n = 0;
	int dot = 0, nd = 0, frac = 0;

	if (s >= e)
		return -1;
	for (; s < e; s++) {
		if (*s >= '0' && *s <= '9') {
			nd++;
			if (dot)
				frac++;
		} else if (*s == ',' && !dot && nd > 0 && thousands(s + 1, e)) {
			continue;
		} else if (*s == '.' && !dot && nd > 0) {
			dot = 1;
		} else {
			return -1;
		}
		if (n + 1 >= sizeof digits)
			return -1;
		digits[n++] = *s;
	}
	if (nd == 0 || (dot && frac == 0))
		return -1;
	digits[n] = '\0';
	*out = strtod(digits, NULL);
	if (!isfinite(*out))
		return -1;
	return *out > MONEY_MAX ? TOO_LARGE : 0;
}

/* Reads money: an optional sign ($, €, £) and a number.  The ISO code of
 * the sign, if any, goes to CUR (4 bytes). */
static int
read_money(const char *s, const char *e, double *out, char *cur)
{
	static const struct { const char *sign, *iso; } signs[] = {
		{ "$", "USD" }, { "\xe2\x82\xac", "EUR" }, { "\xc2\xa3", "GBP" },
	};
	size_t i;

	cur[0] = '\0';
	for (i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		size_t n = strlen(signs[i].sign);

		if ((size_t)(e - s) > n && strncmp(s, signs[i].sign, n) == 0) {
			strcpy(cur, signs[i].iso);
			s += n;
			break;
		}
	}
	return read_number(s, e, out);
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* 1 when [S, E) is a real date written YYYY-MM-DD. */
static int
is_date(const char *s, const char *e)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i;

	if (e - s != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

static int
word_is(const char *s, const char *e, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(e - s) == n && strncasecmp(s, w, n) == 0;
}

/* One invoice entry, [S, E), trimmed: ID AMOUNT [DUE] [paid|unpaid]. */
static void
invoice(struct ctx *x, const char *s, const char *e)
{
	struct rc_parsed *p = x->p;
	const char *tok[5], *tend[5];
	struct rc_case_invoice *inv;
	char cur[4];
	double amount;
	int n = 0, k;

	while (s < e) {
		const char *t = s;

		while (t < e && *t != ' ' && *t != '\t')
			t++;
		if (n == 4) {
			perr(x, s, "unexpected '%.*s' after invoice '%.*s' (expected "
			    "ID AMOUNT [DUE] [paid])", (int)(t - s), s,
			    (int)(tend[0] - tok[0]), tok[0]);
			return;
		}
		tok[n] = s;
		tend[n++] = t;
		s = skip_blank(t);
	}
	if (n < 2) {
		perr(x, tok[0], "invoice '%.*s' has no amount (expected ID AMOUNT "
		    "[DUE] [paid])", (int)(tend[0] - tok[0]), tok[0]);
		return;
	}
	if ((k = read_money(tok[1], tend[1], &amount, cur)) != 0) {
		perr(x, tok[1], "invoice '%.*s': %s amount '%.*s'%s",
		    (int)(tend[0] - tok[0]), tok[0], k == TOO_LARGE ? "too large an" :
		    "invalid", (int)(tend[1] - tok[1]), tok[1], k == TOO_LARGE ?
		    " (at most " MONEY_MAX_TEXT ")" : "");
		return;
	}
	p->invoices = rc_xreallocarray(p->invoices, x->ninv + 1, sizeof *p->invoices);
	p->invoice_ids = rc_xreallocarray(p->invoice_ids, x->ninv + 1,
	    sizeof *p->invoice_ids);
	p->invoice_dues = rc_xreallocarray(p->invoice_dues, x->ninv + 1,
	    sizeof *p->invoice_dues);
	inv = &p->invoices[x->ninv];
	memset(inv, 0, sizeof *inv);
	p->invoice_ids[x->ninv] = rc_xstrndup(tok[0], (size_t)(tend[0] - tok[0]));
	p->invoice_dues[x->ninv] = NULL;
	p->c.ninvoices = ++x->ninv;
	inv->amount = amount;
	for (k = 2; k < n; k++) {
		if (word_is(tok[k], tend[k], "paid") && k == n - 1) {
			inv->paid = 1;
		} else if (word_is(tok[k], tend[k], "unpaid") && k == n - 1) {
			inv->paid = 0;
		} else if (k == 2 && is_date(tok[k], tend[k])) {
			p->invoice_dues[x->ninv - 1] = rc_xstrndup(tok[k], 10);
		} else if (k == 2 && isdigit((unsigned char)*tok[k])) {
			perr(x, tok[k], "invoice '%.*s': invalid due date '%.*s' "
			    "(expected YYYY-MM-DD)", (int)(tend[0] - tok[0]), tok[0],
			    (int)(tend[k] - tok[k]), tok[k]);
		} else {
			perr(x, tok[k], "unexpected '%.*s' after invoice '%.*s' "
			    "(expected ID AMOUNT [DUE] [paid])", (int)(tend[k] - tok[k]),
			    tok[k], (int)(tend[0] - tok[0]), tok[0]);
		}
	}
}

/* Calls ONE for each entry of the list [S, E): a comma separates entries
 * unless it sits between two digits ("1,840.00"); blanks around an entry
 * and empty entries are left out. */
static void
each_entry(struct ctx *x, const char *s, const char *e,
           void (*one)(struct ctx *, const char *, const char *))
{
	while (s < e) {
		const char *t = s;

		while (t < e && !(*t == ',' && !(t > s && isdigit((unsigned char)t[-1]) &&
		    t + 1 < e && isdigit((unsigned char)t[1]))))
			t++;
		s = skip_blank(s);
		if (trim_end(s, t) > s)
			one(x, s, trim_end(s, t));
		s = t < e ? t + 1 : t;
	}
}

/* "invoices: ID AMOUNT [DUE] [paid], ...". */
static void
invoices(struct ctx *x, const char *s, const char *e)
{
	each_entry(x, s, e, invoice);
}

/* One limit of "policy: NAME VALUE, ...", [S, E) trimmed: the names and
 * values of case.policy in a scenario (docs/transcript-format.md). */
static void
policy_limit(struct ctx *x, const char *s, const char *e)
{
	struct rc_policy *pol = &x->p->policy;
	const char *n = s, *ne, *v;
	char cur[4];
	double d;
	int rm;

	while (n < e && *n != ' ' && *n != '\t')
		n++;
	ne = n;
	v = skip_blank(ne);
	if (v >= e) {
		perr(x, s, "policy: '%.*s' has no value (expected NAME VALUE, e.g. "
		    "min_instalment 50)", (int)(ne - s), s);
		return;
	}
	if (word_is(s, ne, "min_instalment") || word_is(s, ne, "credit_authority")) {
		int min = word_is(s, ne, "min_instalment");

		if ((rm = read_money(v, e, &d, cur)) == TOO_LARGE) {
			perr(x, v, "policy: %s '%.*s' is too large (at most "
			    MONEY_MAX_TEXT ")", min ? "min_instalment" :
			    "credit_authority", (int)(e - v), v);
			return;
		}
		if (rm != 0 || (min && d <= 0)) {
			perr(x, v, "policy: invalid %s '%.*s' (expected an amount "
			    "such as 50%s)", min ? "min_instalment" : "credit_authority",
			    (int)(e - v), v, min ? ", above zero" : "");
			return;
		}
		if (min)
			pol->min_instalment = rc_cents(d);
		else
			pol->credit_authority = rc_cents(d);
	} else if (word_is(s, ne, "max_months")) {
		if (read_number(v, e, &d) != 0 || d != floor(d) || d < 1 || d > 600) {
			perr(x, v, "policy: invalid max_months '%.*s' (expected a whole "
			    "number of months from 1 to 600)", (int)(e - v), v);
			return;
		}
		pol->max_months = (int)d;
	} else if (word_is(s, ne, "discount_percent")) {
		const char *ve = e > v && e[-1] == '%' ? e - 1 : e;

		if (read_number(v, ve, &d) != 0 || d > 100) {
			perr(x, v, "policy: invalid discount_percent '%.*s' (expected a "
			    "percentage from 0 to 100)", (int)(e - v), v);
			return;
		}
		pol->discount_percent = d;
	} else if (word_is(s, ne, "post_dated")) {
		if (word_is(v, e, "yes") || word_is(v, e, "true"))
			pol->post_dated = 1;
		else if (word_is(v, e, "no") || word_is(v, e, "false"))
			pol->post_dated = 0;
		else {
			perr(x, v, "policy: invalid post_dated '%.*s' (expected yes or "
			    "no)", (int)(e - v), v);
			return;
		}
	} else {
		perr(x, s, "policy: unknown limit '%.*s' (expected min_instalment, "
		    "max_months, credit_authority, discount_percent or post_dated)",
		    (int)(ne - s), s);
		return;
	}
	pol->set = 1;
}

/* "policy: NAME VALUE, ..." ("credit_authority 1,500" keeps its comma). */
static void
policy(struct ctx *x, const char *s, const char *e)
{
	each_entry(x, s, e, policy_limit);
}

/* One entry of "legal: us, consumer, agency, America/Chicago, follow-up",
 * [S, E) trimmed: the frame of a scenario's "legal" (docs/compliance.md). */
static void
legal_entry(struct ctx *x, const char *s, const char *e)
{
	struct rc_legal *l = &x->p->legal;
	char w[64];

	if ((size_t)(e - s) >= sizeof w) {
		perr(x, s, "legal: unknown entry '%.*s'", (int)(e - s), s);
		return;
	}
	memcpy(w, s, (size_t)(e - s));
	w[e - s] = '\0';
	if (rc_legal_jurisdiction_parse(w, &l->jurisdiction))
		x->legal_given |= 1;
	else if (rc_legal_debt_parse(w, &l->debt))
		x->legal_given |= 2;
	else if (rc_legal_collector_parse(w, &l->collector))
		x->legal_given |= 4;
	else if (strcmp(w, "follow-up") == 0)
		l->first_contact = 0;
	else if (strcmp(w, "first contact") == 0)
		l->first_contact = 1;
	else if (strchr(w, '/') != NULL || strcmp(w, "UTC") == 0) {
		if (!rc_legal_timezone_ok(w))
			perr(x, s, "legal: invalid time zone '%s' (expected an IANA "
			    "name such as America/Chicago)", w);
		else {
			free(l->timezone);
			l->timezone = rc_xstrdup(w);
		}
	} else
		perr(x, s, "legal: unknown entry '%s' (expected us, uk, none, "
		    "consumer, business, creditor, agency, a time zone, "
		    "follow-up or first contact)", w);
}

/* "legal: ..." (every entry above; the jurisdiction, the debt and the
 * collector are required). */
static void
legal(struct ctx *x, const char *s, const char *e)
{
	x->p->legal.set = 1;
	each_entry(x, s, e, legal_entry);
	if (x->legal_given != 7)
		perr(x, s, "legal: needs the jurisdiction (us, uk or none), the "
		    "debt (consumer or business) and the collector (creditor or "
		    "agency)");
}

/* One fact of "facts: attorney, written_dispute, debt_age_days 2400,
 * ...", [S, E) trimmed: the names of a scenario's "legal.facts". */
static void
fact_entry(struct ctx *x, const char *s, const char *e)
{
	struct rc_legal_facts *f = &x->p->legal.facts;
	static const char age[] = "debt_age_days";
	size_t n = (size_t)(e - s);

	if (n == 8 && memcmp(s, "attorney", 8) == 0)
		f->attorney = 1;
	else if (n == 15 && memcmp(s, "written_dispute", 15) == 0)
		f->written_dispute = 1;
	else if (n == 13 && memcmp(s, "cease_request", 13) == 0)
		f->cease_request = 1;
	else if (n == 16 && memcmp(s, "no_calls_at_work", 16) == 0)
		f->no_calls_at_work = 1;
	else if (n == 18 && memcmp(s, "post_dated_payment", 18) == 0)
		f->post_dated_payment = 1;
	else if (n == 11 && memcmp(s, "time_barred", 11) == 0)
		f->time_barred = 1;
	else if (n > sizeof age && memcmp(s, age, sizeof age - 1) == 0 &&
	    s[sizeof age - 1] == ' ') {
		const char *d = skip_blank(s + sizeof age);
		long v = 0;

		for (; d < e && isdigit((unsigned char)*d) && v <= 36500; d++)
			v = v * 10 + (*d - '0');
		if (d != e || v > 36500)
			perr(x, s, "facts: invalid debt_age_days '%.*s' (expected a "
			    "whole number of days up to 36500)", (int)n, s);
		else
			f->debt_age_days = (int)v;
	} else
		perr(x, s, "facts: unknown fact '%.*s' (expected attorney, "
		    "written_dispute, cease_request, no_calls_at_work, "
		    "post_dated_payment, time_barred or debt_age_days N)", (int)n, s);
}

/* One call of "contacts: 2026-10-30, 2026-10-31 14:05 talked", [S, E)
 * trimmed: a day, a time if known, "talked" for a conversation. */
static void
contact_entry(struct ctx *x, const char *s, const char *e)
{
	struct rc_contact c;
	char w[32];
	size_t n = (size_t)(e - s);
	int talked = 0;

	if (n > 7 && memcmp(e - 7, " talked", 7) == 0) {
		talked = 1;
		n = (size_t)(trim_end(s, e - 7) - s);
	}
	if (n >= sizeof w) {
		perr(x, s, "contacts: invalid call '%.*s' (expected YYYY-MM-DD, "
		    "a time HH:MM if known, and 'talked' for a conversation)",
		    (int)(e - s), s);
		return;
	}
	memcpy(w, s, n);
	w[n] = '\0';
	memset(&c, 0, sizeof c);
	if (!rc_contact_parse(w, &c)) {
		perr(x, s, "contacts: invalid call '%.*s' (expected YYYY-MM-DD, "
		    "a time HH:MM if known, and 'talked' for a conversation)",
		    (int)(e - s), s);
		return;
	}
	c.talked = talked;
	rc_legal_add_contact(&x->p->legal, &c);
}

static const char *const keys[] = {
	"debtor", "creditor", "contact", "balance", "currency", "days_overdue",
	"invoices", "date", "policy", "legal", "facts", "contacts",
};
enum { K_DEBTOR, K_CREDITOR, K_CONTACT, K_BALANCE, K_CURRENCY, K_DAYS,
	K_INVOICES, K_DATE, K_POLICY, K_LEGAL, K_FACTS, K_CONTACTS, K_COUNT };

/* One "key: value" line of the front matter, [S, E) trimmed. */
static void
front_line(struct ctx *x, const char *s, const char *e)
{
	struct rc_parsed *p = x->p;
	const char *colon = memchr(s, ':', (size_t)(e - s)), *v, *ke;
	int k, rm;

	if (colon == NULL) {
		perr(x, s, "expected 'key: value' in the front matter");
		return;
	}
	ke = trim_end(s, colon);
	for (k = 0; k < K_COUNT; k++)
		if (word_is(s, ke, keys[k]))
			break;
	if (k == K_COUNT) {
		perr(x, s, "unknown key '%.*s' (expected debtor, creditor, contact, "
		    "balance, currency, days_overdue, invoices, date, policy, "
		    "legal, facts or contacts)",
		    (int)(ke - s), s);
		return;
	}
	if (x->seen[k]) {
		perr(x, s, "duplicate key '%s'", keys[k]);
		return;
	}
	v = skip_blank(colon + 1);
	if (v >= e) {
		perr(x, s, "empty value for '%s'", keys[k]);
		return;
	}
	x->seen[k] = 1;
	switch (k) {
	case K_DEBTOR:
		p->debtor = rc_xstrndup(v, (size_t)(e - v));
		break;
	case K_CREDITOR:
		p->creditor = rc_xstrndup(v, (size_t)(e - v));
		break;
	case K_CONTACT:
		p->contact = rc_xstrndup(v, (size_t)(e - v));
		break;
	case K_BALANCE:
		if ((rm = read_money(v, e, &p->c.balance, x->balance_currency)) ==
		    TOO_LARGE)
			perr(x, v, "balance '%.*s' is too large (at most "
			    MONEY_MAX_TEXT ")", (int)(e - v), v);
		else if (rm != 0)
			perr(x, v, "invalid balance '%.*s' (expected an amount such "
			    "as 3,120.00)", (int)(e - v), v);
		else {
			x->balance_given = 1;
			x->balance_line = x->line;
			x->balance_col = col_of(x, v);
		}
		break;
	case K_CURRENCY:
		if (e - v != 3 || !isalpha((unsigned char)v[0]) ||
		    !isalpha((unsigned char)v[1]) || !isalpha((unsigned char)v[2])) {
			perr(x, v, "invalid currency '%.*s' (expected an ISO code such "
			    "as USD)", (int)(e - v), v);
		} else {
			free(p->currency);
			p->currency = rc_xstrndup(v, 3);
			for (k = 0; k < 3; k++)
				p->currency[k] = (char)toupper((unsigned char)p->currency[k]);
			x->currency_given = 1;
		}
		break;
	case K_DAYS: {
		const char *d;
		long n = 0;

		for (d = v; d < e && isdigit((unsigned char)*d) && n < 100000; d++)
			n = n * 10 + (*d - '0');
		if (d != e)
			perr(x, v, "invalid days_overdue '%.*s' (expected a whole number "
			    "of days)", (int)(e - v), v);
		else
			p->c.days_overdue = (int)n;
		break;
	}
	case K_DATE: {
		char d[16];

		if (e - v != 10 || (memcpy(d, v, 10), d[10] = '\0',
		    !rc_date_parse_iso(d, &p->c.date)))
			perr(x, v, "invalid date '%.*s' (expected the call's date as "
			    "YYYY-MM-DD)", (int)(e - v), v);
		break;
	}
	case K_POLICY:
		policy(x, v, e);
		break;
	case K_LEGAL:
		legal(x, v, e);
		break;
	case K_FACTS:
		if (!x->seen[K_LEGAL])
			perr(x, s, "facts: give the 'legal:' line first");
		else
			each_entry(x, v, e, fact_entry);
		break;
	case K_CONTACTS:
		if (!x->seen[K_LEGAL])
			perr(x, s, "contacts: give the 'legal:' line first");
		else
			each_entry(x, v, e, contact_entry);
		break;
	default:
		invoices(x, v, e);
		break;
	}
}

/* 1 when [S, E) is the stage direction "[WORDS]" ("[ Pause ]" too). */
static int
is_marker(const char *s, const char *e, const char *words)
{
	if (e - s < 2 || *s != '[' || e[-1] != ']')
		return 0;
	s = skip_blank(s + 1);
	e = trim_end(s, e - 1);
	return word_is(s, e, words);
}

static int
is_pause(const char *s, const char *e)
{
	return is_marker(s, e, "pause");
}

static int
is_hangup(const char *s, const char *e)
{
	return is_marker(s, e, "hangs up") || is_marker(s, e, "hung up");
}

/* The speaker named by the label [S, E), or -1. */
static int
label(const char *s, const char *e)
{
	if (word_is(s, e, "collector") || word_is(s, e, "agent"))
		return RC_SPEAKER_COLLECTOR;
	if (word_is(s, e, "debtor") || word_is(s, e, "customer"))
		return RC_SPEAKER_DEBTOR;
	return -1;
}

/* 1 when [S, E) starts with a label only a turn has ("Collector:", "Agent:",
 * "Customer:"; "Debtor:" is also a front matter key) or is a marker. */
static int
starts_turn(const char *s, const char *e)
{
	const char *colon = memchr(s, ':', (size_t)(e - s));

	if (*s == '[')
		return 1;
	return colon != NULL && label(s, trim_end(s, colon)) >= 0 &&
	    !word_is(s, trim_end(s, colon), "debtor");
}

static void
add_turn(struct ctx *x, enum rc_speaker who, const char *text)
{
	struct rc_parsed *p = x->p;
	struct rc_turn *u;

	u = rc_transcript_add(p->t, who, text, NULL, NULL);
	if (who == RC_SPEAKER_ACTION)
		rc_turn_event(u, "pause");
	p->lines = rc_xreallocarray(p->lines, p->t->n, sizeof *p->lines);
	p->lines[p->t->n - 1] = x->line;
}

/* One line of the conversation, [S, E) trimmed and not empty. */
static void
turn_line(struct ctx *x, const char *s, const char *e)
{
	const char *colon = memchr(s, ':', (size_t)(e - s)), *v;
	char *text;
	int who;

	if (x->p->hung_up) {
		perr(x, s, "the debtor has hung up: nothing can follow '[hangs up]'");
		return;
	}
	if (is_pause(s, e)) {
		add_turn(x, RC_SPEAKER_ACTION, "/pause");
		return;
	}
	if (is_hangup(s, e)) {
		x->p->hung_up = 1;
		return;
	}
	if (colon == NULL || (who = label(s, trim_end(s, colon))) < 0) {
		perr(x, s, "expected 'Collector:' or 'Debtor:'");
		return;
	}
	v = skip_blank(colon + 1);
	if (v >= e) {
		perr(x, s, "nothing said after '%.*s:'", (int)(trim_end(s, colon) - s), s);
		return;
	}
	if (is_pause(v, e)) {
		if (who == RC_SPEAKER_COLLECTOR)
			add_turn(x, RC_SPEAKER_ACTION, "/pause");
		else
			perr(x, v, "only the collector can pause");
		return;
	}
	if (is_hangup(v, e)) {
		if (who == RC_SPEAKER_DEBTOR)
			x->p->hung_up = 1;
		else
			perr(x, v, "only the debtor can hang up (a call the collector "
			    "ends needs no marker)");
		return;
	}
	text = rc_xstrndup(v, (size_t)(e - v));
	add_turn(x, (enum rc_speaker)who, text);
	free(text);
}

static void
free_storage(struct rc_parsed *p)
{
	size_t i;

	for (i = 0; i < p->c.ninvoices; i++) {
		free(p->invoice_ids[i]);
		free(p->invoice_dues[i]);
	}
	free(p->invoice_ids);
	free(p->invoice_dues);
	free(p->invoices);
	free(p->debtor);
	free(p->creditor);
	free(p->contact);
	free(p->currency);
	free(p->lines);
	rc_legal_free(&p->legal);
}

/* The input scoring P reads its lines with. */
static void
score_input(struct rc_parsed *p, struct rc_score_cache *cache,
            struct rc_score_input *in)
{
	memset(in, 0, sizeof *in);
	in->t = p->t;
	in->c = p->has_case ? &p->c : NULL;
	in->inferred = 1;
	in->cache = cache;
	in->legal = p->legal.set ? &p->legal : NULL;
}

struct rc_scorecard *
rc_transcript_parse_score(struct rc_parsed *p, const struct rc_rubric *rubric)
{
	struct rc_score_cache *cache = rc_score_cache_new();
	struct rc_score_input in;
	struct rc_scorecard *card;

	rc_transcript_parse_infer(p, rubric, cache);
	score_input(p, cache, &in);
	card = rc_score(rubric, &in);
	rc_score_cache_free(cache);
	return card;
}

void
rc_transcript_parse_free(struct rc_parsed *p)
{
	if (p == NULL)
		return;
	rc_transcript_free(p->t);
	free_storage(p);
	free(p);
}

/* Position (line, column; a BOM is not a column) of byte OFF in TEXT. */
static void
linecol(const char *text, size_t off, int *line, int *col)
{
	size_t start = strncmp(text, "\xef\xbb\xbf", 3) == 0 && off >= 3 ? 3 : 0;

	rc_json_linecol(text + start, off - start, off - start, line, col);
}

/* Fills P->c from what the front matter gave. */
static void
finish_case(struct ctx *x)
{
	struct rc_parsed *p = x->p;
	double unpaid = 0;
	size_t i;
	int k, any = 0;

	for (k = 0; k < K_COUNT; k++)
		any |= x->seen[k];
	p->has_case = any;
	if (!x->currency_given && x->balance_currency[0]) {
		free(p->currency);
		p->currency = rc_xstrdup(x->balance_currency);
	}
	for (i = 0; i < x->ninv; i++) {
		p->invoices[i].id = p->invoice_ids[i];
		p->invoices[i].due = p->invoice_dues[i];
		if (!p->invoices[i].paid)
			unpaid += p->invoices[i].amount;
	}
	if (!x->balance_given) {
		p->c.balance = unpaid;
	} else if (x->ninv > 0 && fabs(unpaid - p->c.balance) > 0.005) {
		char a[64], b[64];

		rc_err_add(x->err, RC_WARNING, "%s:%d:%d: balance %s is not the sum "
		    "of the unpaid invoices (%s)", x->name, x->balance_line, x->balance_col,
		    rc_amount_format(p->c.balance, p->currency, a, sizeof a),
		    rc_amount_format(unpaid, p->currency, b, sizeof b));
	}
	/* Without a date the call is held the days overdue after the oldest
	 * unpaid invoice fell due, as a scenario's is. */
	if (p->c.date == RC_DATE_NONE && p->c.days_overdue > 0) {
		int32_t oldest = RC_DATE_NONE;

		for (i = 0; i < x->ninv; i++)
			if (!p->invoices[i].paid)
				rc_date_earliest(&oldest, p->invoices[i].due);
		if (oldest != RC_DATE_NONE)
			p->c.date = oldest + p->c.days_overdue;
	}
	p->c.invoices = p->invoices;
	p->c.debtor = p->debtor;
	p->c.creditor = p->creditor;
	p->c.contact = p->contact;
	p->c.currency = p->currency;
	p->c.policy = p->policy.set ? &p->policy : NULL;
}

struct rc_parsed *
rc_transcript_parse(const char *name, const char *text, size_t len,
                    struct rc_err *err)
{
	struct rc_parsed *p;
	struct ctx x;
	const char *s = text, *end = text + len, *nl;
	int line, col, front = 0, front_line_no = 0, content = 0;
	size_t off;

	if ((off = rc_utf8_check(text, len)) < len) {
		linecol(text, off, &line, &col);
		rc_err_add(err, RC_ERROR, "%s:%d:%d: invalid UTF-8 (byte 0x%02x)", name,
		    line, col, (unsigned char)text[off]);
		return NULL;
	}
	if ((nl = memchr(text, '\0', len)) != NULL) {
		linecol(text, (size_t)(nl - text), &line, &col);
		rc_err_add(err, RC_ERROR, "%s:%d:%d: NUL byte in a text file", name,
		    line, col);
		return NULL;
	}
	p = rc_xcalloc(1, sizeof *p);
	rc_policy_init(&p->policy);
	rc_legal_init(&p->legal);
	p->t = rc_transcript_new();
	p->currency = rc_xstrdup("USD");
	p->c.date = RC_DATE_NONE;
	memset(&x, 0, sizeof x);
	x.name = name;
	x.err = err;
	x.p = p;
	if (len >= 3 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	/* FRONT: 0 before anything, 1 inside the front matter, 2 after it. */
	for (; s < end && !x.stopped; s = nl < end ? nl + 1 : end) {
		const char *b, *e;

		x.line++;
		x.bol = s;
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		e = nl;
		if (e > s && e[-1] == '\r')
			e--;
		if (e - s > RC_LINE_MAX) {
			rc_err_add(err, RC_ERROR, "%s:%d: line too long (%zu bytes, at "
			    "most %d)", name, x.line, (size_t)(e - s), RC_LINE_MAX);
			x.nerr++;
			continue;
		}
		b = skip_blank(s);
		e = trim_end(b, e);
		if (b == e || *b == '#')
			continue;
		content = 1;
		if (word_is(b, e, "---")) {
			if (front == 0 && p->t->n == 0 && x.nerr == 0) {
				front = 1;
				front_line_no = x.line;
				continue;
			}
			if (front == 1) {
				front = 2;
				finish_case(&x);
				continue;
			}
			perr(&x, b, "front matter must come first, before any turn");
			continue;
		}
		if (front == 1 && starts_turn(b, e)) {
			/* The closing line is missing: say so once and read on. */
			rc_err_add(err, RC_ERROR, "%s:%d:1: front matter not closed: "
			    "expected a '---' line before the first turn", name,
			    front_line_no);
			x.nerr++;
			front = 2;
			finish_case(&x);
		}
		if (front == 1)
			front_line(&x, b, e);
		else
			turn_line(&x, b, e);
		if (front == 0)
			front = 2;
	}
	if (front == 1) {
		rc_err_add(err, RC_ERROR, "%s:%d:1: front matter not closed: expected "
		    "a '---' line", name, front_line_no);
		x.nerr++;
	} else if (x.nerr == 0 && p->t->n == 0) {
		rc_err_add(err, RC_ERROR, "%s:1:1: %s: expected 'Collector:' or "
		    "'Debtor:' lines", name, content ? "no turns" : "empty file");
		x.nerr++;
	}
	if (x.nerr > 0) {
		rc_transcript_parse_free(p);
		return NULL;
	}
	if (!p->has_case)
		p->c.currency = p->currency;
	return p;
}

struct rc_parsed *
rc_transcript_parse_file(const char *path, struct rc_err *err)
{
	struct rc_parsed *p;
	size_t len = 0;
	char *text = rc_file_read(path, &len, err);

	if (text == NULL)
		return NULL;
	p = rc_transcript_parse(path, text, len, err);
	free(text);
	return p;
}

/* The terms an agreement on PROP books: its schedule, whose truth is
 * unknown in a recorded call. */
static void
terms_of(const struct rc_proposal *prop, struct rc_terms *t)
{
	*t = prop->terms;
	t->affordable = 1;
}

void
rc_transcript_parse_infer(struct rc_parsed *p, const struct rc_rubric *rubric,
                          struct rc_score_cache *cache)
{
	struct rc_transcript *t = p->t;
	struct rc_score_cache *own = cache == NULL ? rc_score_cache_new() : NULL;
	struct rc_score_input in;
	const struct rc_proposal *cprop = NULL, *dprop = NULL;
	struct rc_proposal lump, kept;
	int last_hangup = 0;
	size_t i;

	/* Each line is read once, as the scorer reads it (against the case:
	 * its balance, its date, its unpaid invoices), and the reading is
	 * kept for the scoring. */
	score_input(p, cache ? cache : own, &in);
	rc_score_read(rubric, &in);
	t->has_agreement = 0;
	memset(&t->agreement, 0, sizeof t->agreement);
	for (i = 0; i < t->n; i++) {
		const struct rc_turn *u = &t->turns[i];
		const struct rc_proposal *prop = rc_score_cache_proposal(in.cache, i);
		const struct rc_money *money;
		size_t nmoney;

		if (u->speaker == RC_SPEAKER_COLLECTOR) {
			const struct rc_proposal *base = dprop != NULL ? dprop : cprop;

			/* "meet in the middle at 400 a month?" after a plan with
			 * a payment up front changes its instalment only, as the
			 * debtor of a practice call reads it (engine.c) */
			if (prop != NULL && prop->kind != RC_PROP_NONE &&
			    prop->open_run && !prop->rest && base != NULL &&
			    rc_terms_new_instalment(&base->terms, &prop->terms,
			    rc_cents(p->has_case ? p->c.balance : 0), &kept.terms)) {
				struct rc_terms whole = kept.terms;

				kept = *prop;
				kept.terms = whole;
				kept.kind = RC_PROP_PLAN;
				kept.total = rc_units(whole.total);
				kept.upfront = rc_units(rc_terms_first(&whole, NULL));
				prop = &kept;
			}
			if (prop != NULL && prop->kind != RC_PROP_NONE)
				cprop = prop;
			/* The collector took the debtor's offer: the terms are
			 * those said back, else the offer's. */
			if (rc_score_cache_agreement(in.cache, i) &&
			    (cprop != NULL || dprop != NULL)) {
				t->has_agreement = 1;
				terms_of(prop != NULL && prop->kind != RC_PROP_NONE ?
				    prop : dprop != NULL ? dprop : cprop, &t->agreement);
			}
			continue;
		}
		if (u->speaker != RC_SPEAKER_DEBTOR)
			continue;
		/* As the scorer reads a recorded call (score.c): a yes to terms
		 * on the table, from the collector or the debtor's own offer. */
		if (rc_score_cache_agreement(in.cache, i) &&
		    (cprop != NULL || dprop != NULL)) {
			t->has_agreement = 1;
			terms_of(cprop != NULL ? cprop : dprop, &t->agreement);
		}
		money = rc_score_cache_money(in.cache, i, &nmoney);
		if (rc_score_cache_offer(in.cache, i)) {
			if (prop != NULL && prop->kind != RC_PROP_NONE) {
				dprop = prop;
			} else {
				/* An offer whose terms the reader cannot lay out: the
				 * first sum it names, paid once on a day not said. */
				memset(&lump, 0, sizeof lump);
				lump.kind = RC_PROP_LUMP;
				rc_terms_add(&lump.terms, rc_cents(money[0].value), 1,
				    RC_PERIOD_NONE, RC_DATE_NONE, NULL);
				rc_terms_finish(&lump.terms, rc_cents(p->has_case ?
				    p->c.balance : 0));
				lump.upfront = lump.total = money[0].value;
				dprop = &lump;
			}
		}
		last_hangup = rc_score_cache_signal(in.cache, i, RC_SIG_D_HANGUP);
	}
	rc_score_cache_free(own);
	t->ended_by = last_hangup || p->hung_up ? RC_ENDED_HANGUP : t->has_agreement ?
	    RC_ENDED_AGREEMENT : RC_ENDED_TRAINEE;
}
