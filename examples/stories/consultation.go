package stories

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/referral"
)

const titleConsultation = "5. The consultation that was a date"

// ConsultationResults are the results of story 5.
type ConsultationResults struct {
	// Plan is the safety check-in plan for the first meeting alone.
	Plan fit.SafetyPlan `json:"plan"`
	// Decision is the screening's decision after the consultation.
	Decision fit.Decision `json:"decision"`
	// Timeline is the ledger of the prepaid package, the boundary
	// incidents at the consultation and the decline with its refund.
	Timeline Timeline `json:"timeline"`
	// OnGround is what ending it on the romantic-interest ground would
	// have settled instead.
	OnGround agreement.Outcome `json:"on_ground"`
	// Referral is the routing to colleagues, and Handoff what they are
	// sent with the client's consent.
	Referral referral.Result  `json:"referral"`
	Handoff  referral.Summary `json:"handoff"`
}

// consultationSafety is data/consultation/safety.json: the meeting and
// the coach's safety settings.
type consultationSafety struct {
	Meeting fit.Meeting     `json:"meeting"`
	Options fit.PlanOptions `json:"options"`
}

// consultationReferral is data/consultation/referral.json: what the coach
// knows of the prospect for a referral, before the screening adds the
// needs and his place, and the handoff with the prospect's consent.
type consultationReferral struct {
	Request referral.Request `json:"request"`
	Handoff referral.Handoff `json:"handoff"`
}

