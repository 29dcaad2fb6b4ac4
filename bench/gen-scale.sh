#!/bin/sh
# gen-scale.sh N [FILE]: a valid, lint-clean scenario with N states, each
# with one rule of its own (a pattern, a reply, an example and the next
# state) and a fallback, chained s0 -> s1 -> ... -> done, so every state is
# reachable and has a way out.  For bench/scale.sh and the scale test.
set -eu
n=${1:?usage: gen-scale.sh N [FILE]}
out=${2:-/dev/stdout}
awk -v n="$n" 'BEGIN {
	printf "{\n  \"id\": \"scale-%d\",\n  \"title\": \"Scale: %d states\",\n", n, n
	print "  \"version\": \"1.0.0\", \"archetype\": \"forgetful\", \"difficulty\": \"easy\","
	print "  \"summary\": \"A generated debtor with very many states.\","
	print "  \"persona\": { \"name\": \"Sam Scale\", \"role\": \"owner\", \"kind\": \"business\","
	print "    \"temperament\": { \"patience\": 6, \"hostility\": 2, \"honesty\": 8 } },"
	print "  \"case\": { \"creditor\": \"Big Supply\", \"debtor\": \"Scale Ltd\", \"currency\": \"USD\","
	print "    \"invoices\": [ { \"id\": \"SC-1\", \"amount\": 900, \"due\": \"2026-10-30\" } ],"
	print "    \"balance\": 900, \"days_overdue\": 21 },"
	print "  \"truth\": { \"reason\": \"It was lost.\", \"cash_now\": 600, \"monthly\": 300,"
	print "    \"first_offer\": 300, \"concession\": 0.4 },"
	print "  \"start\": \"s0\","
	print "  \"opening\": { \"replies\": [\"Scale Ltd, Sam speaking.\"] },"
	print "  \"hangup\": { \"replies\": [\"Bye.\"] },"
	print "  \"bargain\": {"
	print "    \"accept\": { \"replies\": [\"{terms}? Fine.\"], \"next\": \"done\" },"
	print "    \"accept_plan\": { \"replies\": [\"{terms}. Deal.\"], \"next\": \"done\" },"
	print "    \"counter\": { \"replies\": [\"I could do {offer} today.\"] },"
	print "    \"counter_plan\": { \"replies\": [\"Could we make it {terms}?\"] },"
	print "    \"refuse\": { \"replies\": [\"I do not have that.\"] }"
	print "  },"
	print "  \"states\": {"
	# Compact, to stay under the 16 MiB a scenario file may have at 100,000.
	for (i = 0; i < n; i++) {
		printf "\"s%d\":{\"rules\":[{\"id\":\"r%d\",\"match\":\"\\\\bw%d\\\\b\",", i, i, i
		printf "\"replies\":[\"R%d.\"],", i
		printf "\"next\":\"%s\",\"examples\":[\"say w%d\"]}],", i + 1 < n ? "s" (i + 1) : "done", i
		printf "\"fallback\":{\"replies\":[\"F%d.\"]}},\n", i
	}
	print "    \"done\": { \"end\": \"close\" }"
	print "  }"
	print "}"
}' >"$out"
