package agreement

// Obligations are what each party owes the other, and the terms of the
// relationship inside and outside the session.
type Obligations struct {
	// InSession is the provider's stance inside the session, such as
	// "unconditional acceptance: behaviour may be discussed, the person is
	// never judged".
	InSession string `json:"in_session,omitempty"`
	// OutsideSession is what governs outside the session, such as
	// "ordinary business terms and courtesy".
	OutsideSession string `json:"outside_session,omitempty"`
	// Provider lists the provider's obligations: on time, prepared.
	Provider []Obligation `json:"provider,omitzero"`
	// Client lists the client's obligations: keeps deadlines, gives notice
	// of force majeure.
	Client []Obligation `json:"client,omitzero"`
	// Ladder is the graduated response to the client's breaches of the
	// business terms (lateness, late cancellations, no-shows, late
	// payment, off-policy contact): the n-th such breach meets step n.
	// Boundaries have ladders of their own.
	Ladder Ladder `json:"ladder,omitzero"`
}

// present reports whether the clause says anything.
func (o Obligations) present() bool {
	return o.InSession != "" || o.OutsideSession != "" || len(o.Provider) > 0 || len(o.Client) > 0 || len(o.Ladder) > 0
}

// An Obligation is one thing a party owes the other.
type Obligation struct {
	// Key names the obligation in clause IDs
	// ("obligations.client.deadlines").
	Key string `json:"key,omitempty"`
	// Text states the obligation.
	Text string `json:"text,omitempty"`
}
