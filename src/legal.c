/*
 * legal.c - reading and naming a call's legal frame (legal.h).
 *
 * The frame is read with the loaders' JSON reader, so a scenario's
 * "legal" object is checked like the rest of it: every unknown key, wrong
 * type and misspelt value is reported with its JSON pointer, and reading
 * carries on.  The frame never judges a line; compliance.c decides which
 * rules it switches on.
 */
#include "legal.h"

#include "buf.h"
#include "date.h"
#include "xmalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const debt_names[] = { "consumer", "business", NULL };
static const char *const collector_names[] = { "creditor", "agency", NULL };
static const char *const jurisdiction_names[] = { "none", "us", "uk", NULL };

void
rc_legal_init(struct rc_legal *l)
{
	memset(l, 0, sizeof *l);
	l->first_contact = 1;
	l->facts.debt_age_days = -1;
}

void
rc_legal_free(struct rc_legal *l)
{
	free(l->timezone);
	free(l->contacts);
	rc_legal_init(l);
}

static int
lookup(const char *const *names, const char *name)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

const char *
rc_legal_debt_name(enum rc_debt_kind k)
{
	return debt_names[k];
}

const char *
rc_legal_collector_name(enum rc_collector_kind k)
{
	return collector_names[k];
}

const char *
rc_legal_jurisdiction_name(enum rc_jurisdiction j)
{
	return jurisdiction_names[j];
}

int
rc_legal_debt_parse(const char *name, enum rc_debt_kind *out)
{
	int i = lookup(debt_names, name);

	if (i < 0)
		return 0;
	*out = (enum rc_debt_kind)i;
	return 1;
}

int
rc_legal_collector_parse(const char *name, enum rc_collector_kind *out)
{
	int i = lookup(collector_names, name);

	if (i < 0)
		return 0;
	*out = (enum rc_collector_kind)i;
	return 1;
}

int
rc_legal_jurisdiction_parse(const char *name, enum rc_jurisdiction *out)
{
	int i = lookup(jurisdiction_names, name);

	if (i < 0)
		return 0;
	*out = (enum rc_jurisdiction)i;
	return 1;
}

int
rc_legal_timezone_ok(const char *tz)
{
	int parts = 1, len = 0;
	const char *p;

	if (strcmp(tz, "UTC") == 0)
		return 1;
	if (!isupper((unsigned char)tz[0]))
		return 0;
	for (p = tz; *p; p++) {
		if (*p == '/') {
			if (len == 0 || ++parts > 3)
				return 0;
			len = 0;
		} else if (isalnum((unsigned char)*p) || *p == '_' || *p == '-' ||
		    *p == '+') {
			len++;
		} else {
			return 0;
		}
	}
	return parts >= 2 && len > 0;
}

/* A required string member KEY of O that must be one of NAMES: its index,
 * or -1 (reported) when absent or not one of them. */
static int
choice(struct rc_jsonread *r, const cJSON *o, const char *ptr,
       const char *key, const char *const *names, const char *expected)
{
	char *v = rc_jsonread_str(r, o, ptr, key, 1);
	int i;

	if (v == NULL)
		return -1;
	if ((i = lookup(names, v)) < 0) {
		char *q = rc_jsonread_join(ptr, key);

		rc_jsonread_fail(r, q, "expected %s, found \"%s\"", expected, v);
		free(q);
	}
	free(v);
	return i;
}

static void
read_facts(struct rc_jsonread *r, const cJSON *o, const char *ptr,
           struct rc_legal_facts *f)
{
	static const char *const keys[] = { "attorney", "written_dispute",
	    "cease_request", "no_calls_at_work", "post_dated_payment",
	    "debt_age_days", "time_barred", NULL };
	const cJSON *v = rc_jsonread_obj(r, o, ptr, "facts", 0);
	char *p;

	if (v == NULL)
		return;
	p = rc_jsonread_join(ptr, "facts");
	rc_jsonread_keys(r, v, p, keys);
	rc_jsonread_bool(r, v, p, "attorney", &f->attorney);
	rc_jsonread_bool(r, v, p, "written_dispute", &f->written_dispute);
	rc_jsonread_bool(r, v, p, "cease_request", &f->cease_request);
	rc_jsonread_bool(r, v, p, "no_calls_at_work", &f->no_calls_at_work);
	rc_jsonread_bool(r, v, p, "post_dated_payment", &f->post_dated_payment);
	rc_jsonread_int(r, v, p, "debt_age_days", 0, 0, 36500, &f->debt_age_days);
	rc_jsonread_bool(r, v, p, "time_barred", &f->time_barred);
	free(p);
}

/* "contacts": the calls placed before this one, each {"at": "YYYY-MM-DD
 * [HH:MM]", "talked": bool}. */
static void
read_contacts(struct rc_jsonread *r, const cJSON *o, const char *ptr,
              struct rc_legal *l)
{
	static const char *const keys[] = { "at", "talked", NULL };
	const cJSON *a = rc_jsonread_arr(r, o, ptr, "contacts", 0), *e;
	char *p;
	size_t i = 0;

