package agreement

import (
	"strconv"
)

// A ClauseID names a clause, or a part of one, in every place the package
// cites it: rendered documents, validation paths, breaches, reasons and
// diffs. The scheme is described in the package documentation under
// "Clause IDs": the path of the clause in the agreement's JSON form, with
// the elements of keyed lists named by their key.
type ClauseID string

// Child returns the ID of the member name of id: ClauseID("lateness").Child("grace")
// is "lateness.grace".
func (id ClauseID) Child(name string) ClauseID {
	if id == "" {
		return ClauseID(name)
	}
	return id + "." + ClauseID(name)
}

// Index returns the ID of element i of the list id:
// ClauseID("cancellation.tiers").Index(1) is "cancellation.tiers[1]".
func (id ClauseID) Index(i int) ClauseID {
	return id + "[" + ClauseID(strconv.Itoa(i)) + "]"
}

// The IDs of the clauses and of the parts that evaluation cites. IDs of
// list elements are built with Index (tiers, ladder steps) or Child (keyed
// elements: boundaries by kind, obligations and grounds by key).
const (
	ClauseParties              ClauseID = "parties"
	ClauseScope                ClauseID = "scope"
	ClauseSessions             ClauseID = "sessions"
	ClauseFees                 ClauseID = "fees"
	ClauseFeesSession          ClauseID = "fees.session"
	ClauseFeesPackages         ClauseID = "fees.packages"
	ClausePayment              ClauseID = "payment"
	ClausePaymentWithin        ClauseID = "payment.within"
	ClausePaymentGrace         ClauseID = "payment.grace"
	ClausePaymentLateFee       ClauseID = "payment.late_fee"
	ClauseCancellation         ClauseID = "cancellation"
	ClauseCancellationTiers    ClauseID = "cancellation.tiers"
	ClauseCancellationLimit    ClauseID = "cancellation.limit"
	ClauseLateness             ClauseID = "lateness"
	ClauseLatenessGrace        ClauseID = "lateness.grace"
	ClauseLatenessEndsOnTime   ClauseID = "lateness.ends_on_time"
	ClauseLatenessNoShow       ClauseID = "lateness.no_show_after"
	ClauseLatenessNoShowShare  ClauseID = "lateness.no_show_share"
	ClauseWait                 ClauseID = "wait"
	ClauseWaitProvider         ClauseID = "wait.provider"
	ClauseProviderCancellation ClauseID = "provider_cancellation"
	ClauseProviderNotice       ClauseID = "provider_cancellation.notice"
	ClauseProviderRemedy       ClauseID = "provider_cancellation.remedy"
	ClauseCommunication        ClauseID = "communication"
	ClauseCommunicationChannel ClauseID = "communication.channels"
	ClauseCommunicationHours   ClauseID = "communication.hours"
	ClauseCommunicationPolicy  ClauseID = "communication.policy"
	ClauseEmergency            ClauseID = "emergency"
	ClauseBoundaries           ClauseID = "boundaries"
	ClauseConfidentiality      ClauseID = "confidentiality"
	ClauseTermination          ClauseID = "termination"
	ClauseTerminationNotice    ClauseID = "termination.notice"
	ClauseTerminationGrounds   ClauseID = "termination.grounds"
	ClauseTerminationRefund    ClauseID = "termination.refund"
	ClauseTerminationRetained  ClauseID = "termination.non_refundable"
	ClauseForceMajeure         ClauseID = "force_majeure"
	ClauseForceMajeureNotice   ClauseID = "force_majeure.notice_within"
	ClauseObligations          ClauseID = "obligations"
	ClauseInSession            ClauseID = "obligations.in_session"
	ClauseOutsideSession       ClauseID = "obligations.outside_session"
	ClauseObligationsLadder    ClauseID = "obligations.ladder"
)

// TierClause returns the ID of cancellation tier i, "cancellation.tiers[i]".
func TierClause(i int) ClauseID { return ClauseCancellationTiers.Index(i) }

// BoundaryClause returns the ID of the boundary of the given kind,
// "boundaries.<kind>".
func BoundaryClause(kind BoundaryKind) ClauseID { return ClauseBoundaries.Child(string(kind)) }

// ObligationClause returns the ID of the obligation with the given key of
// party role, "obligations.client.<key>" or "obligations.provider.<key>".
func ObligationClause(role Role, key string) ClauseID {
	return ClauseObligations.Child(string(role)).Child(key)
}

// GroundClause returns the ID of the immediate termination ground with the
// given key, "termination.grounds.<key>".
func GroundClause(key string) ClauseID { return ClauseTerminationGrounds.Child(key) }

// isKey reports whether s is a key usable in a clause ID: lower-case ASCII
// letters, digits and underscores, starting with a letter.
func isKey(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}
