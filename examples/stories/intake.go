package stories

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/fit/fhir"
	"github.com/practicekit/boundaries/referral"
)

const titleIntake = "7. A therapist's intake, over FHIR"

// IntakeResults are the results of story 7.
type IntakeResults struct {
	// Screening is the screening read from the Questionnaire.
	Screening string `json:"screening"`
	// Answers are the client's answers read from the response.
	Answers fit.Answers `json:"answers"`
	// Decision is what fit decided.
	Decision fit.Decision `json:"decision"`
	// Referral is the emergency routing: crisis resources first.
	Referral referral.Result `json:"referral"`
}

// intakeRequest is data/intake/referral.json: the request before the
// decision adds the needs, and the instant the intake is read.
type intakeRequest struct {
	Now     time.Time        `json:"now"`
	Request referral.Request `json:"request"`
}

// Intake tells story 7, a therapist's intake over FHIR: a therapist's
// system receives the PHQ-9 as a FHIR R4 Questionnaire and a new client's
// answers as a QuestionnaireResponse, decides with fit, and because the
// client answered item 9 (thoughts of being better off dead, or of
// self-harm) above "not at all", refers them to crisis resources first with
// referral's crisis routing, then to a colleague with immediate capacity.
// The data are data/intake/phq9.questionnaire.json (the PHQ-9 as fit.PHQ9
// writes it with fhir.NewQuestionnaire), response.json, and the therapist's
// directory and referral request.
func Intake() (Report, error) {
	var (
		q   fhir.Questionnaire
		r   fhir.QuestionnaireResponse
		dir referral.Directory
		req intakeRequest
	)
	if err := errors.Join(
		load("intake/phq9.questionnaire.json", &q),
		load("intake/response.json", &r),
		load("intake/directory.json", &dir),
		load("intake/referral.json", &req),
	); err != nil {
		return Report{}, err
	}
	var lines []string
	say := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	detail := func(format string, args ...any) { lines = append(lines, "  "+fmt.Sprintf(format, args...)) }

	// The Questionnaire becomes a screening: items, scoring, bands and the
	// crisis rule, refused rather than partly read if anything could not
	// map.
	s, err := q.Screening()
	if err != nil {
		return Report{}, fmt.Errorf("phq9.questionnaire.json: %w", err)
	}
	ev, err := fit.Compile(s, fit.Provider{})
	if err != nil {
		return Report{}, err
	}
	// The response must answer this questionnaire, item by item.
	answers, err := r.Answers(s)
	if err != nil {
		return Report{}, fmt.Errorf("response.json: %w", err)
	}
	say("Dana Morgan, psychotherapist in New York, receives the %s as a FHIR Questionnaire (%s, %d items)", s.Scales[0].Name, q.URL, len(s.Questions))
	say("and a new client's QuestionnaireResponse, authored %s: %d answers.", r.Authored, len(answers))

	crisis := referral.CrisisExamples()
	region := req.Request.Region
	d := ev.Evaluate(answers, fit.Options{Resources: crisis.For(region)})
	say("The screening %q decides: %s.", s.Title, d.Outcome)
	for _, rs := range d.Reasons {
		switch {
		case rs.Question != "":
			detail("%s: %s [%s, item %s]", rs.Code, rs.Message, rs.Rule, rs.Question)
		default:
			detail("%s: %s [%s]", rs.Code, rs.Message, rs.Rule)
		}
	}
	detail("Needs for referral: %s.", strings.Join(d.Needs, ", "))
	if d.Outcome != fit.Urgent {
		return Report{}, fmt.Errorf("the intake decided %s, not urgent", d.Outcome)
	}

	// An urgent decision is an emergency referral: crisis resources for
	// the client's region first, then only colleagues who can see the
	// client within a day.
	ix, err := referral.NewIndex(dir)
	if err != nil {
		return Report{}, err
	}
	rq := req.Request
	rq.Urgency = contact.Emergency
	for _, need := range d.Needs {
		rq.Needs = append(rq.Needs, referral.Need{Tag: need})
	}
	routed, err := ix.Route(req.Now, rq, referral.Rotation{}, referral.Options{Crisis: crisis})
	if err != nil {
		return Report{}, err
	}
	if len(routed.Crisis) == 0 {
		return Report{}, errors.New("the emergency referral listed no crisis resource")
	}
	say("Referral, as an emergency in %s: crisis resources first.", region)
	for _, c := range routed.Crisis {
		detail("%s: %s (%s)", c.Name, c.Contact, c.Hours)
	}
	say("Then colleagues who can see the client within a day: %d considered, %d eligible.", routed.Considered, routed.Eligible)
	for i, m := range routed.Matches {
		detail("%d. %s (%s), score %.2f: %s", i+1, m.Name, m.Modalities, m.Score, m.Components[0].Message)
	}
	res := IntakeResults{Screening: s.ID, Answers: answers, Decision: d, Referral: routed}
	return Report{Name: "intake", Title: titleIntake, Lines: lines, Results: res}, nil
}
