package agreement

// A Format is how sessions take place. Agreements may use formats of their
// own; the constants are the common ones.
type Format string

// Common formats.
const (
	InPerson Format = "in_person"
	Video    Format = "video"
	Phone    Format = "phone"
)
