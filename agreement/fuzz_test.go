package agreement_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/internal/jsontest"

	"github.com/practicekit/boundaries/agreement/money"

	"github.com/practicekit/boundaries/agreement"
)

// FuzzAgreementJSON decodes arbitrary input as an agreement. Decoding never
// panics; an agreement that decodes and validates encodes back to the same
// form and decodes to an equal value, keeps its fingerprint, renders, and
// evaluates events without panicking.
//
// The stories' agreements are seeded clause by clause (see clauseSeeds):
// whole, they are 1.4 to 5.6 KB, and the fuzzer's minimizer, whose work
// grows with the square of an input's length, spent its full minute on
// every new finding made from them, at a dozen executions a minute.
func FuzzAgreementJSON(f *testing.F) {
	for _, a := range []agreement.Agreement{therapyTerms(), consultingTerms(), coachingTerms()} {
		for _, b := range clauseSeeds(f, a) {
			f.Add(b)
		}
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"id":"x","version":1,"parties":[{"role":"provider","name":"P"},{"role":"client","name":"C"}],"fees":{"session":"JPY 5000","deposit":""}}`))
	f.Add([]byte(`{"cancellation":{"tiers":[{"before":"-1h","share":99999}]}}`))
	f.Add([]byte(`{"fees":{"session":"USD 1.0"}}`))
	f.Add([]byte(`{"cancellation":{"tiers":[{"before":"1h","share":1},{"before":"-2562047h47m16.854775808s","share":1}]}}`))
	f.Add([]byte(`{"boundaries":[{"kind":"romantic","severity":"extreme"}]}`))
	f.Add([]byte(`{"id":"x","version":1,"parties":[{"role":"provider","name":"P"},{"role":"client","name":"C"}],"scope":{"in":[]},"fees":{"session":"USD 1.00","deposit":"USD 0.00","sliding_scale":null},"lateness":{"grace":"0s"}}`))
	f.Add([]byte(`[`))
	f.Add([]byte(`{"boundaries":[{"kind":"romantic"}]}`))
	f.Add([]byte(`{"obligations":{"ladder":[null]}}`))
	f.Add([]byte(`{"communication":{"policy":{"targets":[]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, back, first, ok := jsontest.RoundTrip[agreement.Agreement](t, data)
		if !ok {
			return
		}
		if err := a.Validate(); fmt.Sprint(err) != fmt.Sprint(back.Validate()) {
			t.Fatalf("the round trip changed what Validate says: %v, then %v\n%s", err, back.Validate(), first)
		} else if err != nil {
			return
		}
		if !reflect.DeepEqual(a, back) {
			t.Fatalf("the round trip changed the decoded value:\n%s\n%#v\n%#v", first, a, back)
		}
		f1, err1 := a.Fingerprint()
		f2, err2 := back.Fingerprint()
		if err1 != nil || err2 != nil || f1 != f2 {
			t.Fatalf("fingerprints differ: %v %v (%v, %v)", f1, f2, err1, err2)
		}
		for _, render := range []func() (string, error){a.Markdown, a.Text, a.HTML} {
			if _, err := render(); err != nil {
				t.Fatalf("a valid agreement does not render: %v", err)
			}
		}
		now := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
		for _, ev := range []agreement.Event{
			{Kind: agreement.EventCancellation, At: now.Add(-20 * time.Hour), Session: now},
			{Kind: agreement.EventArrival, At: now.Add(12 * time.Minute), Session: now},
			{Kind: agreement.EventWait, At: now.Add(time.Hour), Session: now},
			{Kind: agreement.EventContact, At: now.Add(13 * time.Hour), Channel: contact.ChannelText},
			{Kind: agreement.EventBoundary, At: now, Boundary: agreement.Romantic},
			{Kind: agreement.EventLatePayment, At: now, Due: now.Add(-100 * time.Hour)},
			{Kind: agreement.EventTermination, At: now, By: agreement.RoleProvider, Ground: "nonpayment"},
		} {
			_, _ = agreement.Evaluate(a, ev)
		}
	})
}

// clauseSeeds returns small valid agreements made from a: its ID, version,
// parties and session fee, with one of its clauses, or one of its
// boundaries, with every list cut to two elements and every string to 24
// bytes. None is much above 600 bytes, which the minimizer gets through in
// seconds.
func clauseSeeds(tb testing.TB, a agreement.Agreement) [][]byte {
	tb.Helper()
	provider, _ := a.Party(agreement.RoleProvider)
	client, _ := a.Party(agreement.RoleClient)
	base := agreement.Agreement{
		ID: a.ID, Version: a.Version,
		Parties: []agreement.Party{{Role: agreement.RoleProvider, Name: provider.Name}, {Role: agreement.RoleClient, Name: client.Name}},
		Fees:    agreement.Fees{Session: a.Fees.Session},
	}
	parts := []func(p *agreement.Agreement){
		func(p *agreement.Agreement) { p.Title, p.Scope = a.Title, a.Scope },
		func(p *agreement.Agreement) { p.Sessions, p.Lateness, p.Wait = a.Sessions, a.Lateness, a.Wait },
		func(p *agreement.Agreement) { p.Fees, p.Payment = a.Fees, a.Payment },
		func(p *agreement.Agreement) {
			p.Cancellation, p.ProviderCancellation = a.Cancellation, a.ProviderCancellation
		},
		func(p *agreement.Agreement) {
			p.Communication.Channels, p.Communication.Hours = a.Communication.Channels, a.Communication.Hours
		},
		func(p *agreement.Agreement) {
			p.Communication.Hours, p.Communication.Policy = a.Communication.Hours, a.Communication.Policy
			if r := p.Communication.Policy.Resources; len(r) > 1 {
				p.Communication.Policy.Resources = r[:1]
			}
		},
		func(p *agreement.Agreement) { p.Emergency = a.Emergency },
		func(p *agreement.Agreement) { p.Confidentiality, p.ForceMajeure = a.Confidentiality, a.ForceMajeure },
		func(p *agreement.Agreement) { p.Termination = a.Termination },
		func(p *agreement.Agreement) { p.Obligations = a.Obligations },
	}
	for _, b := range a.Boundaries {
		parts = append(parts, func(p *agreement.Agreement) { p.Boundaries = agreement.Boundaries{b} })
	}
	var out [][]byte
	for _, part := range parts {
		p := base
		part(&p)
		b, err := json.Marshal(p)
		if err != nil {
			tb.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			tb.Fatal(err)
		}
		if b, err = json.Marshal(shorten(v)); err != nil {
			tb.Fatal(err)
		}
		var short agreement.Agreement
		if err := json.Unmarshal(b, &short); err != nil {
			tb.Fatalf("seed of %s: %v", a.ID, err)
		}
		if err := short.Validate(); err != nil {
			tb.Fatalf("seed of %s: %v", a.ID, err)
		}
		out = append(out, b)
	}
	return out
}

// TestClauseSeedsAreSmall keeps FuzzAgreementJSON's seeds small and
// valid, and covering every clause of the stories' agreements.
func TestClauseSeedsAreSmall(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range []agreement.Agreement{therapyTerms(), consultingTerms(), coachingTerms()} {
		for _, b := range clauseSeeds(t, a) {
			if len(b) > 640 {
				t.Errorf("a seed of %d bytes: %s", len(b), b)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			for k := range m {
				seen[k] = true
			}
		}
	}
	var missing []string
	for _, k := range []string{"title", "scope", "sessions", "fees", "payment", "cancellation", "lateness", "wait", "provider_cancellation", "communication", "emergency", "boundaries", "confidentiality", "termination", "force_majeure", "obligations"} {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		t.Errorf("no seed has %v", missing)
	}
}

// shorten cuts every list in a decoded JSON value to two elements and
// every string to 24 bytes.
func shorten(v any) any {
	switch v := v.(type) {
	case string:
		if len(v) > 24 {
			return strings.ToValidUTF8(v[:24], "")
		}
	case []any:
		v = v[:min(len(v), 2)]
		for i := range v {
			v[i] = shorten(v[i])
		}
		return v
	case map[string]any:
		for k := range v {
			v[k] = shorten(v[k])
		}
	}
	return v
}

// FuzzEventJSON decodes arbitrary input as an event and evaluates it
// against the therapy agreement: nothing panics, and a termination that
// evaluates accounts for every minor unit paid.
func FuzzEventJSON(f *testing.F) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	for _, ev := range []agreement.Event{
		{Kind: agreement.EventCancellation, At: at, Session: at.Add(30 * time.Hour)},
		{Kind: agreement.EventTermination, At: at, Amount: usd("USD 340.00"), Sessions: 3, Used: 1},
		{Kind: agreement.EventContact, At: at, Channel: contact.ChannelEmail, Urgency: contact.Urgent},
		{Kind: agreement.EventPayment, At: at, Amount: usd("USD 10.00"), Sessions: 2},
	} {
		b, err := json.Marshal(ev)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"kind":"termination","at":"2026-03-09T10:00:00Z","amount":"USD 9223372036854775.80","sessions":65536,"used":1}`))
	f.Add([]byte(`{"kind":"wait","at":"2026-03-09T10:00:00Z","session":"0001-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"kind":"boundary","at":"2026-03-09T10:00:00Z","boundary":"romantic","unknown":1}`))
	f.Add([]byte(`{"kind":"","at":"0001-01-01T00:00:00Z","amount":""}`))
	terms := therapyTerms()
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, back, _, ok := jsontest.RoundTrip[agreement.Event](t, data)
		if !ok {
			return
		}
		if err := ev.Validate(); fmt.Sprint(err) != fmt.Sprint(back.Validate()) {
			t.Fatalf("the round trip changed what Validate says: %v, then %v", err, back.Validate())
		}
		o, err := agreement.Evaluate(terms, ev)
		if err != nil || ev.Kind != agreement.EventTermination || !ev.Amount.IsValid() {
			return
		}
		sum := money.Zero(ev.Amount.Currency())
		for _, ls := range [][]agreement.Line{o.Charges, o.Retained, o.Refunds} {
			for _, l := range ls {
				if sum, err = sum.Add(l.Amount); err != nil {
					t.Fatal(err)
				}
			}
		}
		if sum != ev.Amount {
			t.Fatalf("%s paid, %s accounted for: %+v", ev.Amount, sum, o)
		}
	})
}

// FuzzAcknowledgmentJSON decodes arbitrary input as an acknowledgment:
// what decodes round-trips, and verifies against the agreement without
// panicking.
func FuzzAcknowledgmentJSON(f *testing.F) {
	terms := therapyTerms()
	client, _ := terms.Party(agreement.RoleClient)
	k, err := agreement.Acknowledge(terms, client, time.Date(2026, 3, 1, 18, 30, 0, 0, newYork()))
	if err != nil {
		f.Fatal(err)
	}
	b, err := json.Marshal(k)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"agreement":"","version":0,"fingerprint":"","signer":{"role":"","name":""},"at":"0001-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"fingerprint":"sha256:00","signer":{"role":"sponsor"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, _, _, ok := jsontest.RoundTrip[agreement.Acknowledgment](t, data)
		if ok {
			_ = k.Verify(terms)
		}
	})
}

