package agreement

// Confidentiality says what stays private, the exceptions the law or
// safety make (APA 10.01 "limits of confidentiality", ACA A.2.b, B.2), and
// who else takes part (APA 10.01 "involvement of third parties").
type Confidentiality struct {
	// Promise states what is kept confidential.
	Promise string `json:"promise,omitempty"`
	// Exceptions lists when confidentiality may be broken, such as
	// "imminent risk of serious harm" or "a court order".
	Exceptions []string `json:"exceptions,omitzero"`
	// ThirdParties lists who besides the parties takes part in the work or
	// learns of it, and what they learn: an insurer that receives dates of
	// service and a diagnosis, a clinical supervisor, a parent, a sponsor
	// that pays. When no one does, one item says so ("no one, as fees are
	// paid privately"), so that the client is told either way.
	ThirdParties []string `json:"third_parties,omitzero"`
	// Records says how records are kept and for how long.
	Records string `json:"records,omitempty"`
}

// present reports whether the clause says anything.
func (c Confidentiality) present() bool {
	return c.Promise != "" || len(c.Exceptions) > 0 || len(c.ThirdParties) > 0 || c.Records != ""
}
