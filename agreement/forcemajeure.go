package agreement

import "time"

// ForceMajeure says what counts as force majeure and how fast it must be
// notified: notice within NoticeWithin of the event waives the fees of the
// sessions it prevents.
type ForceMajeure struct {
	// What lists what counts, such as "illness" or "severe weather".
	What []string `json:"what,omitzero"`
	// NoticeWithin is how soon after the event notice must be given.
	NoticeWithin time.Duration `json:"notice_within,omitzero"`
}

// present reports whether the clause says anything.
func (f ForceMajeure) present() bool { return len(f.What) > 0 || f.NoticeWithin != 0 }