	if (a == NULL)
		return;
	l->has_contacts = 1;
	p = rc_jsonread_join(ptr, "contacts");
	cJSON_ArrayForEach(e, a) {
		char *q = rc_jsonread_join_index(p, i++);
		struct rc_contact c;
		char *at;

		if (!cJSON_IsObject(e)) {
			rc_jsonread_fail(r, q, "expected a contact object, found %s",
			    rc_jsonread_type(e));
			free(q);
			continue;
		}
		rc_jsonread_keys(r, e, q, keys);
		memset(&c, 0, sizeof c);
		at = rc_jsonread_str(r, e, q, "at", 1);
		rc_jsonread_bool(r, e, q, "talked", &c.talked);
		if (at != NULL && !rc_contact_parse(at, &c)) {
			char *aq = rc_jsonread_join(q, "at");

			rc_jsonread_fail(r, aq, "expected \"YYYY-MM-DD\" or "
			    "\"YYYY-MM-DD HH:MM\", found \"%s\"", at);
			free(aq);
		} else if (at != NULL) {
			rc_legal_add_contact(l, &c);
		}
		free(at);
		free(q);
	}
	free(p);
}

int
rc_legal_read(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
              struct rc_legal *out)
{
	static const char *const keys[] = { "debt", "collector",
	    "jurisdiction", "timezone", "first_contact", "facts", "contacts",
	    NULL };
	const cJSON *o = rc_jsonread_obj(r, obj, ptr, "legal", 0);
	char *p;
	int i;

	rc_legal_init(out);
	if (o == NULL)
		return 0;
	p = rc_jsonread_join(ptr, "legal");
	out->set = 1;
	rc_jsonread_keys(r, o, p, keys);
	if ((i = choice(r, o, p, "debt", debt_names,
	    "\"consumer\" or \"business\"")) >= 0)
		out->debt = (enum rc_debt_kind)i;
	if ((i = choice(r, o, p, "collector", collector_names,
	    "\"creditor\" or \"agency\"")) >= 0)
		out->collector = (enum rc_collector_kind)i;
	if ((i = choice(r, o, p, "jurisdiction", jurisdiction_names,
	    "\"us\", \"uk\" or \"none\"")) >= 0)
		out->jurisdiction = (enum rc_jurisdiction)i;
	out->timezone = rc_jsonread_str(r, o, p, "timezone", 1);
	if (out->timezone && !rc_legal_timezone_ok(out->timezone)) {
		char *q = rc_jsonread_join(p, "timezone");

		rc_jsonread_fail(r, q, "expected an IANA time zone like "
		    "\"America/Chicago\" or \"Europe/London\", found \"%s\"",
		    out->timezone);
		free(q);
	}
	rc_jsonread_bool(r, o, p, "first_contact", &out->first_contact);
	read_facts(r, o, p, &out->facts);
	read_contacts(r, o, p, out);
	free(p);
	return 1;
}

int
rc_clock_parse(const char *text, struct rc_clock *out)
{
	char day[11];
	int i, h, m;

	if (strlen(text) != 16 || (text[10] != ' ' && text[10] != 'T') ||
	    text[13] != ':')
		return 0;
	for (i = 11; i < 16; i++)
		if (i != 13 && !isdigit((unsigned char)text[i]))
			return 0;
	memcpy(day, text, 10);
	day[10] = '\0';
	h = (text[11] - '0') * 10 + (text[12] - '0');
	m = (text[14] - '0') * 10 + (text[15] - '0');
	if (h > 23 || m > 59 || !rc_date_parse_iso(day, &out->date))
		return 0;
	out->seconds = h * 3600 + m * 60;
	return 1;
}

int
rc_contact_parse(const char *text, struct rc_contact *out)
{
	struct rc_clock k;

	if (strlen(text) == 10) {
		if (!rc_date_parse_iso(text, &out->date))
			return 0;
		out->seconds = -1;
		return 1;
	}
	if (!rc_clock_parse(text, &k))
		return 0;
	out->date = k.date;
	out->seconds = k.seconds;
	return 1;
}

void
rc_legal_add_contact(struct rc_legal *l, const struct rc_contact *c)
{
	l->contacts = rc_xreallocarray(l->contacts, l->ncontacts + 1,
	    sizeof *l->contacts);
	l->contacts[l->ncontacts++] = *c;
	l->has_contacts = 1;
}

void
rc_legal_describe(struct rc_buf *b, const struct rc_legal *l)
{
	rc_buf_printf(b, "%s, %s debt, %s", rc_legal_jurisdiction_name(
	    l->jurisdiction), rc_legal_debt_name(l->debt),
	    l->collector == RC_COLLECTOR_AGENCY ? "third-party agency" :
	    "the creditor itself");
	if (l->timezone)
		rc_buf_printf(b, ", %s", l->timezone);
	if (!l->first_contact)
		rc_buf_puts(b, ", not the first contact");
	if (l->facts.attorney)
		rc_buf_puts(b, ", attorney on file");
	if (l->facts.written_dispute)
		rc_buf_puts(b, ", written dispute");
	if (l->facts.cease_request)
		rc_buf_puts(b, ", cease request");
	if (l->facts.no_calls_at_work)
		rc_buf_puts(b, ", no calls at work");
	if (l->facts.post_dated_payment)
		rc_buf_puts(b, ", post-dated payment offered");
	if (l->facts.time_barred)
		rc_buf_puts(b, ", time-barred");
}
