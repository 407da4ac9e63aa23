package agreement

import (
	"errors"
	"fmt"
	"iter"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// A Profile names the kind of service an agreement is for, and so the
// checklist of elements its professional standards expect (see
// Elements and ValidateFor). The zero Profile is invalid.
type Profile string

// The profiles.
const (
	// General is any service: scope, fees, payment, cancellation and
	// termination.
	General Profile = "general"
	// Consulting adds what professional-service engagements need:
	// deliverables and exclusions, confidentiality, the provider's
	// cancellations.
	Consulting Profile = "consulting"
	// Coaching follows the ICF Code of Ethics: the nature of coaching,
	// roles and responsibilities, confidentiality and its limits,
	// financial arrangements, the right to terminate.
	Coaching Profile = "coaching"
	// Therapy covers therapy and counselling, after APA Ethics Code 10.01
	// and 3.05 and ACA Code of Ethics A.2: nature and anticipated course,
	// fees, involvement of third parties, limits of confidentiality, rights
	// and responsibilities, multiple relationships, emergencies.
	Therapy Profile = "therapy"
)

// ErrProfile is matched (errors.Is) by every error from ParseProfile.
var ErrProfile = errors.New("invalid profile")

// ParseProfile parses "general", "consulting", "coaching" or "therapy".
func ParseProfile(s string) (Profile, error) {
	p := Profile(s)
	if !p.IsValid() {
		return "", fmt.Errorf("%w %s: want general, consulting, coaching or therapy", ErrProfile, prose.Quote(s))
	}
	return p, nil
}

// IsValid reports whether p is one of the profiles.
func (p Profile) IsValid() bool {
	return p == General || p == Consulting || p == Coaching || p == Therapy
}

// An Element is one item of a profile's checklist: where in the agreement
// it lives, what is expected there, and the standard that expects it.
type Element struct {
	Clause      ClauseID `json:"clause"`
	Requirement string   `json:"requirement"`
	Source      string   `json:"source"`
}

// element is an Element with its test.
type element struct {
	Element
	present func(a *Agreement) bool
}

// The sources cited by the checklists; the package documentation lists
// what each asks for.
const (
	srcPractice = "common practice for service agreements"
	srcICF11    = "ICF Code of Ethics (2025) 1.1"
	srcICF12    = "ICF Code of Ethics (2025) 1.2"
	srcICF2020  = "ICF Code of Ethics (2020) Section I, standards 1-2"
	srcICFFAQ   = "ICF ethics FAQ on standard 2"
	srcICFComp  = "ICF Core Competencies, Demonstrates Ethical Practice"
	srcICFBound = "ICF Code of Ethics (2020) Section I"
	srcAPA1001  = "APA Ethics Code 10.01(a)"
	srcAPA305   = "APA Ethics Code 3.05"
	srcAPA1005  = "APA Ethics Code 10.05-10.08"
	srcAPA1010  = "APA Ethics Code 10.10"
	srcACA2a    = "ACA Code of Ethics A.2.a"
	srcACA2b    = "ACA Code of Ethics A.2.b"
	srcACA5     = "ACA Code of Ethics A.5-A.6"
	srcACA11    = "ACA Code of Ethics A.11"
	srcACAH     = "ACA Code of Ethics H"
	srcCrisis   = "common practice: a provider who is not an emergency service says where to turn"
)

// checklist returns the elements of profile p, general ones first.
func (p Profile) checklist() []element {
	general := []element{
		{Element{ClauseScope, "what the service is", srcPractice}, func(a *Agreement) bool { return a.Scope.Nature != "" || len(a.Scope.In) > 0 }},
		{Element{ClauseFees, "what it costs", srcPractice}, func(a *Agreement) bool { return a.Fees.present() }},
		{Element{ClausePayment, "when and how fees are paid", srcPractice}, func(a *Agreement) bool { return a.Payment.present() }},
		{Element{ClauseCancellation, "what cancelling costs, by notice", srcPractice}, func(a *Agreement) bool { return a.Cancellation.present() }},
		{Element{ClauseTermination, "how either party ends the engagement", srcPractice}, func(a *Agreement) bool { return a.Termination.present() }},
	}
	switch p {
	case Consulting:
		return append(general,
			element{Element{ClauseScope.Child("in"), "the deliverables", srcPractice}, func(a *Agreement) bool { return len(a.Scope.In) > 0 }},
			element{Element{ClauseScope.Child("out"), "what is out of scope", srcPractice}, func(a *Agreement) bool { return len(a.Scope.Out) > 0 }},
			element{Element{ClauseProviderCancellation, "the provider's notice and the remedy for cancelled meetings", srcPractice}, func(a *Agreement) bool { return a.ProviderCancellation.present() }},
			element{Element{ClauseConfidentiality.Child("promise"), "what stays confidential", srcPractice}, func(a *Agreement) bool { return a.Confidentiality.Promise != "" }},
		)
	case Coaching:
		return append(general,
			element{Element{ClauseScope.Child("nature"), "the nature of coaching", srcICF11}, func(a *Agreement) bool { return a.Scope.Nature != "" }},
			element{Element{ClauseScope.Child("out"), "what coaching is not: therapy, counselling, consulting", srcICFComp}, func(a *Agreement) bool { return len(a.Scope.Out) > 0 }},
			element{Element{ClauseObligations.Child("provider"), "the coach's role and responsibilities", srcICF2020}, func(a *Agreement) bool { return len(a.Obligations.Provider) > 0 }},
			element{Element{ClauseObligations.Child("client"), "the client's role and responsibilities", srcICF2020}, func(a *Agreement) bool { return len(a.Obligations.Client) > 0 }},
			element{Element{ClauseConfidentiality.Child("promise"), "confidentiality", srcICF11}, func(a *Agreement) bool { return a.Confidentiality.Promise != "" }},
			element{Element{ClauseConfidentiality.Child("exceptions"), "the limits of confidentiality", srcICF2020}, func(a *Agreement) bool { return len(a.Confidentiality.Exceptions) > 0 }},
			element{Element{ClauseCancellationTiers, "charges for missed or cancelled sessions", srcICFFAQ}, func(a *Agreement) bool { return len(a.Cancellation.Tiers) > 0 }},
			element{Element{ClauseTermination.Child("refund"), "the right to terminate and what happens to prepaid sessions", srcICF12}, func(a *Agreement) bool {
				return a.Termination.present() && (len(a.Fees.Packages) == 0 || a.Termination.Refund != "")
			}},
			element{Element{BoundaryClause(Romantic), "no romantic relationship with clients", srcICFBound}, func(a *Agreement) bool { _, ok := a.Boundaries.Find(Romantic); return ok }},
		)
	case Therapy:
		return append(general,
			element{Element{ClauseScope.Child("nature"), "the nature of therapy: approach, techniques, risks and benefits", srcAPA1001 + "; " + srcACA2b}, func(a *Agreement) bool { return a.Scope.Nature != "" }},
			element{Element{ClauseScope.Child("course"), "the anticipated course of therapy", srcAPA1001}, func(a *Agreement) bool { return a.Scope.Course != "" }},
			element{Element{ClauseConfidentiality.Child("third_parties"), "the involvement of third parties, such as an insurer, a supervisor or a sponsor, or that there is none", srcAPA1001}, func(a *Agreement) bool {
				return len(a.Confidentiality.ThirdParties) > 0
			}},
			element{Element{ClauseConfidentiality.Child("exceptions"), "the limits of confidentiality", srcAPA1001 + "; " + srcACA2b}, func(a *Agreement) bool { return len(a.Confidentiality.Exceptions) > 0 }},
			element{Element{ClauseObligations.Child("provider"), "the therapist's responsibilities", srcACA2a}, func(a *Agreement) bool { return len(a.Obligations.Provider) > 0 }},
			element{Element{ClauseObligations.Child("client"), "the client's responsibilities", srcACA2a}, func(a *Agreement) bool { return len(a.Obligations.Client) > 0 }},
			element{Element{ClausePaymentLateFee, "what happens when fees are not paid", srcACA2b}, func(a *Agreement) bool {
				_, ok := a.Termination.ground("nonpayment")
				return !a.Payment.LateFee.IsZero() || ok
			}},
			element{Element{BoundaryClause(Romantic), "no romantic or sexual relationship", srcAPA1005 + "; " + srcACA5}, func(a *Agreement) bool { _, ok := a.Boundaries.Find(Romantic); return ok }},
			element{Element{BoundaryClause(DualRelationship), "no multiple relationships", srcAPA305 + "; " + srcACA5}, func(a *Agreement) bool { _, ok := a.Boundaries.Find(DualRelationship); return ok }},
			element{Element{BoundaryClause(SocialMedia), "the boundaries of contact on social media", srcACAH}, func(a *Agreement) bool { _, ok := a.Boundaries.Find(SocialMedia); return ok }},
			element{Element{ClauseCommunication, "how and when the therapist can be reached between sessions", srcACAH}, func(a *Agreement) bool { return a.Communication.present() }},
			element{Element{ClauseEmergency, "what to do in an emergency", srcCrisis}, func(a *Agreement) bool { return a.Emergency.present() }},
			element{Element{ClauseTerminationNotice, "how therapy ends, and referral", srcAPA1010 + "; " + srcACA11}, func(a *Agreement) bool { return a.Termination.Notice != Notice{} || len(a.Termination.Grounds) > 0 }},
		)
	}
	return general
}

// Elements returns the checklist of profile p: the elements its
// professional standards expect an agreement to have, general ones first,
// each with the standard it comes from. An invalid profile has no
// elements.
func (p Profile) Elements() iter.Seq[Element] {
	return func(yield func(Element) bool) {
		if !p.IsValid() {
			return
		}
		for _, e := range p.checklist() {
			if !yield(e.Element) {
				return
			}
		}
	}
}

// ValidateFor returns nil or a problem.List listing everything Validate finds,
// then every element of profile p's checklist that the agreement lacks,
// with code problem.Missing at the element's clause ID and the standard behind
// it in the message.
func (a Agreement) ValidateFor(p Profile) error {
	var v validator
	if !p.IsValid() {
		v.add("", problem.Invalid, "profile %s is not general, consulting, coaching or therapy", prose.Quote(string(p)))
	}
	v.agreement(&a)
	if p.IsValid() {
		for _, e := range p.checklist() {
			if !e.present(&a) {
				v.add(e.Clause, problem.Missing, "the %s profile expects %s (%s)", p, e.Requirement, e.Source)
			}
		}
	}
	return v.l.Err()
}
