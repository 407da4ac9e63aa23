package agreement

// Scope says what the service is and is not.
type Scope struct {
	// Nature describes the service and the provider's approach, such as
	// what coaching is and how it differs from therapy (ICF 1.1), or the
	// nature of the therapy offered (APA 10.01).
	Nature string `json:"nature,omitempty"`
	// Course describes the anticipated course: goals, length, how progress
	// is reviewed (APA 10.01 "anticipated course of therapy").
	Course string `json:"course,omitempty"`
	// In lists what is in scope.
	In []string `json:"in,omitzero"`
	// Out lists what is out of scope, such as "diagnosis or treatment of
	// mental illness" in a coaching agreement.
	Out []string `json:"out,omitzero"`
}

// present reports whether the clause says anything.
func (s Scope) present() bool {
	return s.Nature != "" || s.Course != "" || len(s.In) > 0 || len(s.Out) > 0
}
