package agreement_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"

	"github.com/practicekit/boundaries/agreement"
)

// coaching returns a small coaching agreement for the examples.
func coaching() agreement.Agreement {
	return agreement.Agreement{
		ID:      "coaching-42",
		Version: 1,
		Parties: []agreement.Party{
			{Role: agreement.RoleProvider, Name: "Giulia Benedetti"},
			{Role: agreement.RoleClient, Name: "Marco Ferri"},
		},
		Scope:    agreement.Scope{Nature: "Coaching towards goals for mind, body and spirit; not therapy.", Out: []string{"therapy"}},
		Sessions: agreement.Sessions{Length: time.Hour},
		Fees: agreement.Fees{
			Session:  money.MustParse("EUR 100.00"),
			Packages: []agreement.Package{{Sessions: 3, Price: money.MustParse("EUR 250.00")}},
		},
		Payment: agreement.Payment{Methods: []string{"card"}},
		Cancellation: agreement.Cancellation{
			Tiers: []agreement.Tier{{Before: 24 * time.Hour, Share: 10000}, {Before: 48 * time.Hour, Share: 5000}},
			Limit: agreement.Limit{Count: 3, Within: 90 * 24 * time.Hour},
		},
		Lateness: agreement.Lateness{Grace: 10 * time.Minute, EndsOnTime: true},
		Wait:     agreement.Wait{Provider: agreement.WaitLimit{After: 20 * time.Minute, Note: true, Reschedule: true, Share: 5000}},
		Boundaries: agreement.Boundaries{{
			Kind: agreement.Romantic, Text: "No dates or romantic advances.", Severity: agreement.Critical,
			Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceTermination}}, InSession: true,
		}},
		Termination: agreement.Termination{Refund: agreement.ProRata, NonRefundable: 1000},
		Obligations: agreement.Obligations{
			Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceWarning}, {Consequence: agreement.ConsequenceTermination}},
		},
	}
}

