/*
 * test_detect_extended.c - the detectors of the extended practices
 * (listening, empathy, right party, not assuming, proof, starting high,
 * options, recap, notes, policy) on small calls written the way a trainee would
 * type them.  Each case says how a collections trainer would judge the
 * call and which turn decided it; the scoring runs with the real rubric
 * and signals from scoring/.  Case: Bloom & Co owes Northwind Supplies
 * $3,120 (INV-2291 $1,840 due 2026-09-15, INV-2307 $1,280 due 2026-10-01).
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "scorekit.h"

/* listen-and-acknowledge */
static const char *const listen_met[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[reason-revealed]: Our bookkeeper quit and the invoices went to an old inbox.",
	"C: I understand, thanks for telling me. Can we sort it out today?",
	"D[inability-revealed]: I can't pay all of it at once.",
	"C: That makes sense. What could you manage this week?",
	NULL,
};
static const char *const listen_partial[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[reason-revealed]: Our bookkeeper quit and the invoices went to an old inbox.",
	"C: I understand, thanks for telling me. Can you pay $1,840 by Friday?",
	"D[inability-revealed]: I can't pay all of it at once.",
	"C: We need $1,840 by Friday.",
	NULL,
};
static const char *const listen_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my job last month.",
	"C: Can you pay $3,120 by Friday?",
	NULL,
};
/* "Nothing about that makes sense" is not an acknowledgement. */
static const char *const listen_negated[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[dispute]: I already paid that in August.",
	"C: Nothing about that makes sense. Pay $1,840 by Friday.",
	NULL,
};
/* Recorded calls: a line that only takes a moment ("give me a second to
 * look at the account") is not the answer; the line the collector goes
 * straight on with is. */
static const char *const listen_hold_second[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: Our bookkeeper quit in August and the invoices went to an old inbox.",
	"C: Okay, give me a second to look at the account properly.",
	"C: I see, so the invoices never reached you. Could you pay $1,840 by Friday?",
	NULL,
};
static const char *const listen_hold_check[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: I was in hospital for most of October.",
	"C: Let me just check the notes on the account.",
	"C: That makes sense, thanks for explaining. What could you manage this week?",
	NULL,
};
static const char *const listen_hold_pause[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: Our biggest client hasn't paid us since September.",
	"C: Hmm, let me think.",
	"A[pause]: [pause]",
	"C: Fair enough, that explains it. Could you pay $1,840 by Friday?",
	NULL,
};
/* Taking a moment and then pressing on without a word for it is missed. */
static const char *const listen_hold_then_press[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: Our bookkeeper quit in August and the invoices went to an old inbox.",
	"C: Okay, give me a second to look at the account properly.",
	"C: Could you pay $1,840 by Friday?",
	NULL,
};
/* The hold answers when the debtor speaks next: it is the answer. */
static const char *const listen_hold_answered[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: Our bookkeeper quit in August and the invoices went to an old inbox.",
	"C: Okay, give me a second to look at the account properly.",
	"D: Sure.",
	"C: I see, so the invoices never reached you. Could you pay $1,840 by Friday?",
	NULL,
};
static const char *const listen_na[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 today?",
	"D[agreement 3120]: Sure, I'll pay it all today.",
	NULL,
};

/* tactical-empathy */
static const char *const empathy_met[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my biggest client, I'm barely keeping the lights on.",
	"C: That must be stressful. Let's see what we can do.",
	NULL,
};
static const char *const empathy_partial[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my biggest client, I'm barely keeping the lights on.",
	"C: I understand. What could you pay this month?",
	NULL,
};
/* Quoting the debtor's "it must be hard" is not the collector's empathy. */
static const char *const empathy_quoted[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[hostility]: Stop calling me, you vultures.",
	"C: You said \"it must be hard\" to take my calls; please pay $3,120 by Friday.",
	NULL,
};

