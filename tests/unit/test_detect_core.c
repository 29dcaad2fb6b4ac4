/*
 * test_detect_core.c - practices 1 to 10 judged on short calls written as a
 * collections trainer would grade them: for each practice a call where it
 * is met, one where it is missed (citing the offending turn) and one where
 * it does not apply, plus negated and quoted phrases that must not count.
 *
 * Calls are written one turn a string: "C: ..." collector, "D: ..."
 * debtor, "A: ..." an in-call action.  Events go in brackets before the
 * colon, comma-separated, an amount after '=': "D[inability-revealed]:",
 * "A[floor-set=2000]: /floor $2,000", "D[agreement=2400]: Deal." (which
 * also records the agreement on the transcript).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "score.h"
#include "xmalloc.h"

static const struct rc_case_invoice invoices[] = {
	{ "INV-2264", 960, "2026-08-15", 1 },
	{ "INV-2291", 1840, "2026-09-15", 0 },
	{ "INV-2307", 1280, "2026-10-01", 0 },
};

static const struct rc_case kase = {
	"Greenline Wholesale", "Petals & Stems", "Maria Okafor", "USD",
	3120, 47, invoices, 3, RC_DATE_NONE, NULL,
};

static struct rc_rubric *rubric;

enum { NO_CASE = 1, INFERRED = 2 };

static void
add_events(struct rc_transcript *t, struct rc_turn *u, const char *spec,
           size_t len)
{
	char buf[256];
	char *p = buf, *end;

	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, spec, len);
	buf[len] = '\0';
	for (; p != NULL; p = end) {
		char *eq;
		struct rc_event *ev;

		end = strchr(p, ',');
		if (end != NULL)
			*end++ = '\0';
		eq = strchr(p, '=');
		if (eq)
			*eq = '\0';
		ev = rc_turn_event(u, p);
		if (eq) {
			ev->has_amount = 1;
			ev->amount = atof(eq + 1);
		}
		if (strcmp(p, "agreement") == 0 && eq) {
			t->has_agreement = 1;
			rc_terms_clear(&t->agreement);
			rc_terms_add(&t->agreement, rc_cents(ev->amount), 1,
			    RC_PERIOD_NONE, RC_DATE_NONE, NULL);
			rc_terms_finish(&t->agreement, rc_cents(kase.balance));
			ev->has_terms = 1;
			ev->terms = t->agreement;
		}
		if (strcmp(p, "floor-set") == 0 && eq) {
			t->has_floor = 1;
			t->floor = ev->amount;
		}
		/* "floor-now=800": /floor $800 now, a minimum paid today */
		if (strcmp(p, "floor-now") == 0 && eq) {
			free(ev->type);
			ev->type = rc_xstrdup("floor-set");
			ev->detail = rc_xstrdup("now");
			t->has_floor = 1;
			t->floor = ev->amount;
			t->floor_now = 1;
		}
	}
}

/* Builds a transcript from LINES (NULL-ended). */
static struct rc_transcript *
build(const char *const *lines)
{
	struct rc_transcript *t = rc_transcript_new();

	for (; *lines; lines++) {
		const char *s = *lines, *colon = strchr(s, ':'), *br = strchr(s, '[');
		enum rc_speaker who = s[0] == 'C' ? RC_SPEAKER_COLLECTOR :
		    s[0] == 'D' ? RC_SPEAKER_DEBTOR : RC_SPEAKER_ACTION;
		struct rc_turn *u;

		if (br && colon && br < colon)
			colon = strchr(strchr(br, ']'), ':');
		u = rc_transcript_add(t, who, colon + 2, NULL, NULL);
		if (br && br < colon)
			add_events(t, u, br + 1, (size_t)(strchr(br, ']') - br - 1));
		if (rc_turn_find(u, "hang-up"))
			t->ended_by = RC_ENDED_HANGUP;
	}
	if (t->ended_by == RC_ENDED_NONE)
		t->ended_by = t->has_agreement ? RC_ENDED_AGREEMENT : RC_ENDED_TRAINEE;
	return t;
}

/* Scores LINES and checks practice ID: status WANT and, when TURN > 0,
 * that turn among the evidence; TURN < 0: no evidence expected. */