func ExampleEvaluate() {
	terms := coaching()
	rome, _ := time.LoadLocation("Europe/Rome")
	session := time.Date(2026, 6, 9, 18, 0, 0, 0, rome)

	// Cancelled 30 hours ahead: the second tier.
	out, err := agreement.Evaluate(terms, agreement.Event{
		Kind: agreement.EventCancellation, At: session.Add(-30 * time.Hour), Session: session,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range out.Charges {
		fmt.Println("charge:", c.Amount, c.Clause)
	}
	for _, b := range out.Breaches {
		fmt.Println("breach:", b.Clause, b.Consequence, b.Step)
	}
	for _, r := range out.Reasons {
		fmt.Println(r)
	}
	// Output:
	// charge: EUR 50.00 cancellation.tiers[1]
	// breach: cancellation.tiers[1] note obligations.ladder[0]
	// Cancelled 30 hours before the start, less than 2 days: 50% of the session fee is due. [late_cancellation, cancellation.tiers[1]]
	// Breach number 1 of cancellation.tiers[1] meets a note. [ladder, obligations.ladder[0]]
}

func ExampleEvaluate_wait() {
	terms := coaching()
	start := time.Date(2026, 6, 9, 14, 0, 0, 0, time.UTC)
	for _, asked := range []time.Duration{15 * time.Minute, 20 * time.Minute} {
		out, err := agreement.Evaluate(terms, agreement.Event{Kind: agreement.EventWait, At: start.Add(asked), Session: start})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(asked, "past the start:")
		for _, a := range out.Actions {
			fmt.Println(" ", a.Code, a.Message)
		}
		for _, c := range out.Charges {
			fmt.Println("  the client pays", c.Amount)
		}
	}
	// Output:
	// 15m0s past the start:
	//   keep_waiting Wait until the limit; then you may leave.
	// 20m0s past the start:
	//   provider_may_leave You may leave now.
	//   leave_note Leave a note saying you waited and asking to reschedule.
	//   reschedule Offer the client a new time.
	//   note Record the breach and mention it to the client.
	//   the client pays EUR 50.00
}

func ExampleTimeline() {
	terms := coaching()
	day := func(d int, h int) time.Time { return time.Date(2026, 6, d, h, 0, 0, 0, time.UTC) }
	events := []agreement.Event{
		{Kind: agreement.EventPayment, At: day(1, 9), Amount: money.MustParse("EUR 250.00"), Sessions: 3},
		{Kind: agreement.EventSession, At: day(2, 18)},
		{Kind: agreement.EventBoundary, At: day(3, 21), Boundary: agreement.Romantic},
		{Kind: agreement.EventTermination, At: day(4, 9), By: agreement.RoleProvider, Ground: "boundaries.romantic.ladder[0]"},
	}
	outs, standing, err := agreement.Timeline(terms, events, day(5, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range outs {
		fmt.Println(o.Event, o.Reasons[0].Message)
	}
	a := standing.Account
	fmt.Println("paid", a.Paid, "charged", a.Charged, "retained", a.Retained, "refunded", a.Refunded)
	// Output:
	// payment Paid EUR 250.00 for 3 prepaid sessions.
	// session A prepaid session was used: EUR 83.34 of its package; 2 left.
	// boundary Crossed the "romantic" boundary (critical), incident number 1.
	// termination The provider ends the engagement at once, on the right boundaries.romantic.ladder[0] gave.
	// paid EUR 250.00 charged EUR 83.34 retained EUR 25.00 refunded EUR 141.66
}

func ExampleLedger() {
	l, err := agreement.NewLedger(coaching())
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	// Three late cancellations within 90 days give the right to terminate.
	for i := range 3 {
		session := at.Add(time.Duration(i) * 7 * 24 * time.Hour)
		out, err := l.Apply(agreement.Event{Kind: agreement.EventCancellation, At: session.Add(-2 * time.Hour), Session: session})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(out.Charges[0].Amount, out.Breaches[0].Consequence, out.Has(agreement.ActTerminateAllowed))
	}
	st := l.Standing(at.Add(30 * 24 * time.Hour))
	fmt.Println("owed:", st.Account.Outstanding, "may terminate:", st.MayTerminate)
	// Output:
	// EUR 100.00 note false
	// EUR 100.00 warning false
	// EUR 100.00 termination true
	// owed: EUR 300.00 may terminate: true
}

func ExampleAgreement_ValidateFor() {
	terms := coaching()
	terms.Cancellation.Tiers[1].Share = 12000 // more than the whole fee
	err := terms.ValidateFor(agreement.Coaching)
	var problems problem.List
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Println(p.Path, p.Code)
		}
	}
	// Output:
	// cancellation.tiers[1].share out_of_range
	// cancellation.tiers[1].share conflict
	// obligations.provider missing
	// obligations.client missing
	// confidentiality.promise missing
	// confidentiality.exceptions missing
}

func ExampleAgreement_Clauses() {
	terms := coaching()
	n := 0
	for c := range terms.Clauses() {
		if c.ID == agreement.ClauseCancellation || c.ID == agreement.TierClause(0) || c.ID == agreement.TierClause(1) {
			fmt.Println(c.Number, c.ID, c.Heading+c.Text)
		}
		n++
	}
	fmt.Println(n, "sections and items")
	// Output:
	// 6 cancellation Cancellation
	// 6.1 cancellation.tiers[0] Cancelling with less than 24 hours of notice costs 100% of the session fee.
	// 6.2 cancellation.tiers[1] Cancelling with less than 2 days of notice costs 50% of the session fee.
	// 33 sections and items
}

func ExampleAcknowledge() {
	terms := coaching()
	client, _ := terms.Party(agreement.RoleClient)
	ack, err := agreement.Acknowledge(terms, client, time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ack.Verify(terms))

	terms.Cancellation.Tiers[0].Share = 8000 // changed after signing
	err = ack.Verify(terms)
	var m *agreement.MismatchError
	fmt.Println(errors.Is(err, agreement.ErrMismatch), errors.As(err, &m) && m.Field == "fingerprint")
	// Output:
	// <nil>
	// true true
}

func ExampleDiff() {
	v1 := coaching()
	v2 := coaching()
	v2.Version = 2
	v2.Cancellation.Tiers[1].Share = 6000
	v2.Parties[1].Contact = "marco@example.com"
	changes, err := agreement.Diff(v1, v2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range changes {
		fmt.Println(c.Path, c.Kind, c.Old, "->", c.New, "material:", c.Material)
	}
	fmt.Println("new signature needed:", agreement.Material(changes))
	// Output:
	// parties[1].contact added  -> marco@example.com material: false
	// cancellation.tiers[1].share changed 5000 -> 6000 material: true
	// new signature needed: true
}

func ExampleProfile_Elements() {
	for e := range agreement.Therapy.Elements() {
		if e.Clause == "scope.course" || e.Clause == "boundaries.dual_relationship" {
			fmt.Println(e.Clause, "—", e.Requirement, "—", e.Source)
		}
	}
	// Output:
	// scope.course — the anticipated course of therapy — APA Ethics Code 10.01(a)
	// boundaries.dual_relationship — no multiple relationships — APA Ethics Code 3.05; ACA Code of Ethics A.5-A.6
}

func ExampleAgreement_Fingerprint() {
	a, b := coaching(), coaching()
	fa, _ := a.Fingerprint()
	fb, _ := b.Fingerprint()
	fmt.Println(fa == fb, len(fa.String()))
	// Output:
	// true 71
}

func ExampleAgreement_Markdown() {
	md, err := coaching().Markdown()
	if err != nil {
		fmt.Println(err)
		return
	}
	for line := range strings.Lines(md) {
		if strings.Contains(line, "cancellation") || strings.HasPrefix(line, "## Signatures") {
			fmt.Print(line)
		}
	}
	// Output:
	// ## 6. Cancellation `cancellation`
	// **6.1** `cancellation.tiers[0]` Cancelling with less than 24 hours of notice costs 100% of the session fee.
	// **6.2** `cancellation.tiers[1]` Cancelling with less than 2 days of notice costs 50% of the session fee.
	// **6.3** `cancellation.tiers` Cancelling with at least 2 days of notice is free.
	// **6.4** `cancellation.limit` Late cancellation or no-show number 3 within 90 days gives the provider the right to end the engagement at once.
	// ## Signatures
}

func ExampleAgreement_HTML() {
	terms := coaching()
	terms.Parties[1].Name = "Marco <b>Ferri</b>"
	page, err := terms.HTML()
	if err != nil {
		fmt.Println(err)
		return
	}
	for line := range strings.Lines(page) {
		if strings.Contains(line, "Marco") || strings.Contains(line, `id="cancellation.tiers[0]"`) {
			fmt.Print(line)
		}
	}
	// Output:
	// <p id="parties[1]"><span class="number">1.2</span> <code class="clause-id">parties[1]</code> Client: Marco &lt;b&gt;Ferri&lt;/b&gt;.</p>
	// <p id="cancellation.tiers[0]"><span class="number">6.1</span> <code class="clause-id">cancellation.tiers[0]</code> Cancelling with less than 24 hours of notice costs 100% of the session fee.</p>
	// <p>Client: Marco &lt;b&gt;Ferri&lt;/b&gt;</p>
}

func ExampleAgreement_Text() {
	txt, err := coaching().Text()
	if err != nil {
		fmt.Println(err)
		return
	}
	// The waiting clause, wrapped at 76 columns.
	_, rest, _ := strings.Cut(txt, "8. WAITING")
	section, _, _ := strings.Cut(rest, "\n9. ")
	fmt.Print("8. WAITING" + section)
	// Output:
	// 8. WAITING [wait]
	//
	// 8.1 [wait.provider] If the client is not ready 20 minutes after the
	//     scheduled start, the provider may leave, leaving a note, and the session
	//     is rescheduled. The client pays 50% of the session fee for the
	//     provider's time; the provider bears the rest of the cost, travel
	//     included.
}