/* verify-right-party */
static const char *const party_asked[] = {
	"C: Hi, this is Sam from Northwind Supplies. Am I speaking with Maria Okafor?",
	"D[right-party-confirmed]: Yes, speaking.",
	"C: I'm calling about invoice INV-2291 for $1,840, which is overdue.",
	NULL,
};
static const char *const party_answered[] = {
	"D[right-party-confirmed]: Bloom and Co, Maria Okafor speaking.",
	"C: Hi Maria, this is Sam from Northwind, calling about invoice 2291.",
	NULL,
};
static const char *const party_disclosed[] = {
	"C: Hi, this is Sam from Northwind about your overdue invoice.",
	"D: Who?",
	"C: Am I speaking with Maria Okafor?",
	NULL,
};
/* The invoice id alone names the debt. */
static const char *const party_by_id[] = {
	"D: Hello?",
	"C: Hi, this is Sam from Northwind, I'm calling about INV-2307.",
	"D: I'm the cleaner, Maria is out.",
	NULL,
};
static const char *const party_same_breath[] = {
	"C: Hi, is this Maria Okafor? I'm calling about the $1,840 on invoice INV-2291.",
	"D: Yes.",
	NULL,
};
static const char *const party_na[] = {
	"C: Hello, this is Sam from Northwind Supplies.",
	"D: Sorry, wrong number.",
	"C: Apologies, have a good day.",
	NULL,
};

/* dont-assume */
static const char *const assume_checked[] = {
	"C: Hi Maria, this is Sam from Northwind. Did you receive invoice INV-2291 from us?",
	"D: Yes, it's still sitting here, unpaid.",
	"C: Could you pay the $1,840 by Friday?",
	NULL,
};
static const char *const assume_acknowledged[] = {
	"C: Hi Maria, this is Sam from Northwind.",
	"D[debt-acknowledged]: I know, I still owe you for those two invoices.",
	"C: Could you pay $3,120 by Friday?",
	NULL,
};
static const char *const assume_late_check[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 by Friday?",
	"D: For what?",
	"C: Did you receive the invoices we sent in September?",
	NULL,
};
static const char *const assume_never[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 by Friday?",
	"D: I'll see.",
	NULL,
};

/* validate-excuses */
static const char *const proof_asked[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: Our client hasn't paid us yet, we're waiting on their cheque.",
	"C: I see. Could you send me a copy of the client's remittance?",
	NULL,
};
static const char *const proof_dispute[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[dispute]: I already paid that in August.",
	"C: Thank you. Could you give me the transaction number?",
	NULL,
};
static const char *const proof_promise[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: I'll pay it next week, I promise.",
	"C: When exactly will the payment go out?",
	NULL,
};
static const char *const proof_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: Our client hasn't paid us yet, we're waiting on their cheque.",
	"C: OK. Could you pay $1,840 by the end of the month?",
	NULL,
};
/* The collector repeats the debtor's words: "receipt" in quotes is no ask. */
static const char *const proof_quoted[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[dispute]: I already paid, I have the receipt somewhere.",
	"C: You keep saying \"I have the receipt somewhere\". Please pay by Friday.",
	NULL,
};
static const char *const proof_na[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 by Friday?",
	"D[agreement 3120]: Yes, no problem.",
	NULL,
};

/* start-high */
static const char *const high_met[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay the full balance of "
	    "$3,120 by Friday?",
	"D: That's a lot.",
	"C: Could you do $1,500 now and the rest on the 30th?",
	NULL,
};
static const char *const high_plan[] = {
	"C: Could you do $1,000 now and $530 a month for 4 months?",
	NULL,
};
static const char *const high_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance of $3,120 is overdue.",
	"D: I know.",
	"C: Could you do $1,000 today?",
	NULL,
};
/* "The full balance becomes due if..." explains a consequence: no ask. */
static const char *const high_ramification_first[] = {
	"C: If a payment is missed, the full balance becomes due.",
	"D: OK.",
	"C: Could you do $1,000 today?",
	NULL,
};

