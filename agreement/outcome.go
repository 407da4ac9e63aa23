package agreement

import (
	"time"

	"github.com/practicekit/boundaries/agreement/money"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// A Code is a stable, machine-readable reason for a decision. Hosts may
// switch on codes; the sentences in Reason.Message may change.
type Code string

// The reason codes.
const (
	CodeOnTime            Code = "on_time"             // the client arrived on time
	CodeWithinGrace       Code = "within_grace"        // late, but within the grace period
	CodeLate              Code = "late"                // late beyond the grace period
	CodeNoShow            Code = "no_show"             // the client did not come, or came too late
	CodeFreeCancellation  Code = "free_cancellation"   // cancelled with enough notice
	CodeLateCancellation  Code = "late_cancellation"   // cancelled with too little notice: a tier applies
	CodeCancellationLimit Code = "cancellation_limit"  // too many late cancellations within the limit's span
	CodeProviderCancelled Code = "provider_cancelled"  // the provider cancelled a session
	CodeShortNotice       Code = "short_notice"        // the provider cancelled with less notice than promised
	CodeKeepWaiting       Code = "keep_waiting"        // the wait limit has not passed yet
	CodeWaitLimit         Code = "wait_limit"          // the wait limit has passed: the provider may leave
	CodeNoWaitLimit       Code = "no_wait_limit"       // the agreement sets no wait limit
	CodeWithinPolicy      Code = "within_policy"       // contact within the communication policy
	CodeOffChannel        Code = "off_channel"         // contact on a channel the agreement does not open
	CodeOffPolicy         Code = "off_policy"          // contact outside the response policy (hour or channel)
	CodeEmergency         Code = "emergency"           // an emergency: resources are offered, never a breach
	CodeBoundaryCrossed   Code = "boundary_crossed"    // a boundary was crossed
	CodeAcceptedInSession Code = "accepted_in_session" // conduct inside the session is met with acceptance
	CodeNoClause          Code = "no_clause"           // the agreement has no clause covering the event
	CodeForceMajeure      Code = "force_majeure"       // force majeure notified in time: fees waived
	CodeLateNotice        Code = "late_notice"         // force majeure notified too late
	CodePaymentInGrace    Code = "payment_in_grace"    // a payment within its grace period
	CodeLatePayment       Code = "late_payment"        // a payment after its grace period
	CodeTerminated        Code = "terminated"          // the engagement ends
	CodeImmediateGround   Code = "immediate_ground"    // the provider ends it at once on a ground
	CodeUnknownGround     Code = "unknown_ground"      // the ground invoked is not in the agreement
	CodeSessionsUsed      Code = "sessions_used"       // prepaid sessions used are earned
	CodeRefund            Code = "refund"              // money returned to the client
	CodeRetained          Code = "retained"            // a non-refundable part the provider keeps
	CodeRetainedWaived    Code = "retained_waived"     // the provider ends it and refunds non-refundable parts too
	CodePayment           Code = "payment"             // money received
	CodePackage           Code = "package"             // a prepaid package bought
	CodeSessionCharged    Code = "session_charged"     // a session's fee
	CodePrepaidUsed       Code = "prepaid_used"        // a prepaid session used
	CodeOutstanding       Code = "outstanding"         // a charge the client's credit does not cover
	CodeLadder            Code = "ladder"              // the graduated response to a breach
)

// A Reason explains one decision: a stable Code, the clause behind it, and
// a sentence a provider can show.
type Reason struct {
	Code    Code     `json:"code"`
	Clause  ClauseID `json:"clause,omitempty"`
	Message string   `json:"message"`
}

// String returns the message followed by the code and clause.
func (r Reason) String() string {
	if r.Clause == "" {
		return r.Message + " [" + string(r.Code) + "]"
	}
	return r.Message + " [" + string(r.Code) + ", " + string(r.Clause) + "]"
}

// A Line is an amount of money with the clause it comes from: a charge to
// the client, a refund to the client, or an amount the provider retains.
type Line struct {
	Clause  ClauseID     `json:"clause"`
	Amount  money.Amount `json:"amount"`
	Message string       `json:"message"`
}

// A Breach is a term one party broke, with the response it meets.
type Breach struct {
	// Party is who broke the term.
	Party Role `json:"party"`
	// Clause is the term broken.
	Clause ClauseID `json:"clause"`
	// Severity is how serious the breach is.
	Severity Severity `json:"severity"`
	// Response is the step of the graduated response it meets; for the
	// provider's breaches it is Note.
	Response Response `json:"response"`
	// Step is the ladder step behind Response, such as
	// "boundaries.romantic.ladder[1]"; empty when no ladder applies.
	Step ClauseID `json:"step,omitempty"`
	// Count is how many breaches the ladder has counted, this one
	// included: 2 for the second.
	Count int `json:"count"`
	// At is when the breach happened.
	At time.Time `json:"at"`
	// Message is a sentence a provider can show.
	Message string `json:"message"`
}

// An ActionCode says what to do.
type ActionCode string

// The actions.
const (
	ActEndOnTime        ActionCode = "end_on_time"        // end the session at its scheduled end (At)
	ActReschedule       ActionCode = "reschedule"         // offer a new time for the session
	ActKeepWaiting      ActionCode = "keep_waiting"       // wait; the provider may leave at At
	ActProviderMayLeave ActionCode = "provider_may_leave" // the provider may leave now
	ActLeaveNote        ActionCode = "leave_note"         // leave a note saying the provider waited
	ActMakeUp           ActionCode = "make_up"            // give a make-up session at no charge
	ActOfferChoice      ActionCode = "offer_choice"       // offer a make-up session or a refund
	ActRespondBy        ActionCode = "respond_by"         // answer the contact by At
	ActOffer            ActionCode = "offer"              // offer the alternative in Message (a resource, a colleague)
	ActAccept           ActionCode = "accept"             // meet the conduct with acceptance; discuss it in the work
	ActNote             ActionCode = "note"               // record the breach and mention it
	ActWarn             ActionCode = "warn"               // warn the client in writing
	ActTerminateAllowed ActionCode = "terminate_allowed"  // the provider may end the engagement at once
	ActTerminate        ActionCode = "terminate"          // the engagement ends at At
)

// An Action is something the evaluation says to do, with the clause behind
// it and, where it has one, the instant it concerns.
type Action struct {
	Code    ActionCode `json:"code"`
	Clause  ClauseID   `json:"clause,omitempty"`
	At      time.Time  `json:"at,omitzero"`
	Message string     `json:"message"`
}

// An Outcome is what the terms say about one event: money charged,
// refunded and retained, breaches, actions, and the reasons for each.
// Outcomes of the same event under the same terms are equal. The zero
// Outcome records nothing.
type Outcome struct {
	// Event is the kind of event evaluated, and At its instant.
	Event EventKind `json:"event"`
	At    time.Time `json:"at"`
	// Charges are amounts the client owes the provider.
	Charges []Line `json:"charges,omitempty"`
	// Refunds are amounts the provider returns to the client.
	Refunds []Line `json:"refunds,omitempty"`
	// Retained are amounts already paid that the provider keeps although
	// unused (non-refundable parts).
	Retained []Line `json:"retained,omitempty"`
	// Breaches are the terms broken.
	Breaches []Breach `json:"breaches,omitempty"`
	// Actions are what to do.
	Actions []Action `json:"actions,omitempty"`
	// Reasons explain every line, breach and action.
	Reasons []Reason `json:"reasons"`
}

// MarshalJSON encodes the outcome with the field names in its struct tags.
func (o Outcome) MarshalJSON() ([]byte, error) {
	type plain Outcome
	return jsoncodec.Marshal(plain(o))
}

// UnmarshalJSON decodes an outcome strictly.
func (o *Outcome) UnmarshalJSON(b []byte) error {
	type plain Outcome
	return jsoncodec.Unmarshal(b, (*plain)(o), jsoncodec.Limits{})
}

// Has reports whether the outcome includes an action with code c.
func (o Outcome) Has(c ActionCode) bool {
	for _, a := range o.Actions {
		if a.Code == c {
			return true
		}
	}
	return false
}