// Consultation tells story 5 (seed 004). A coach meets a prospect alone,
// on a Sunday, 25 miles out of town, with a check-in plan this time. He
// insists on paying for breakfast, keeps complimenting her, asks for a
// date; her instinct nags. The screening declines him, naming each red flag;
// the agreement refunds what he paid, exactly; referral finds colleagues
// for his goals, never the coach herself, and hands off only what he
// consented to share.
func Consultation() (Report, error) {
	var (
		screening fit.Screening
		coach     fit.Provider
		answers   fit.Answers
		terms     agreement.Agreement
		events    []agreement.Event
		safety    consultationSafety
		dir       referral.Directory
		ref       consultationReferral
	)
	if err := errors.Join(
		load("consultation/screening.json", &screening),
		load("consultation/provider.json", &coach),
		load("consultation/answers.json", &answers),
		load("consultation/agreement.json", &terms),
		load("consultation/events.json", &events),
		load("consultation/safety.json", &safety),
		load("consultation/directory.json", &dir),
		load("consultation/referral.json", &ref),
	); err != nil {
		return Report{}, err
	}
	sc, err := fit.Compile(screening, coach) // validates the screening with the provider
	if err != nil {
		return Report{}, check("the screening", err)
	}
	ix, err := referral.NewIndex(dir) // validates the directory
	if err != nil {
		return Report{}, check("the directory", err)
	}
	if err := errors.Join(
		check("the answers", sc.ValidateAnswers(answers)),
		check("the agreement", terms.ValidateFor(agreement.Coaching)),
		validEvents("events.json", events),
	); err != nil {
		return Report{}, err
	}
	loc := coach.Schedule.Zone
	events = inZone(events, loc)
	meeting := safety.Meeting
	meeting.Start, meeting.End = meeting.Start.In(loc), meeting.End.In(loc)
	me, _ := terms.Party(agreement.RoleProvider)
	client, _ := terms.Party(agreement.RoleClient)
	var bought agreement.Event
	for _, ev := range events {
		if ev.Kind == agreement.EventPayment && ev.Sessions > 0 {
			bought = ev
			break
		}
	}
	if bought.Sessions == 0 {
		return Report{}, errors.New("events.json: the prospect bought no package")
	}
	var res ConsultationResults
	var n narrative

	n.say("%s in Bologna, has a free consultation with %s, who bought %d sessions for %s.",
		me.Name, client.Name, bought.Sessions, bought.Amount)
	n.detail("%s, at %s, %.1f km from her base.", when(meeting.Start, loc), meeting.Place, coach.Base.DistanceKm(*meeting.Point))
	n.detail("%s", reason(coach.Schedule.Explain(meeting.Start)))

	// Lesson 5: tell someone where you are.
	plan, err := fit.NewSafetyPlan(meeting, safety.Options)
	if err != nil {
		return Report{}, err
	}
	res.Plan = plan
	var why []string
	for _, r := range plan.Reasons {
		why = append(why, string(r.Code))
	}
	n.say("Before meeting him alone, a check-in plan [%s]:", strings.Join(why, ", "))
	for _, s := range plan.Steps {
		n.detail("%s %s: %s", s.At.In(loc).Format(hhmm), s.Action, s.Message)
	}
	if plan.Debrief != nil {
		n.detail("Afterwards, %s: %s", plan.Debrief.Action, plan.Debrief.Message)
	}

	// What happened at the consultation, as the agreement sees it.
	end := events[len(events)-1].At.Add(time.Hour)
	outcomes, st, err := agreement.Timeline(terms, events, end)
	if err != nil {
		return Report{}, err
	}
	res.Timeline = Timeline{Outcomes: outcomes, Standing: st}
	var decline agreement.Outcome
	n.say("At the consultation he pays for her breakfast, asks her on a date and hugs her; %s records:", terms.ID)
	for _, o := range outcomes {
		for _, b := range breaches(o.Breaches) {
			n.detail("%s %s", o.At.Format(hhmm), b)
		}
		if o.Event == agreement.EventTermination {
			decline = o
		}
	}
	// Lessons 1, 2 and 6: trust your instinct, clarify the end goals, say
	// no and explain why.
	d := sc.Evaluate(answers, fit.Options{})
	res.Decision = d
	n.say("After the consultation, the screening \"%s\" decides: %s.", screening.Title, d.Outcome)
	for _, r := range d.Reasons {
		switch r.Code {
		case fit.CodeRedFlag, fit.CodeConcern, fit.CodeCondition:
			n.detail("%s: %s [%s]", r.Code, r.Message, r.Rule)
		}
	}
	n.detail("Needs for referral: %s.", strings.Join(d.Needs, ", "))

	// The refund, computed by the agreement.
	n.say("%s: she declines him, explains why, and ends it without invoking a ground:", when(decline.At, loc))
	n.detail("%s", settlement(decline))
	for _, r := range decline.Reasons {
		if r.Code == agreement.CodeRetainedWaived {
			n.detail("%s", areason(r))
		}
	}
	account, err := ledger(st.Account)
	if err != nil {
		return Report{}, err
	}
	n.detail("Ledger: %s.", account)
	ground := terms.Termination.Grounds[0].Key
	res.OnGround, err = agreement.Evaluate(terms, agreement.Event{
		Kind: agreement.EventTermination, At: decline.At, By: agreement.RoleProvider, Ground: ground,
		Amount: bought.Amount, Sessions: bought.Sessions,
	})
	if err != nil {
		return Report{}, err
	}
	n.detail("On the \"%s\" ground she could have kept the non-refundable share: %s.", ground, settlement(res.OnGround))

	// Lesson 6: refer elsewhere, never back to herself.
	// The colleagues must share her profession (the request excludes her
	// own directory entry, first); the screening's needs are preferences.
	req := ref.Request
	// The prospect's place comes from his answers, where the screening
	// already checked it against her service radius.
	if place, ok := answers["meeting_place"].Location(); ok {
		req.Location = &place
	}
	if len(req.Exclude) == 0 {
		return Report{}, errors.New("referral.json: the request must exclude the coach herself")
	}
	self, ok := ix.Provider(req.Exclude[0])
	if !ok {
		return Report{}, fmt.Errorf("referral.json: %q is not in the directory", req.Exclude[0])
	}
	for _, p := range self.Professions {
		req.Needs = append(req.Needs, referral.Need{Tag: p, Must: true})
	}
	for _, need := range d.Needs {
		req.Needs = append(req.Needs, referral.Need{Tag: need})
	}
	routed, err := ix.Route(decline.At, req, referral.Rotation{}, referral.Options{})
	if err != nil {
		return Report{}, err
	}
	res.Referral = routed
	var needs []string
	for _, need := range req.Needs {
		s := need.Tag
		if need.Must {
			s += " (must)"
		}
		needs = append(needs, s)
	}
	n.say("Referral: %s; %d considered, %d eligible.", strings.Join(needs, ", "), routed.Considered, routed.Eligible)
	for _, r := range routed.Reasons {
		n.detail("%s [%s]", r.Message, r.Code)
	}
	for i, m := range routed.Matches {
		where := m.Modalities.String()
		if m.DistanceKm > 0 {
			where = fmt.Sprintf("%s, %.1f km", where, m.DistanceKm)
		}
		n.detail("%d. %s (%s), score %.2f: %s", i+1, m.Name, where, m.Score, m.Components[0].Message)
		for _, r := range m.Reasons {
			if r.Code == referral.CodeStale {
				n.more("%s [%s]", r.Message, r.Code)
			}
		}
	}
	if len(routed.Matches) == 0 {
		return Report{}, errors.New("the referral found no colleague")
	}
	h := ref.Handoff
	h.To = routed.Matches[0].Name
	h.Needs = d.Needs
	for _, r := range d.Reasons {
		if r.Code == fit.CodeRedFlag {
			h.Screening = append(h.Screening, r.Message)
		}
	}
	if err := check("the handoff", h.Validate()); err != nil {
		return Report{}, err
	}
	res.Handoff = h.Summary()
	n.detail("Handoff to %s: contact and needs; withheld without consent: %s.", h.To, strings.Join(res.Handoff.Withheld, ", "))

	return Report{Name: "consultation", Title: titleConsultation, Lines: n.lines, Results: res}, nil
}