static void
check(int line, const char *const *lines, int flags, const struct rc_truth *truth,
      const char *id, enum rc_status want, int turn)
{
	struct rc_transcript *t = build(lines);
	struct rc_score_input in;
	struct rc_scorecard *c;
	const struct rc_result *r = NULL;
	size_t i;
	int ok, cited = 0;

	memset(&in, 0, sizeof in);
	in.t = t;
	in.c = flags & NO_CASE ? NULL : &kase;
	in.truth = truth;
	in.inferred = (flags & INFERRED) != 0;
	c = rc_score(rubric, &in);
	for (i = 0; i < c->npractices; i++)
		if (strcmp(c->practices[i].def->id, id) == 0)
			r = &c->practices[i];
	if (r == NULL) {
		rc_test_failed++;
		fprintf(stderr, "%s:%d: no practice %s\n", __FILE__, line, id);
		goto done;
	}
	for (i = 0; i < r->nev; i++)
		cited |= r->ev[i].turn == turn;
	ok = r->status == want && (turn > 0 ? cited : turn < 0 ? r->nev == 0 : 1);
	/* Every judged result says why and, when the collector spoke,
	 * cites a turn. */
	ok &= r->status == RC_NA || r->note != NULL;
	if (ok) {
		rc_test_passed++;
	} else {
		rc_test_failed++;
		fprintf(stderr, "%s:%d: %s: got %s (%s), want %s with turn %d; evidence:",
		    __FILE__, line, id, rc_status_name(r->status),
		    r->note ? r->note : "no note", rc_status_name(want), turn);
		for (i = 0; i < r->nev; i++)
			fprintf(stderr, " %d", r->ev[i].turn);
		fprintf(stderr, "\n");
	}
done:
	rc_scorecard_free(c);
	rc_transcript_free(t);
}

#define CHECK(lines, id, want, turn) \
	check(__LINE__, lines, 0, NULL, id, want, turn)
#define CHECK_F(lines, flags, truth, id, want, turn) \
	check(__LINE__, lines, flags, truth, id, want, turn)

/* ---- 1 every-interaction-negotiation ---- */

static void
test_every_interaction(void)
{
	static const char *const agreed[] = {
		"D: Petals & Stems, Maria speaking.",
		"C: Hi Maria, this is Sam from Greenline Wholesale.",
		"D: Oh, hi Sam.",
		"C: I'm calling about invoice 2291 for $1,840, which was due on September 15.",
		"D: Oh no, I thought we'd paid that.",
		"C: It's still outstanding. Could you pay the $1,840 by Friday?",
		"D[debtor-offer=1000]: I could do $1,000 now.",
		"C: If you pay $1,000 today and the remaining $840 by the 15th, that works.",
		"D[agreement=1840]: Okay, deal.",
		"C: Thank you, I'll send the terms in writing today.",
		NULL };
	static const char *const follow_up[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline, about your overdue balance of $3,120.",
		"D[inability-revealed]: I lost my biggest client, I can't pay anything right now.",
		"C: I understand. What could you manage each month?",
		"D: Honestly nothing until the new contract starts.",
		"C: Okay. I'll call you back next Tuesday at 10am to see where things stand.",
		NULL };
	/* Four collector turns of chat about the shop before the money. */
	static const char *const drifted[] = {
		"D: Petals & Stems.",
		"C: Hi, this is Sam from Greenline.",
		"D: Hi Sam!",
		"C: How's the shop doing?",
		"D: Busy with weddings.",
		"C: Lovely, which flowers are popular this year?",
		"D: Peonies, mostly.",
		"C: My sister loves peonies.",
		"D: They are beautiful.",
		"C: And the weather has been great for them.",
		"D: It has.",
		"C: Anyway, invoice 2291 for $1,840 is overdue. Can you pay it by Friday?",
		"D[agreement=1840]: Sure, I'll pay it Friday.",
		NULL };
	static const char *const no_close[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline, calling about the $3,120 you owe us.",
		"D: I know, I know.",
		"C: Can you pay the balance in full today?",
		"D: No, not today.",
		"C: Okay. Bye then.",
		NULL };
	static const char *const chat_only[] = {
		"D: Hello?",
		"C: Hi, it's Sam from Greenline.",
		"D: Hi Sam.",
		"C: How are things?",
		"D: Fine, busy.",
		"C: Great, have a nice day.",
		NULL };
	/* "I won't call you back" names no next step. */
	static const char *const negated[] = {
		"D: Hello?",
		"C: This is Sam from Greenline about invoice 2291, $1,840 overdue.",
		"D: I can't deal with this now.",
		"C: Fine, I won't call you back then.",
		NULL };
	static const char *const silent[] = {
		"D: Hello? Hello?",
		"D[hang-up]: [hangs up]",
		NULL };

	/* A recorded call: the agreement is read from the debtor's yes. */
	static const char *const recorded[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291 for $1,840.",
		"D: Oh, right.",
		"C: Could you pay $900 today and $940 on the 30th?",
		"D: Okay, I can do that.",
		NULL };

	CHECK(agreed, "every-interaction-negotiation", RC_MET, 9);
	CHECK_F(recorded, INFERRED, NULL, "every-interaction-negotiation", RC_MET, 5);
	CHECK(follow_up, "every-interaction-negotiation", RC_MET, 6);
	CHECK(drifted, "every-interaction-negotiation", RC_PARTIAL, 4);
	CHECK(no_close, "every-interaction-negotiation", RC_PARTIAL, 6);
	CHECK(chat_only, "every-interaction-negotiation", RC_MISSED, 6);
	/* "I won't call you back then" is no next step, and leaves the debt. */
	CHECK(negated, "every-interaction-negotiation", RC_MISSED, 4);
	CHECK(silent, "every-interaction-negotiation", RC_NA, -1);
}

