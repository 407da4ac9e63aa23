package agreement

import (
	"iter"
	"strconv"
	"strings"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/internal/prose"
)

// A Clause is one numbered entry of an agreement as a document: either a
// section heading ("6", "Cancellation", ID "cancellation") or an item of a
// section ("6.1", ID "cancellation.tiers[0]", with its text). Renderings
// are made of these; hosts can lay them out in their own way.
type Clause struct {
	// ID is the clause ID.
	ID ClauseID `json:"id"`
	// Number is "6" for a section and "6.1" for its first item.
	Number string `json:"number"`
	// Heading is the section's title; it is empty for an item.
	Heading string `json:"heading,omitempty"`
	// Text is the item's text, in English; it is empty for a section.
	Text string `json:"text,omitempty"`
}

// IsSection reports whether c is a section heading.
func (c Clause) IsSection() bool { return c.Heading != "" }

// Clauses returns the agreement as numbered sections and items, in
// document order: parties, scope, sessions, fees, payment, cancellation,
// lateness, waiting, the provider's cancellations, communication,
// emergencies, boundaries, confidentiality, termination, force majeure and
// obligations. Absent clauses are left out, and numbers count only the
// sections present; IDs never change.
func (a Agreement) Clauses() iter.Seq[Clause] {
	return func(yield func(Clause) bool) {
		for _, c := range a.clauses() {
			if !yield(c) {
				return
			}
		}
	}
}

// document numbers sections and items as they are added.
type document struct {
	list    []Clause
	section int
	item    int
}

func (d *document) heading(id ClauseID, title string) {
	d.section++
	d.item = 0
	d.list = append(d.list, Clause{ID: id, Number: strconv.Itoa(d.section), Heading: title})
}

func (d *document) add(id ClauseID, text string) {
	d.item++
	d.list = append(d.list, Clause{ID: id, Number: strconv.Itoa(d.section) + "." + strconv.Itoa(d.item), Text: text})
}

// clauses lists the agreement's sections and items.
func (a *Agreement) clauses() []Clause {
	d := &document{list: make([]Clause, 0, 64)}
	d.heading(ClauseParties, "Parties")
	for i, p := range a.Parties {
		s := roleTitle(p.Role) + ": " + p.Name
		if p.Contact != "" {
			s += " (" + p.Contact + ")"
		}
		d.add(ClauseParties.Index(i), period(s))
	}
	a.scopeClauses(d)
	a.feeClauses(d)
	a.cancellationClauses(d)
	a.communicationClauses(d)
	a.boundaryClauses(d)
	a.terminationClauses(d)
	a.obligationClauses(d)
	return d.list
}

func roleTitle(r Role) string {
	switch r {
	case RoleProvider:
		return "Provider"
	case RoleClient:
		return "Client"
	case RoleSponsor:
		return "Sponsor"
	}
	return string(r)
}

// sentence joins items with "; " and ends with a period.
func sentence(prefix string, items []string) string {
	return period(prefix + strings.Join(items, "; "))
}