// FuzzOutcomeJSON decodes arbitrary input as an outcome; what decodes
// round-trips.
func FuzzOutcomeJSON(f *testing.F) {
	terms := therapyTerms()
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, newYork())
	for _, ev := range []agreement.Event{
		{Kind: agreement.EventCancellation, At: at.Add(-20 * time.Hour), Session: at},
		{Kind: agreement.EventContact, At: at.Add(13 * time.Hour), Channel: contact.ChannelText},
		{Kind: agreement.EventTermination, At: at, Amount: usd("USD 340.00"), Sessions: 3, Used: 1},
	} {
		o, err := agreement.Evaluate(terms, ev)
		if err != nil {
			f.Fatal(err)
		}
		b, err := json.Marshal(o)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"event":"","at":"0001-01-01T00:00:00Z","charges":[{"clause":"","amount":"","message":""}],"breaches":[{}],"actions":[null],"reasons":[{"code":""}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		jsontest.RoundTrip[agreement.Outcome](t, data)
	})
}

// FuzzStandingJSON decodes arbitrary input as a ledger's standing; what
// decodes round-trips.
func FuzzStandingJSON(f *testing.F) {
	terms := therapyTerms()
	events := timeline(40)
	now := events[len(events)-1].At.Add(time.Hour)
	_, st, err := agreement.Timeline(terms, events, now)
	if err != nil {
		f.Fatal(err)
	}
	b, err := json.Marshal(st)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"at":"0001-01-01T00:00:00Z","account":{"paid":"","prepaid":0},"breaches":0,"reasons":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		jsontest.RoundTrip[agreement.Standing](t, data)
	})
}