/* ---- 2 start-with-reminder ---- */

static void
test_reminder(void)
{
	static const char *const early[] = {
		"D: Petals & Stems, Maria speaking.",
		"C: Hi Maria, this is Sam from Greenline Wholesale.",
		"D: Hi Sam, what can I do for you?",
		"C: I'm calling about invoice 2291 for $1,840, due on September 15.",
		NULL };
	static const char *const vague[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline.",
		"D: Hi.",
		"C: I'm calling about your overdue account with us.",
		"D: Oh?",
		"C: How is business these days?",
		"D: Slow.",
		"C: I see.",
		"D: Yes.",
		"C: So, what can you pay?",
		NULL };
	static const char *const late[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline.",
		"D: Hi.",
		"C: How's business?",
		"D: Slow.",
		"C: Sorry to hear that.",
		"D: Yeah.",
		"C: Anything new at the shop?",
		"D: Not really.",
		"C: Well, invoice INV-2307 for $1,280 is still open.",
		NULL };
	static const char *const never[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline.",
		"D: Hi Sam.",
		"C: Can you send us something today?",
		"D: Like what?",
		"C: Whatever you can manage.",
		NULL };
	/* The receptionist is not the debtor: details come after Maria is on. */
	static const char *const gatekeeper[] = {
		"D[gatekeeper]: Petals & Stems, this is Jo.",
		"C: Hi Jo, could I speak with Maria Okafor?",
		"D: One moment.",
		"D[right-party-confirmed]: Maria here.",
		"C: Hi Maria, this is Sam from Greenline Wholesale.",
		"D: Hi.",
		"C: I'm calling about INV-2291, $1,840, now 47 days overdue.",
		NULL };
	static const char *const gatekeeper_only[] = {
		"D[gatekeeper]: Petals & Stems, this is Jo.",
		"C: Hi Jo, could I speak with Maria Okafor?",
		"D: She's out today, sorry.",
		"C: Could you ask her to call Sam at Greenline, please?",
		NULL };

	CHECK(early, "start-with-reminder", RC_MET, 4);
	CHECK(vague, "start-with-reminder", RC_PARTIAL, 4);
	CHECK(late, "start-with-reminder", RC_PARTIAL, 10);
	CHECK(never, "start-with-reminder", RC_MISSED, 2);
	CHECK(gatekeeper, "start-with-reminder", RC_MET, 7);
	CHECK(gatekeeper_only, "start-with-reminder", RC_NA, -1);
}

/* ---- 3 accurate-information ---- */