// period ends s with a period, unless it already ends a sentence.
func period(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

func (a *Agreement) scopeClauses(d *document) {
	s := &a.Scope
	if s.present() {
		d.heading(ClauseScope, "Scope")
		if s.Nature != "" {
			d.add(ClauseScope.Child("nature"), s.Nature)
		}
		if s.Course != "" {
			d.add(ClauseScope.Child("course"), s.Course)
		}
		if len(s.In) > 0 {
			d.add(ClauseScope.Child("in"), sentence("In scope: ", s.In))
		}
		if len(s.Out) > 0 {
			d.add(ClauseScope.Child("out"), sentence("Out of scope: ", s.Out))
		}
	}
	ss := &a.Sessions
	if ss.present() {
		d.heading(ClauseSessions, "Sessions")
		if ss.Length > 0 {
			d.add(ClauseSessions.Child("length"), "A session lasts "+prose.Duration(ss.Length)+".")
		}
		if m := ss.Modalities; m != 0 {
			var names []string
			for _, w := range []struct {
				m    place.Modality
				name string
			}{{place.InPerson, "in person"}, {place.Video, "video"}, {place.Phone, "phone"}} {
				if m.Has(w.m) {
					names = append(names, w.name)
				}
			}
			d.add(ClauseSessions.Child("modalities"), sentence("Sessions take place: ", names))
		}
		if len(ss.Places) > 0 {
			d.add(ClauseSessions.Child("places"), sentence("Places: ", ss.Places))
		}
		if ss.Frequency != "" {
			d.add(ClauseSessions.Child("frequency"), period("Frequency: "+ss.Frequency))
		}
	}
}

func (a *Agreement) feeClauses(d *document) {
	f := &a.Fees
	if f.present() || f.Deposit.IsValid() || f.SlidingScale != nil {
		d.heading(ClauseFees, "Fees")
		if f.Session.IsValid() {
			d.add(ClauseFeesSession, "One session costs "+f.Session.String()+".")
		}
		for i, p := range f.Packages {
			d.add(ClauseFeesPackages.Index(i), "A package of "+prose.Count(p.Sessions, "prepaid session", "prepaid sessions")+" costs "+p.Price.String()+".")
		}
		if f.Deposit.IsValid() && !f.Deposit.IsZero() {
			d.add(ClauseFees.Child("deposit"), "A deposit of "+f.Deposit.String()+" is paid on booking and credited against the first fees.")
		}
		if s := f.SlidingScale; s != nil {
			text := "The session fee may be set between " + s.Min.String() + " and " + s.Max.String()
			if s.Criteria != "" {
				text += ", by " + s.Criteria
			}
			d.add(ClauseFees.Child("sliding_scale"), text+".")
		}
	}
	p := &a.Payment
	if p.present() {
		d.heading(ClausePayment, "Payment")
		if p.Within > 0 {
			d.add(ClausePaymentWithin, "Fees are due within "+prose.Duration(p.Within)+" of each session or invoice.")
		} else {
			d.add(ClausePaymentWithin, "Fees are due at each session.")
		}
		if p.Grace > 0 {
			d.add(ClausePaymentGrace, "A payment made up to "+prose.Duration(p.Grace)+" after its due time is not late.")
		}
		if p.LateFee.IsValid() && !p.LateFee.IsZero() {
			d.add(ClausePaymentLateFee, "A late payment costs a fee of "+p.LateFee.String()+".")
		}
		if len(p.Methods) > 0 {
			d.add(ClausePayment.Child("methods"), sentence("Accepted ways to pay: ", p.Methods))
		}
	}
}

func (a *Agreement) cancellationClauses(d *document) {
	c := &a.Cancellation
	if c.present() {
		d.heading(ClauseCancellation, "Cancellation")
		for i, t := range c.Tiers {
			d.add(TierClause(i), "Cancelling with less than "+prose.Duration(t.Before)+" of notice costs "+prose.BasisPoints(int64(t.Share))+" of the session fee.")
		}
		longest := c.Tiers[len(c.Tiers)-1].Before
		d.add(ClauseCancellationTiers, "Cancelling with at least "+prose.Duration(longest)+" of notice is free.")
		if c.Limit != (Limit{}) {
			d.add(ClauseCancellationLimit, "Late cancellation or no-show number "+strconv.Itoa(c.Limit.Count)+" within "+prose.Duration(c.Limit.Within)+" gives the provider the right to end the engagement at once.")
		}
	}
	l := &a.Lateness
	if l.present() {
		d.heading(ClauseLateness, "Lateness and no-shows")
		if l.Grace > 0 {
			d.add(ClauseLatenessGrace, "Arriving up to "+prose.Duration(l.Grace)+" after the start is within the grace period; arriving later is late.")
		} else {
			d.add(ClauseLatenessGrace, "Arriving after the start is late.")
		}
		if l.EndsOnTime {
			d.add(ClauseLatenessEndsOnTime, "A late start does not extend the session: it ends at its scheduled time.")
		}
		if l.NoShowAfter > 0 {
			d.add(ClauseLatenessNoShow, "Arriving "+prose.Duration(l.NoShowAfter)+" late or more counts as a no-show.")
		}
		if l.NoShowShare > 0 {
			d.add(ClauseLatenessNoShowShare, "A no-show costs "+prose.BasisPoints(int64(l.NoShowShare))+" of the session fee.")
		}
	}
	if a.Wait.present() {
		w := a.Wait.Provider
		d.heading(ClauseWait, "Waiting")
		text := "If the client is not ready " + prose.Duration(w.After) + " after the scheduled start, the provider may leave"
		switch {
		case w.Note && w.Reschedule:
			text += ", leaving a note, and the session is rescheduled"
		case w.Note:
			text += ", leaving a note"
		case w.Reschedule:
			text += ", and the session is rescheduled"
		}
		text += "."
		if w.Share > 0 {
			text += " The client pays " + prose.BasisPoints(int64(w.Share)) + " of the session fee for the provider's time; the provider bears the rest of the cost, travel included."
		} else {
			text += " The provider bears the cost of the wait and of travel."
		}
		d.add(ClauseWaitProvider, text)
	}
	p := &a.ProviderCancellation
	if p.present() {
		d.heading(ClauseProviderCancellation, "Sessions the provider cancels")
		if p.Notice > 0 {
			d.add(ClauseProviderNotice, "The provider cancels a session with at least "+prose.Duration(p.Notice)+" of notice.")
		}
		switch p.Remedy {
		case RemedyMakeUp:
			d.add(ClauseProviderRemedy, "The client receives a make-up session at no charge.")
		case RemedyRefund:
			d.add(ClauseProviderRemedy, "The client is refunded what was paid for the session.")
		case RemedyChoice:
			d.add(ClauseProviderRemedy, "The client chooses a make-up session at no charge or a refund of what was paid for the session.")
		}
	}
}

func (a *Agreement) communicationClauses(d *document) {
	c := &a.Communication
	if c.present() {
		d.heading(ClauseCommunication, "Communication between sessions")
		if len(c.Channels) > 0 {
			names := make([]string, len(c.Channels))
			for i, ch := range c.Channels {
				names[i] = string(ch)
			}
			d.add(ClauseCommunicationChannel, sentence("The provider can be reached by: ", names))
		}
		if len(c.Hours.Hours) > 0 {
			d.add(ClauseCommunicationHours, "Hours: "+hours(c.Hours)+".")
		}
		for i, t := range c.Policy.Targets {
			d.add(ClauseCommunicationPolicy.Child("targets").Index(i), target(t))
		}
	}
	e := &a.Emergency
	if e.present() {
		d.heading(ClauseEmergency, "Emergencies")
		if len(e.What) > 0 {
			d.add(ClauseEmergency.Child("what"), sentence("An emergency is: ", e.What))
		}
		if e.Instructions != "" {
			d.add(ClauseEmergency.Child("instructions"), e.Instructions)
		}
		for i, r := range e.Resources {
			d.add(ClauseEmergency.Child("resources").Index(i), resource(r))
		}
	}
}

// hours writes a schedule's working windows, "mon-fri 09:00-17:00
// (America/New_York)".
func hours(s availability.Schedule) string {
	parts := make([]string, len(s.Hours))
	for i, w := range s.Hours {
		parts[i] = w.Days.String() + " " + w.Start.String() + "–" + w.End.String()
	}
	zone := "UTC"
	if s.Zone != nil {
		zone = s.Zone.String()
	}
	return strings.Join(parts, ", ") + " (" + zone + ")"
}

// target writes a response target.
func target(t contact.Target) string {
	text := prose.Capitalize(t.Urgency.String()) + " messages"
	if len(t.Channels) > 0 {
		names := make([]string, len(t.Channels))
		for i, ch := range t.Channels {
			names[i] = string(ch)
		}
		text += " (by " + strings.Join(names, " or ") + ")"
	}
	text += " are answered within " + prose.Duration(t.Within)
	if t.Basis == contact.BusinessTime {
		text += ", counted in business hours"
	}
	if t.AfterHours {
		text += ", at any hour."
	} else {
		text += "; outside the hours they wait for the next opening."
	}
	return text
}

// resource writes a resource with its contact and the date it was checked.
func resource(r contact.Resource) string {
	text := r.Name + ": " + r.Contact
	var notes []string
	if r.Hours != "" {
		notes = append(notes, r.Hours)
	}
	if r.Region != "" {
		notes = append(notes, r.Region)
	}
	if !r.Checked.IsZero() {
		notes = append(notes, "checked "+r.Checked.String())
	}
	if len(notes) > 0 {
		text += " (" + strings.Join(notes, ", ") + ")"
	}
	return period(text)
}

func (a *Agreement) boundaryClauses(d *document) {
	if len(a.Boundaries) > 0 {
		d.heading(ClauseBoundaries, "Boundaries")
		for _, b := range a.Boundaries {
			text := prose.Capitalize(strings.ReplaceAll(string(b.Kind), "_", " "))
			if b.Severity.IsValid() {
				text += " (" + b.Severity.String() + ")"
			}
			text += ": " + period(b.Text)
			if len(b.Ladder) > 0 {
				text += " " + ladder("A first incident meets ", b.Ladder)
			}
			if !b.InSession {
				text += " Inside a session, what happens is met with acceptance and worked with."
			}
			d.add(BoundaryClause(b.Kind), text)
		}
	}
	c := &a.Confidentiality
	if c.present() {
		d.heading(ClauseConfidentiality, "Confidentiality")
		if c.Promise != "" {
			d.add(ClauseConfidentiality.Child("promise"), c.Promise)
		}
		if len(c.Exceptions) > 0 {
			d.add(ClauseConfidentiality.Child("exceptions"), sentence("Confidentiality may be broken only for: ", c.Exceptions))
		}
		if len(c.ThirdParties) > 0 {
			d.add(ClauseConfidentiality.Child("third_parties"), sentence("Others who take part in the work or learn of it: ", c.ThirdParties))
		}
		if c.Records != "" {
			d.add(ClauseConfidentiality.Child("records"), c.Records)
		}
	}
}

// ladder writes a response ladder: "A first incident meets a note, the
// second a fee of USD 30.00, and any later one the right to end the
// engagement."
func ladder(first string, l Ladder) string {
	var b strings.Builder
	b.WriteString(first)
	for i, s := range l {
		switch {
		case i == 0:
		case i == len(l)-1:
			b.WriteString(", and a later one ")
		default:
			b.WriteString(", ")
			b.WriteString(ordinal(i + 1))
			b.WriteString(" ")
		}
		b.WriteString(step(s))
	}
	b.WriteString(".")
	return b.String()
}

func step(s Step) string {
	switch s.Consequence {
	case ConsequenceNote:
		return "a note"
	case ConsequenceWarning:
		return "a written warning"
	case ConsequenceFee:
		return "a fee of " + s.Fee.String()
	case ConsequenceTermination:
		return "the end of the engagement"
	}
	return s.Consequence.String()
}

func ordinal(n int) string {
	switch n {
	case 2:
		return "the second"
	case 3:
		return "the third"
	case 4:
		return "the fourth"
	}
	return "number " + strconv.Itoa(n)
}

func (a *Agreement) terminationClauses(d *document) {
	t := &a.Termination
	if t.present() {
		d.heading(ClauseTermination, "Termination")
		for _, r := range [...]Role{RoleClient, RoleProvider} {
			id := ClauseTerminationNotice.Child(string(r))
			if n := t.Notice.of(r); n > 0 {
				d.add(id, "The "+string(r)+" may end the engagement with "+prose.Duration(n)+" of notice.")
			} else {
				d.add(id, "The "+string(r)+" may end the engagement at any time, with immediate effect.")
			}
		}
		for _, g := range t.Grounds {
			d.add(GroundClause(g.Key), period("The provider may end the engagement at once for "+g.Text))
		}
		without := " When the provider ends the engagement without cause from the client, everything unused is refunded."
		if t.Refund == NoRefund {
			d.add(ClauseTerminationRefund, "When the client ends the engagement, or the provider ends it on a ground, unused prepaid sessions are not refunded."+without)
		} else {
			d.add(ClauseTerminationRefund, "Unused prepaid sessions are refunded at their share of the package price."+without)
		}
		if t.NonRefundable > 0 {
			d.add(ClauseTerminationRetained, prose.BasisPoints(int64(t.NonRefundable))+" of what was paid for prepaid sessions is non-refundable when the client ends the engagement or the provider ends it on a ground.")
		}
	}
	f := &a.ForceMajeure
	if f.present() {
		d.heading(ClauseForceMajeure, "Force majeure")
		if len(f.What) > 0 {
			d.add(ClauseForceMajeure.Child("what"), sentence("Force majeure includes: ", f.What))
		}
		if f.NoticeWithin > 0 {
			d.add(ClauseForceMajeureNotice, "Notice within "+prose.Duration(f.NoticeWithin)+" of the event waives the fees of the sessions it prevents; later notice counts as a cancellation.")
		}
	}
}

func (a *Agreement) obligationClauses(d *document) {
	o := &a.Obligations
	if !o.present() {
		return
	}
	d.heading(ClauseObligations, "Obligations")
	if o.InSession != "" {
		d.add(ClauseInSession, period("Inside the session: "+o.InSession))
	}
	if o.OutsideSession != "" {
		d.add(ClauseOutsideSession, period("Outside the session: "+o.OutsideSession))
	}
	for _, ob := range o.Provider {
		d.add(ObligationClause(RoleProvider, ob.Key), period("The provider: "+ob.Text))
	}
	for _, ob := range o.Client {
		d.add(ObligationClause(RoleClient, ob.Key), period("The client: "+ob.Text))
	}
	if len(o.Ladder) > 0 {
		d.add(ClauseObligationsLadder, ladder("A first breach of these terms meets ", o.Ladder))
	}
}
