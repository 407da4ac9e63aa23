package agreement

// A Party is someone who signs the agreement.
type Party struct {
	// Role is the part the party plays.
	Role Role `json:"role,omitempty"`
	// Name is how the party is named in the document and signs.
	Name string `json:"name,omitempty"`
	// Contact is how the party is reached for matters of the agreement,
	// such as an email address. It is not a term: changing it is not a
	// material change.
	Contact string `json:"contact,omitempty"`
}