static void
test_accurate(void)
{
	static const char *const right[] = {
		"D: Hello?",
		"C: This is Sam from Greenline. Your balance is $3,120: INV-2291 for $1,840, due September 15, and INV-2307 for $1,280.",
		"D[debtor-offer=1000]: I can pay $1,000 now.",
		"C: Thank you. That would leave $2,120 on the account.",
		"C: INV-2307 is 31 days overdue as of today.",
		NULL };
	static const char *const wrong_amount[] = {
		"D: Hello?",
		"C: This is Sam from Greenline about invoice 2291 for $1,840.",
		"D: Right.",
		"C: In total you owe us $3,210.",
		NULL };
	static const char *const wrong_invoice[] = {
		"D: Hello?",
		"C: This is Sam from Greenline about invoice #2219 for $1,840.",
		NULL };
	static const char *const wrong_date[] = {
		"D: Hello?",
		"C: This is Sam from Greenline. INV-2291 was due on September 5.",
		NULL };
	static const char *const wrong_age[] = {
		"D: Hello?",
		"C: This is Sam from Greenline; your account is 90 days overdue.",
		NULL };
	/* Amounts inside a proposal are asks, not statements about the debt. */
	static const char *const only_asks[] = {
		"D: Hello?",
		"C: This is Sam from Greenline. Could you pay $500 today?",
		"D: Maybe.",
		NULL };

	/* Prefixes vary; a deadline is not a due date; halves are true. */
	static const char *const forms[] = {
		"D: Hello?",
		"C: This is Sam from Greenline about invoices 2291 and #2307, $3,120 in all.",
		"D: Right.",
		"C: Half of it, $1,560, would be a start. Could you pay $1,560 by the 28th?",
		NULL };
	/* A false balance inside an ask is still a false statement. */
	static const char *const wrong_in_ask[] = {
		"D: Hello?",
		"C: This is Sam from Greenline about invoice 2291.",
		"D: Right.",
		"C: Of the $3,500 you owe, could you pay $1,000 today?",
		NULL };

	/* A house number before a street's name is a place, not a sum; a
	 * bare figure before a currency word is still a sum. */
	static const char *const address_at[] = {
		"D: Hello?",
		"C: Hi Maria, it's Sam, your supplier at 41 Pine. Your balance is $3,120.",
		NULL };
	static const char *const address_road[] = {
		"D: Hello?",
		"C: This is Sam at Greenline, 12 Harbour Road. INV-2291 for $1,840 is open.",
		NULL };
	static const char *const address_unit[] = {
		"D: Hello?",
		"C: Sam here, from the depot at unit 17 Mill Lane, about the $3,120 owed.",
		"D: Right.",
		"C: Or drop a cheque into our office at 27 Elm, whichever is easier.",
		NULL };
	static const char *const bare_sum_named[] = {
		"D: Hello?",
		"C: This is Sam from Greenline about invoice 2291.",
		"D: Right.",
		"C: In total you owe us 3210 Dollars.",
		NULL };

	/* A bare total after "invoices" that no invoice is numbered is the
	 * total, not a wrong invoice number; a number that is neither stays
	 * wrong. */
	static const char *const total_after_invoices[] = {
		"D: Hello?",
		"C: It's Sam at Greenline, calling about the two invoices, 3120 all up.",
		NULL };
	static const char *const unknown_invoice[] = {
		"D: Hello?",
		"C: It's Sam at Greenline, calling about the invoices, 4455 all up.",
		NULL };

	CHECK(right, "accurate-information", RC_MET, 2);
	CHECK(total_after_invoices, "accurate-information", RC_MET, 2);
	CHECK(unknown_invoice, "accurate-information", RC_MISSED, 2);
	CHECK(address_at, "accurate-information", RC_MET, 2);
	CHECK(address_road, "accurate-information", RC_MET, 2);
	CHECK(address_unit, "accurate-information", RC_MET, 2);
	CHECK(bare_sum_named, "accurate-information", RC_MISSED, 4);
	CHECK(forms, "accurate-information", RC_MET, 2);
	CHECK(wrong_in_ask, "accurate-information", RC_MISSED, 4);
	CHECK(wrong_amount, "accurate-information", RC_MISSED, 4);
	CHECK(wrong_invoice, "accurate-information", RC_MISSED, 2);
	CHECK(wrong_date, "accurate-information", RC_MISSED, 2);
	CHECK(wrong_age, "accurate-information", RC_MISSED, 2);
	CHECK(only_asks, "accurate-information", RC_PARTIAL, 0);
	CHECK_F(right, NO_CASE, NULL, "accurate-information", RC_NA, -1);
}

/* ---- 4 do-research ---- */