/* give-options */
static const char *const options_met[] = {
	"C: You can either pay it all by Friday or half now and half on the 30th.",
	"D: Half now, then.",
	NULL,
};
static const char *const options_back_to_back[] = {
	"C: Could you pay $3,120 by Friday?",
	"C: Or $1,000 now and $530 a month for 4 months, if that's easier.",
	"D: The second one.",
	NULL,
};
static const char *const options_after_refusal[] = {
	"C: Could you pay $3,120 by Friday?",
	"D: No.",
	"C: Could you do $1,000 now and $530 a month for 4 months?",
	"D[agreement 1000+530x4]: OK.",
	NULL,
};
static const char *const options_one[] = {
	"C: Could you do $1,000 now and $530 a month for 4 months?",
	"D[agreement 1000+530x4]: OK.",
	NULL,
};
/* An ultimatum is not a choice. */
static const char *const options_ultimatum[] = {
	"C: Either you pay the $3,120 by Friday or we take you to court.",
	"D: Fine.",
	NULL,
};
static const char *const options_ultimatum2[] = {
	"C: Either you pay the $3,120 by Friday or we go to court.",
	"D: Fine.",
	NULL,
};

/* recap-terms */
/* Recorded calls: a recap must match the deal. */
static const char *const recap_wrong_figure[] = {
	"C: Could you do something today as a show of good faith, say $500?",
	"D: Yeah, $500 I can do today.",
	"C: Great, and the remaining $1,340 by the 28th?",
	"D: Yeah, fine, the 28th.",
	"C: So that's $500 today and the remaining $1,500 on the 28th.",
	NULL,
};
static const char *const recap_right_figure[] = {
	"C: Could you do something today as a show of good faith, say $500?",
	"D: Yeah, $500 I can do today.",
	"C: Great, and the remaining $1,340 by the 28th?",
	"D: Yeah, fine, the 28th.",
	"C: So that's $500 today and the remaining $1,340 on the 28th.",
	NULL,
};
/* Terms asked and said yes to are being put, not said back. */
static const char *const recap_asked_only[] = {
	"C: Do you want to split it in three? $1,040 on the 15th of each month?",
	"D: Yep, will do.",
	"C: Beauty. Thanks, catch you later.",
	NULL,
};

/* Recorded calls: a deal agreed without its figures ("I can pay it by
 * card on Thursday" — "Thursday's great"), then the terms laid out with
 * their sum and day, is the deal said back. */
static const char *const recap_unknown_email[] = {
	"C: What would work best for you to get it paid?",
	"D: I can pay it by card this week, Thursday.",
	"C: Thursday's great.",
	"D: Okay.",
	"C: I'll email you a note confirming payment of $3,120 by card on Thursday.",
	NULL,
};
static const char *const recap_unknown_so[] = {
	"C: How would you like to sort this out?",
	"D: We can clear it all at the end of the month.",
	"C: That works for us.",
	"D: Great.",
	"C: So that's $3,120 by the 30th, by bank transfer. Thanks Maria.",
	NULL,
};
/* Terms asked as a question are still being put. */
static const char *const recap_unknown_asked[] = {
	"C: What would work best for you to get it paid?",
	"D: I can pay it by card this week, Thursday.",
	"C: Thursday's great.",
	"D: Okay.",
	"C: And could you do $3,120 on Thursday?",
	NULL,
};
/* Recorded calls on 2026-11-04: the days of the deal said back without
 * its figures are half a recap. */
static const char *const recap_days_then[] = {
	"C: Could you pay the $1,840 by Friday and the $1,280 by the 14th?",
	"D: Ugh. Fine. $1,840 Friday, $1,280 the 14th.",
	"C: Alright, Friday and the 14th then. Thanks Maria.",
	NULL,
};
static const char *const recap_days_down[] = {
	"C: Can we say the $3,120 by Wednesday, November 12?",
	"D: Yeah, the 12th, fine.",
	"C: Great. I'll put you down for the 12th then. Thanks Maria.",
	NULL,
};
static const char *const recap_days_date[] = {
	"C: Could you pay the $3,120 on the 20th?",
	"D: Yes, I can do that.",
	"C: Lovely, I've got you in the diary for November 20.",
	NULL,
};
/* Another day is not the deal's. */
static const char *const recap_days_other[] = {
	"C: Could you pay the $3,120 on the 20th?",
	"D: Yes, I can do that.",
	"C: Lovely. I'll be out on Monday the 10th, so ask for Sam.",
	NULL,
};
static const char *const recap_met[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: So to confirm: $600 today by card, then $420 on the 1st of each month for 6 months.",
	NULL,
};
static const char *const recap_figures[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Great: $600 today, then $420 a month for six months.",
	NULL,
};
static const char *const recap_partial[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Great, I'll look out for the $600 today.",
	NULL,
};
static const char *const recap_missed[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Thanks, goodbye.",
	NULL,
};