// FuzzParseFingerprint checks that ParseFingerprint accepts exactly what
// String writes.
func FuzzParseFingerprint(f *testing.F) {
	fp, err := therapyTerms().Fingerprint()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fp.String())
	f.Add("sha256:")
	f.Add("sha256:" + "AB" + fp.String()[9:])
	f.Fuzz(func(t *testing.T, s string) {
		v, err := agreement.ParseFingerprint(s)
		if err != nil {
			return
		}
		if v.String() != s {
			t.Fatalf("ParseFingerprint(%q).String() = %q", s, v.String())
		}
	})
}

// FuzzParseNames checks the parsers of the package's named values: what
// they accept, the value's text form gives back.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"minor", "Critical", "note", "TERMINATION", "provider", "client", "make_up", "client_chooses", "pro_rata", "none", "therapy", "coaching", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := agreement.ParseSeverity(s); err == nil {
			if w, err := agreement.ParseSeverity(v.String()); err != nil || w != v {
				t.Fatalf("severity %q: %v", s, err)
			}
		}
		if v, err := agreement.ParseConsequence(s); err == nil {
			if w, err := agreement.ParseConsequence(v.String()); err != nil || w != v {
				t.Fatalf("response %q: %v", s, err)
			}
		}
		if v, err := agreement.ParseRole(s); err == nil && string(v) != s {
			t.Fatalf("role %q parsed as %q", s, v)
		}
		if v, err := agreement.ParseRemedy(s); err == nil && string(v) != s {
			t.Fatalf("remedy %q parsed as %q", s, v)
		}
		if v, err := agreement.ParseRefundRule(s); err == nil && string(v) != s {
			t.Fatalf("refund rule %q parsed as %q", s, v)
		}
		if v, err := agreement.ParseProfile(s); err == nil && string(v) != s {
			t.Fatalf("profile %q parsed as %q", s, v)
		}
	})
}