static void
test_research(void)
{
	static const char *const used[] = {
		"A[research-viewed]: /research",
		"D: Hello?",
		"C: Hi, Sam from Greenline, about the $3,120 that is overdue.",
		"D[inability-revealed]: We're broke, business is dead.",
		"C[research-used]: I saw you just opened a second shop on Main Street.",
		NULL };
	static const char *const viewed[] = {
		"A[research-viewed]: /research",
		"D: Hello?",
		"C: Hi, Sam from Greenline, about the $3,120 that is overdue.",
		"D: Right.",
		"C: Could you pay $1,000 today?",
		NULL };
	static const char *const neither[] = {
		"D: Hello?",
		"C: Hi, Sam from Greenline, about the $3,120 that is overdue.",
		"D: Right.",
		"C: Could you pay $1,000 today?",
		NULL };

	CHECK(used, "do-research", RC_MET, 5);
	CHECK(viewed, "do-research", RC_PARTIAL, 1);
	CHECK(neither, "do-research", RC_MISSED, 4);
	CHECK_F(neither, INFERRED, NULL, "do-research", RC_NA, -1);
}

/* ---- 5 polite-professional ---- */

static void
test_polite(void)
{
	static const char *const polite[] = {
		"D: Hello?",
		"C: Good morning, this is Sam from Greenline Wholesale.",
		"D: Hi.",
		"C: Thank you for taking my call.",
		NULL };
	static const char *const rude[] = {
		"D: Hello?",
		"C: This is Sam from Greenline. Thanks for picking up.",
		"D: I already told you people I can't pay.",
		"C: Don't be stupid, just pay the invoice.",
		NULL };
	/* A negated insult is not one. */
	static const char *const negated[] = {
		"D: So you think I'm an idiot?",
		"C: This is Sam from Greenline; I'm not calling you stupid, please hear me out.",
		NULL };
	static const char *const anonymous[] = {
		"D: Hello?",
		"C: Thanks for picking up. Your invoice is overdue.",
		NULL };
	static const char *const silent[] = { "D: Hello?", NULL };

	CHECK(polite, "polite-professional", RC_MET, 2);
	CHECK(rude, "polite-professional", RC_MISSED, 4);
	/* Repeating the debtor's words in quotes is not saying them. */
	static const char *const quoted[] = {
		"D: Shut up and stop calling!",
		"C: This is Sam from Greenline. You said \"shut up\" - I hear you, thank you for telling me.",
		NULL };

	CHECK(negated, "polite-professional", RC_MET, 2);
	CHECK(quoted, "polite-professional", RC_MET, 2);
	CHECK(anonymous, "polite-professional", RC_PARTIAL, 2);
	CHECK(silent, "polite-professional", RC_NA, -1);

	/* Introductions in every form, courtesy carried by polite questions,
	 * "of course", asking whether it is a good time. */
	static const char *const intro_its[] = {
		"D: Hello?",
		"C: Hi Maria, it's Sam from Greenline. Is this a good time to talk?",
		NULL };
	static const char *const intro_here[] = {
		"D: Petals & Stems.",
		"C: Sam from Greenline here. Could you spare two minutes about invoice 2291?",
		NULL };
	static const char *const intro_through[] = {
		"D: Hello?",
		"C: Morning, you're through to Sam at Greenline accounts.",
		"D: Oh, hi.",
		"C: Of course, I'll keep it short.",
		NULL };
	static const char *const inbound[] = {
		"C: Thanks for calling Greenline accounts, how can I help?",
		"D: It's Maria, about my invoices.",
		"C: Would you be able to read me the invoice number?",
		NULL };
	static const char *const inbound_name[] = {
		"C: Greenline accounts, this is Sam, how can I help?",
		"D: It's Maria, about my invoices.",
		"C: No problem, would you mind holding a second?",
		NULL };

	CHECK(intro_its, "polite-professional", RC_MET, 2);
	CHECK(intro_here, "polite-professional", RC_MET, 2);
	CHECK(intro_through, "polite-professional", RC_MET, 4);
	CHECK(inbound, "polite-professional", RC_MET, 1);
	CHECK(inbound_name, "polite-professional", RC_MET, 3);
}

/* ---- 6 remain-calm ---- */

