package agreement

import "time"

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
	Code    ActionCode `json:"code,omitempty"`
	Clause  ClauseID   `json:"clause,omitempty"`
	At      time.Time  `json:"at,omitzero"`
	Message string     `json:"message,omitempty"`
}