/* document-the-call */
static const char *const note_met[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: It went to an old inbox.",
	"A[note]: /note invoices went to an old inbox; call back Friday",
	"C: I'll call you back on Friday.",
	NULL,
};
static const char *const note_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: It went to an old inbox.",
	"A[pause]: /pause",
	"C: I'll call you back on Friday.",
	NULL,
};

/* within-policy: Northwind's policy (below, kase_policy) allows plans
 * from $50 a month, of at most 12 months, and credits up to $500. */
static const char *const policy_low[] = {
	"C: Hi Maria, this is Sam from Northwind. How about $25 a month?",
	"D[debtor-offer 25+25x20]: I could do that.",
	"C: Fine, $25 a month it is.",
	"D[agreement 25+25x124]: Thank you, $25 a month then.",
	NULL,
};
static const char *const policy_long[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $600 today?",
	"D[debtor-offer 600]: I can do $600 today and $180 a month after.",
	"C: All right: $600 today and $180 a month.",
	"D[agreement 600+180x14]: Agreed.",
	NULL,
};
static const char *const policy_credit[] = {
	"C: Hi Maria, this is Sam from Northwind. Pay $2,000 today and we'll call it settled.",
	"D[agreement 2000]: Deal, $2,000 today.",
	NULL,
};
static const char *const policy_within[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: Yes, that works.",
	NULL,
};
static const char *const policy_offer_only[] = {
	"C: Hi Maria, this is Sam from Northwind. How about $25 a month for 20 months?",
	"D[agreement 600+420x6]: I'd rather pay $600 today and $420 a month for 6 months.",
	NULL,
};
static const char *const policy_no_deal[] = {
	"C: Hi Maria, this is Sam from Northwind. How about $25 a month for 20 months?",
	"D: I'll have to think about it.",
	"C: Call me back by Friday, then.",
	NULL,
};
static const char *const policy_offer_kept[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $600 today and $420 a month for 6 months?",
	"D: I'll have to think about it.",
	NULL,
};
static const char *const policy_no_terms[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: It went to an old inbox.",
	NULL,
};