static void
test_calm(void)
{
	static const char *const held[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D[hostility]: You vultures, stop calling me!",
		"C: I hear that you're frustrated. I'd like to find a way through this with you.",
		NULL };
	static const char *const snapped[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D[hostility]: You vultures, stop calling me!",
		"C: OH GREAT, ANOTHER EXCUSE. PAY THE INVOICE.",
		NULL };
	/* One sarcastic remark nobody provoked: a lapse, not a collapse. */
	static const char *const sarcastic[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D: The cheque must have got lost in the post.",
		"C: How convenient.",
		"D: Well, it happens.",
		"C: Okay, could you send a new one today?",
		NULL };
	static const char *const not_shouting[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D[hostility]: Don't shout at me!",
		"C: I'm not shouting, I just need a date for the payment.",
		NULL };
	static const char *const threat[] = {
		"D: Hello?",
		"C: Pay up or else, we'll take you to court.",
		NULL };
	static const char *const silent[] = { "D: Hello?", NULL };

	/* A /pause does not excuse the reply that follows it. */
	static const char *const paused[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D[hostility]: You crooks, stop calling me!",
		"A[pause]: /pause",
		"C: Oh sure, we're the crooks. Nice try.",
		NULL };

	CHECK(held, "remain-calm", RC_MET, 4);
	CHECK(paused, "remain-calm", RC_MISSED, 5);
	CHECK(snapped, "remain-calm", RC_MISSED, 4);
	CHECK(sarcastic, "remain-calm", RC_PARTIAL, 4);
	CHECK(not_shouting, "remain-calm", RC_MET, 4);
	/* An even-voiced threat is one lapse of tone (and a critical failure). */
	CHECK(threat, "remain-calm", RC_PARTIAL, 2);
	CHECK(silent, "remain-calm", RC_NA, -1);
}

/* ---- 7 treat-as-equals ---- */

static void
test_equals(void)
{
	static const char *const equals[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D: Our bookkeeper left and the invoices piled up.",
		"C: That makes sense. Let's sort it out together.",
		NULL };
	static const char *const down[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D: Our bookkeeper left and the invoices piled up.",
		"C: You people never plan ahead. You should have known better.",
		NULL };
	/* Quoting the debtor and negating the label are not condescension. */
	static const char *const quoted[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D: Oh, it's you people again.",
		"C: You said 'you people' - I get it, nobody likes these calls.",
		"D: No.",
		"C: And I'm not saying you're irresponsible, these things happen.",
		NULL };
	static const char *const silent[] = { "D: Hello?", NULL };

	CHECK(equals, "treat-as-equals", RC_MET, 4);
	CHECK(down, "treat-as-equals", RC_MISSED, 4);
	CHECK(quoted, "treat-as-equals", RC_MET, 0);
	CHECK(silent, "treat-as-equals", RC_NA, -1);
}

/* ---- 8 be-realistic ---- */

static void
test_realistic(void)
{
	static const char *const plan[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[inability-revealed]: I lost my biggest client, I can't pay that.",
		"C: I'm sorry to hear that. Could you do $300 a month for 6 months?",
		NULL };
	static const char *const full[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[inability-revealed]: I lost my biggest client, I can't pay that.",
		"C: I still need the full balance by Friday.",
		"D: I just told you I can't.",
		NULL };
	static const char *const corrected[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[inability-revealed]: I lost my biggest client, I can't pay that.",
		"C: I still need the full balance by Friday.",
		"D: I just told you I can't.",
		"C: Okay, what could you manage each month instead?",
		NULL };
	/* The debtor has $600 at most: $1,500 at once is out of reach. */
	static const char *const too_much[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[inability-revealed]: Money is tight, I can't pay all of it.",
		"C: Then pay $1,500 today.",
		NULL };
	static const struct rc_truth truth = { 600, 250, 300, 0.3, 1, 8 };
	static const char *const able[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline. I need the full balance by Friday.",
		"D: Fine.",
		NULL };

	/* $1,000 a month from someone who can spare $250 is not a plan. */
	static const char *const big_plan[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[inability-revealed]: Money is tight, I can't pay all of it.",
		"C: Then $1,000 a month for 3 months.",
		NULL };

	/* The balance named with a day, after "I can't": a demand for all. */
	static const char *const balance_by_day[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[inability-revealed]: Every penny goes on rent, there's nothing spare.",
		"C: I understand, but the balance is $3,120 and it needs clearing. "
		    "Could you do it by the end of the month?",
		NULL };

	CHECK(plan, "be-realistic", RC_MET, 4);
	CHECK(full, "be-realistic", RC_MISSED, 4);
	CHECK(balance_by_day, "be-realistic", RC_MISSED, 4);
	CHECK(corrected, "be-realistic", RC_PARTIAL, 6);
	CHECK_F(too_much, 0, &truth, "be-realistic", RC_MISSED, 4);
	CHECK_F(big_plan, 0, &truth, "be-realistic", RC_MISSED, 4);
	CHECK_F(plan, 0, &truth, "be-realistic", RC_MET, 4);
	CHECK(able, "be-realistic", RC_NA, -1);
}

