package agreement

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
	Code    Code     `json:"code,omitempty"`
	Clause  ClauseID `json:"clause,omitempty"`
	Message string   `json:"message,omitempty"`
}

// String returns the message followed by the code and clause.
func (r Reason) String() string {
	if r.Clause == "" {
		return r.Message + " [" + string(r.Code) + "]"
	}
	return r.Message + " [" + string(r.Code) + ", " + string(r.Clause) + "]"
}
