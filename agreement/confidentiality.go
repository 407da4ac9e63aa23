package agreement

// Confidentiality says what stays private, and the exceptions the law or
// safety make (APA 10.01 "limits of confidentiality", ACA A.2.b, B.2).
type Confidentiality struct {
	// Promise states what is kept confidential.
	Promise string `json:"promise,omitempty"`
	// Exceptions lists when confidentiality may be broken, such as
	// "imminent risk of serious harm" or "a court order".
	Exceptions []string `json:"exceptions,omitzero"`
	// Records says how records are kept and for how long.
	Records string `json:"records,omitempty"`
}

// present reports whether the clause says anything.
func (c Confidentiality) present() bool {
	return c.Promise != "" || len(c.Exceptions) > 0 || c.Records != ""
}