/* ---- 9 clear-message ---- */

static void
test_clear(void)
{
	static const char *const clear[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D: Right.",
		"C: We need $1,840 by Friday the 28th.",
		NULL };
	static const char *const amount_only[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline. Your balance is $3,120, due on September 15.",
		"D: Right.",
		"C: Could you pay $1,000?",
		NULL };
	static const char *const vague[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about your overdue account.",
		"D: Right.",
		"C: When do you think you could pay in full?",
		NULL };
	static const char *const silent[] = { "D: Hello?", NULL };

	static const char *const plan_start[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D: I can't pay it all.",
		"C: Then $460 a month for four months, starting on October 1.",
		NULL };

	CHECK(clear, "clear-message", RC_MET, 4);
	CHECK(plan_start, "clear-message", RC_MET, 4);
	CHECK(amount_only, "clear-message", RC_PARTIAL, 2);
	CHECK(vague, "clear-message", RC_MISSED, 4);
	CHECK(silent, "clear-message", RC_NA, -1);
}

/* ---- 10 concrete-minimum ---- */

static void
test_minimum(void)
{
	static const char *const held[] = {
		"A[floor-set=2000]: /floor $2,000",
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[debtor-offer=1500]: I can pay $1,500.",
		"C: Could you do $2,400 today?",
		"D[agreement=2400]: Alright, $2,400 today.",
		NULL };
	static const char *const caved[] = {
		"A[floor-set=2000]: /floor $2,000",
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[debtor-offer=1500]: I can pay $1,500.",
		"C: Okay, $1,500 it is.",
		"D[agreement=1500]: Great, deal.",
		NULL };
	static const char *const walked[] = {
		"A[floor-set=2000]: /floor $2,000",
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[debtor-offer=500]: I can pay $500.",
		"C: I can't accept less than that. I'll call you back on Monday.",
		NULL };
	static const char *const no_floor[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D: I know.",
		"C: Could you pay $2,000 today?",
		"D[debtor-offer=1500]: I can pay $1,500.",
		NULL };
	static const char *const late_floor[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[debtor-offer=1500]: I can pay $1,500.",
		"A[floor-set=2000]: /floor $2,000",
		"C: Could you do $2,400 today?",
		"D[agreement=2400]: Alright.",
		NULL };
	/* Said out loud before any offer, and held. */
	static const char *const stated[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline. The least we can accept on the $3,120 is $2,000.",
		"D[debtor-offer=2000]: I could do $2,000 then.",
		"C: Thank you.",
		"D[agreement=2000]: Done.",
		NULL };
	static const char *const no_bargain[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about invoice 2291.",
		"D: I'll check with my bookkeeper.",
		NULL };

	CHECK(held, "concrete-minimum", RC_MET, 1);
	CHECK(caved, "concrete-minimum", RC_MISSED, 6);
	{
		/* The note says money as the rest of the card does. */
		struct rc_transcript *t = build(caved);
		struct rc_score_input in;
		struct rc_scorecard *c;
		size_t i;
		const char *note = NULL;

		memset(&in, 0, sizeof in);
		in.t = t;
		in.c = &kase;
		c = rc_score(rubric, &in);
		for (i = 0; i < c->npractices; i++)
			if (strcmp(c->practices[i].def->id, "concrete-minimum") == 0)
				note = c->practices[i].note;
		RC_CHECK_STR(note ? note : "", "agreed to $1,500, below the minimum "
		    "of $2,000");
		rc_scorecard_free(c);
		rc_transcript_free(t);
	}
	CHECK(walked, "concrete-minimum", RC_MET, 1);
	CHECK(no_floor, "concrete-minimum", RC_MISSED, 4);
	CHECK(late_floor, "concrete-minimum", RC_PARTIAL, 4);
	CHECK(stated, "concrete-minimum", RC_MET, 2);
	/* A minimum paid now: held against what is paid today, not the total
	 * (the harness's agreements are one payment, due on the call). */
	static const char *const now_held[] = {
		"A[floor-now=800]: /floor $800 now",
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[debtor-offer=900]: I can pay $900 today.",
		"C: Thank you, $900 today then.",
		"D[agreement=900]: Deal.",
		NULL };
	static const char *const now_caved[] = {
		"A[floor-now=1000]: /floor $1,000 now",
		"D: Hello?",
		"C: Hi, this is Sam from Greenline about the $3,120 overdue.",
		"D[debtor-offer=900]: I can pay $900 today.",
		"C: Thank you, $900 today then.",
		"D[agreement=900]: Deal.",
		NULL };
	CHECK(now_held, "concrete-minimum", RC_MET, 1);
	CHECK(now_caved, "concrete-minimum", RC_MISSED, 6);
	/* $900 today and $300 a month for 5 months ($2,400 in all): a
	 * minimum of $1,000 in total holds, $1,000 paid now does not. */
	{
		static const char *const kinds[2][7] = {
			{ "A[floor-set=1000]: /floor $1,000", "D: Hello?",
			  "C: Hi, this is Sam from Greenline about the $3,120 overdue.",
			  "D[debtor-offer=900]: I can pay $900 today and $300 a month.",
			  "C: All right, $900 today and $300 a month for 5 months.",
			  "D[agreement=900]: Deal.", NULL },
			{ "A[floor-now=1000]: /floor $1,000 now", "D: Hello?",
			  "C: Hi, this is Sam from Greenline about the $3,120 overdue.",
			  "D[debtor-offer=900]: I can pay $900 today and $300 a month.",
			  "C: All right, $900 today and $300 a month for 5 months.",
			  "D[agreement=900]: Deal.", NULL },
		};
		int k;

		for (k = 0; k < 2; k++) {
			struct rc_transcript *t = build(kinds[k]);
			struct rc_score_input in;
			struct rc_scorecard *c;
			size_t i;

			rc_terms_clear(&t->agreement);
			rc_terms_add(&t->agreement, rc_cents(900), 1, RC_PERIOD_NONE,
			    RC_DATE_NONE, NULL);
			rc_terms_add(&t->agreement, rc_cents(300), 5, RC_PERIOD_MONTH,
			    RC_DATE_NONE, NULL);
			rc_terms_finish(&t->agreement, rc_cents(kase.balance));
			memset(&in, 0, sizeof in);
			in.t = t;
			in.c = &kase;
			c = rc_score(rubric, &in);
			for (i = 0; i < c->npractices; i++)
				if (strcmp(c->practices[i].def->id, "concrete-minimum") == 0)
					RC_CHECK_INT(c->practices[i].status,
					    k == 0 ? RC_MET : RC_MISSED);
			rc_scorecard_free(c);
			rc_transcript_free(t);
		}
	}
	/* Asked for everything and got it: nothing was bargained. */
	static const char *const paid_in_full[] = {
		"D: Hello?",
		"C: Hi, this is Sam from Greenline. Can you pay the $3,120 in full today?",
		"D[agreement=3120]: Yes, I'll transfer it now.",
		NULL };

	CHECK(no_bargain, "concrete-minimum", RC_NA, -1);
	CHECK(paid_in_full, "concrete-minimum", RC_NA, -1);
}

int
main(void)
{
	struct rc_err err = RC_ERR_INIT;
	size_t i;

	rubric = rc_rubric_load(RECOUP_SCORING_DIR, &err);
	if (rubric == NULL) {
		for (i = 0; i < err.n; i++)
			fprintf(stderr, "%s\n", err.v[i].msg);
		rc_err_clear(&err);
		return 1;
	}
	rc_err_clear(&err);
	test_every_interaction();
	test_reminder();
	test_accurate();
	test_research();
	test_polite();
	test_calm();
	test_equals();
	test_realistic();
	test_clear();
	test_minimum();
	rc_rubric_free(rubric);
	return RC_TEST_DONE();
}