int
main(void)
{
	struct rc_policy pol;
	struct rc_case kase_policy = kase, kase_dated = kase;

	static const char *const ids[] = { "listen-and-acknowledge",
	    "tactical-empathy", "verify-right-party", "dont-assume",
	    "validate-excuses", "start-high", "give-options", "recap-terms",
	    "document-the-call", "within-policy", NULL };

	if (!load_rubric()) {
		fprintf(stderr, "cannot load the rubric from %s\n", RECOUP_SCORING_DIR);
		return 1;
	}
	check_table(rc_detectors_extended, ids);

	EXPECT("listen-and-acknowledge", listen_met, RC_MET, 3);
	EXPECT2("listen-and-acknowledge", listen_partial, RC_PARTIAL, 4, 5);
	EXPECT2("listen-and-acknowledge", listen_missed, RC_MISSED, 2, 3);
	EXPECT2("listen-and-acknowledge", listen_negated, RC_MISSED, 2, 3);
	EXPECT("listen-and-acknowledge", listen_na, RC_NA, 0);
	expect_at(__LINE__, "listen-and-acknowledge", &kase, NULL, 1,
	    listen_hold_second, RC_MET, 4, 0);
	expect_at(__LINE__, "listen-and-acknowledge", &kase, NULL, 1,
	    listen_hold_check, RC_MET, 4, 0);
	expect_at(__LINE__, "listen-and-acknowledge", &kase, NULL, 1,
	    listen_hold_pause, RC_MET, 5, 0);
	expect_at(__LINE__, "listen-and-acknowledge", &kase, NULL, 1,
	    listen_hold_then_press, RC_MISSED, 2, 4);
	expect_at(__LINE__, "listen-and-acknowledge", &kase, NULL, 1,
	    listen_hold_answered, RC_MISSED, 2, 3);

	EXPECT("tactical-empathy", empathy_met, RC_MET, 3);
	EXPECT2("tactical-empathy", empathy_partial, RC_PARTIAL, 2, 3);
	EXPECT2("tactical-empathy", listen_missed, RC_MISSED, 2, 3);
	EXPECT("tactical-empathy", empathy_quoted, RC_MISSED, 2);
	EXPECT("tactical-empathy", listen_na, RC_NA, 0);

	EXPECT("verify-right-party", party_asked, RC_MET, 1);
	EXPECT("verify-right-party", party_answered, RC_MET, 1);
	EXPECT("verify-right-party", party_disclosed, RC_MISSED, 1);
	EXPECT("verify-right-party", party_by_id, RC_MISSED, 2);
	EXPECT("verify-right-party", party_same_breath, RC_PARTIAL, 1);
	EXPECT("verify-right-party", party_na, RC_NA, 0);
	/* Without a case file only the words give the debt away. */
	expect_at(__LINE__, "verify-right-party", NULL, NULL, 0, party_by_id,
	    RC_NA, 0, 0);

	EXPECT("dont-assume", assume_checked, RC_MET, 1);
	EXPECT("dont-assume", assume_acknowledged, RC_MET, 2);
	EXPECT2("dont-assume", assume_late_check, RC_PARTIAL, 1, 3);
	EXPECT("dont-assume", assume_never, RC_MISSED, 1);
	/* The debtor said why it is unpaid before any ask: nothing assumed. */
	EXPECT("dont-assume", proof_missed, RC_MET, 2);
	EXPECT("dont-assume", party_na, RC_NA, 0);

	EXPECT2("validate-excuses", proof_asked, RC_MET, 2, 3);
	EXPECT2("validate-excuses", proof_dispute, RC_MET, 2, 3);
	EXPECT2("validate-excuses", proof_promise, RC_MET, 2, 3);
	EXPECT("validate-excuses", proof_missed, RC_MISSED, 2);
	EXPECT("validate-excuses", proof_quoted, RC_MISSED, 2);
	EXPECT("validate-excuses", proof_na, RC_NA, 0);

	EXPECT("start-high", high_met, RC_MET, 1);
	EXPECT("start-high", high_plan, RC_MET, 1);
	EXPECT("start-high", high_missed, RC_MISSED, 3);
	EXPECT("start-high", high_ramification_first, RC_MISSED, 3);
	EXPECT("start-high", party_na, RC_NA, 0);
	expect_at(__LINE__, "start-high", NULL, NULL, 0, high_met, RC_NA, 0, 0);

	EXPECT("give-options", options_met, RC_MET, 1);
	EXPECT2("give-options", options_back_to_back, RC_MET, 1, 2);
	EXPECT2("give-options", options_after_refusal, RC_PARTIAL, 1, 3);
	EXPECT("give-options", options_one, RC_MISSED, 1);
	EXPECT("give-options", options_ultimatum, RC_MISSED, 1);
	EXPECT("give-options", options_ultimatum2, RC_MISSED, 1);
	EXPECT("give-options", party_na, RC_NA, 0);
	EXPECT("give-options", listen_na, RC_NA, 0);

	EXPECT("recap-terms", recap_met, RC_MET, 3);
	expect_at(__LINE__, "recap-terms", &kase, NULL, 1, recap_wrong_figure,
	    RC_MISSED, 5, 0);
	expect_at(__LINE__, "recap-terms", &kase, NULL, 1, recap_right_figure,
	    RC_MET, 5, 0);
	expect_at(__LINE__, "recap-terms", &kase, NULL, 1, recap_asked_only,
	    RC_MISSED, 0, 0);
	EXPECT("recap-terms", recap_figures, RC_MET, 3);
	kase_dated.date = rc_date_from_ymd(2026, 11, 4);
	expect_at(__LINE__, "recap-terms", &kase_dated, NULL, 1, recap_days_then,
	    RC_PARTIAL, 3, 0);
	expect_at(__LINE__, "recap-terms", &kase_dated, NULL, 1, recap_days_down,
	    RC_PARTIAL, 3, 0);
	expect_at(__LINE__, "recap-terms", &kase_dated, NULL, 1, recap_days_date,
	    RC_PARTIAL, 3, 0);
	expect_at(__LINE__, "recap-terms", &kase_dated, NULL, 1, recap_days_other,
	    RC_MISSED, 0, 0);
	expect_at(__LINE__, "recap-terms", &kase, NULL, 1, recap_unknown_email,
	    RC_MET, 5, 0);
	expect_at(__LINE__, "recap-terms", &kase, NULL, 1, recap_unknown_so,
	    RC_MET, 5, 0);
	expect_at(__LINE__, "recap-terms", &kase, NULL, 1, recap_unknown_asked,
	    RC_MISSED, 0, 0);
	EXPECT2("recap-terms", recap_partial, RC_PARTIAL, 2, 3);
	EXPECT("recap-terms", recap_missed, RC_MISSED, 2);
	EXPECT("recap-terms", assume_never, RC_NA, 0);

	EXPECT("document-the-call", note_met, RC_MET, 3);
	EXPECT("document-the-call", note_missed, RC_MISSED, 4);
	expect_at(__LINE__, "document-the-call", &kase, NULL, 1, note_met,
	    RC_NA, 0, 0);

	rc_policy_init(&pol);
	pol.set = 1;
	pol.min_instalment = rc_cents(50);
	pol.max_months = 12;
	pol.credit_authority = rc_cents(500);
	kase_policy.policy = &pol;
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0, policy_low,
	    RC_MISSED, 3, 4);
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0, policy_long,
	    RC_MISSED, 3, 4);
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0, policy_credit,
	    RC_MISSED, 1, 2);
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0, policy_within,
	    RC_MET, 2, 0);
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0,
	    policy_offer_only, RC_PARTIAL, 1, 2);
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0,
	    policy_no_deal, RC_MISSED, 1, 0);
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0,
	    policy_no_terms, RC_NA, 0, 0);
	expect_at(__LINE__, "within-policy", &kase_policy, NULL, 0,
	    policy_offer_kept, RC_MET, 1, 0);
	/* No policy in the case file, or no case file: n/a. */
	EXPECT("within-policy", policy_low, RC_NA, 0);
	expect_at(__LINE__, "within-policy", NULL, NULL, 0, policy_low, RC_NA, 0, 0);
	/* The same breaches in the outcome, in order. */
	{
		struct rc_transcript *t = build(policy_low);
		struct rc_score_input in;
		struct rc_scorecard *card;

		memset(&in, 0, sizeof in);
		in.t = t;
		in.c = &kase_policy;
		card = rc_score(rubric, &in);
		RC_CHECK_INT(card->outcome.nbreaches, 2);
		RC_CHECK_INT(card->outcome.breaches[0].kind, RC_BREACH_INSTALMENT);
		RC_CHECK_INT(card->outcome.breaches[1].kind, RC_BREACH_LENGTH);
		rc_scorecard_free(card);
		rc_transcript_free(t);
	}

	/* The hidden truth does not change these practices. */
	EXPECT_TRUTH("tactical-empathy", empathy_met, &broke, RC_MET, 3, 0);
	EXPECT_TRUTH("start-high", high_met, &flush, RC_MET, 1, 0);

	rc_rubric_free(rubric);
	return RC_TEST_DONE();
}
