package agreement_test

import (
	"time"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
)

// The agreements of the stories, shared by tests, examples and benchmarks.

var (
	usd    = money.MustParse
	amount = money.MustParse
)

// newYork is the therapist's zone; loaded once per call so tests stay
// independent of each other.
func newYork() *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	return loc
}

// crisisLines are the resources of the therapy agreement.
func crisisLines() []contact.Resource {
	checked := availability.MustParseDate("2026-01-15")
	return []contact.Resource{
		{ID: "us-988", Name: "988 Suicide & Crisis Lifeline", Contact: "988", Region: "US", Kind: "crisis_line", Hours: "24/7", Checked: checked},
		{ID: "us-911", Name: "Emergency services", Contact: "911", Region: "US", Kind: "emergency", Hours: "24/7", Checked: checked},
	}
}

// therapyTerms is story 2, "the contract hour" (seed 001): a therapist's
// agreement of mutual obligations, unconditional acceptance inside the
// session and ordinary business terms outside it.
func therapyTerms() agreement.Agreement {
	ny := newYork()
	return agreement.Agreement{
		ID:      "therapy-2026-017",
		Version: 1,
		Title:   "Agreement for individual therapy",
		Parties: []agreement.Party{
			{Role: agreement.RoleProvider, Name: "Dr. Mira Kovač", Contact: "office@kovac-therapy.example"},
			{Role: agreement.RoleClient, Name: "Alex Reed"},
		},
		Scope: agreement.Scope{
			Nature: "Individual psychotherapy: talking sessions that explore patterns in relationships and work. Both parties share responsibility for the work: the therapist brings method and attention, the client brings openness and effort.",
			Course: "Weekly sessions. Goals are agreed in the first three sessions and reviewed every twelve weeks; either party may propose to end the work when the goals are met or the work no longer helps.",
			In:     []string{"weekly individual sessions", "agreed exercises between sessions"},
			Out:    []string{"crisis intervention outside sessions", "reports for courts or employers", "couples or family sessions"},
		},
		Sessions: agreement.Sessions{
			Length:     50 * time.Minute,
			Modalities: place.InPerson | place.Video,
			Places:     []string{"Practice room, 12 Linden Street, Brooklyn"},
			Frequency:  "weekly",
		},
		Fees: agreement.Fees{
			Session:      usd("USD 120.00"),
			Packages:     []agreement.Package{{Sessions: 3, Price: usd("USD 340.00")}},
			SlidingScale: &agreement.SlidingScale{Min: usd("USD 80.00"), Max: usd("USD 120.00"), Criteria: "household income, reviewed every six months"},
		},
		Payment: agreement.Payment{
			Within:  7 * 24 * time.Hour,
			Grace:   72 * time.Hour,
			LateFee: usd("USD 15.00"),
			Methods: []string{"card", "bank transfer"},
		},
		Cancellation: agreement.Cancellation{
			Tiers: []agreement.Tier{{Before: 24 * time.Hour, Share: 10000}, {Before: 48 * time.Hour, Share: 5000}},
			Limit: agreement.Limit{Count: 3, Within: 90 * 24 * time.Hour},
		},
		Lateness: agreement.Lateness{
			Grace:       10 * time.Minute,
			EndsOnTime:  true,
			NoShowAfter: 25 * time.Minute,
			NoShowShare: 10000,
		},
		ProviderCancellation: agreement.ProviderCancellation{Notice: 48 * time.Hour, Remedy: agreement.RemedyChoice},
		Communication: agreement.Communication{
			Channels: []contact.Channel{contact.ChannelEmail, contact.ChannelPortal, contact.ChannelPhone},
			Hours: availability.Schedule{
				Zone:  ny,
				Hours: []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}},
			},
			Policy: contact.Policy{
				Targets: []contact.Target{
					{Urgency: contact.Emergency, Within: time.Hour, AfterHours: true, Resources: true},
					{Urgency: contact.Urgent, Within: 4 * time.Hour, Basis: contact.BusinessTime, Channels: []contact.Channel{contact.ChannelPhone}},
					{Urgency: contact.Routine, Within: 8 * time.Hour, Basis: contact.BusinessTime, Channels: []contact.Channel{contact.ChannelEmail, contact.ChannelPortal}},
					{Urgency: contact.Informational, Within: 16 * time.Hour, Basis: contact.BusinessTime},
				},
				Resources: crisisLines(),
			},
		},
		Emergency: agreement.Emergency{
			What:         []string{"risk of harm to yourself or others", "a medical emergency"},
			Instructions: "Call 911 or 988, or go to the nearest emergency room. Do not wait for a reply from the therapist.",
			Resources:    crisisLines(),
		},
		Boundaries: agreement.Boundaries{
			{Kind: agreement.Romantic, Text: "No romantic or sexual relationship, during therapy or after it. Feelings that arise in the work are discussed in sessions.", Severity: agreement.Critical,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceWarning}, {Consequence: agreement.ConsequenceTermination}}},
			{Kind: agreement.DualRelationship, Text: "No friendship, business dealings or social relationship beside therapy.", Severity: agreement.Serious,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceWarning}, {Consequence: agreement.ConsequenceTermination}}},
			{Kind: agreement.PersonalContact, Text: "The therapist's personal phone, home and private social media are not used.", Severity: agreement.Moderate,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceWarning}, {Consequence: agreement.ConsequenceTermination}}},
			{Kind: agreement.SocialMedia, Text: "No friend or follow requests on social media; the practice page may be followed.", Severity: agreement.Minor,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceWarning}}},
			{Kind: agreement.Gifts, Text: "Gifts beyond a token are politely declined.", Severity: agreement.Minor,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}}},
			{Kind: agreement.Abuse, Text: "Insults and threats outside the session are not accepted. Inside the session, anger is part of the work.", Severity: agreement.Serious,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceWarning}, {Consequence: agreement.ConsequenceTermination}}},
		},
		Confidentiality: agreement.Confidentiality{
			Promise:      "What is said in sessions stays between client and therapist.",
			Exceptions:   []string{"imminent risk of serious harm to the client or others", "suspected abuse of a child or a vulnerable adult", "a court order"},
			ThirdParties: []string{"no one, as the client pays privately, without insurance, and no supervisor or relative takes part"},
			Records:      "Notes are kept encrypted for seven years after the last session, then destroyed.",
		},
		Termination: agreement.Termination{
			Notice: agreement.Notice{Provider: 14 * 24 * time.Hour},
			Grounds: []agreement.Ground{
				{Key: "threats", Text: "threats or violence against the therapist"},
				{Key: "nonpayment", Text: "fees unpaid 30 days after a reminder"},
			},
			Refund: agreement.ProRata,
		},
		ForceMajeure: agreement.ForceMajeure{
			What:         []string{"sudden illness", "an accident", "severe weather", "a family emergency"},
			NoticeWithin: 24 * time.Hour,
		},
		Obligations: agreement.Obligations{
			InSession:      "the client is accepted unconditionally; behaviour may be discussed, the person is never judged.",
			OutsideSession: "ordinary business terms and courtesy apply to both parties.",
			Provider: []agreement.Obligation{
				{Key: "on_time", Text: "Starts and ends sessions on time."},
				{Key: "prepared", Text: "Comes prepared and keeps notes of the work."},
			},
			Client: []agreement.Obligation{
				{Key: "deadlines", Text: "Keeps appointments and payment deadlines."},
				{Key: "notice", Text: "Gives notice of force majeure as soon as possible, within 24 hours."},
				{Key: "respect", Text: "Respects the therapist's time, privacy and reputation outside sessions."},
			},
			Ladder: agreement.Ladder{
				{Consequence: agreement.ConsequenceNote},
				{Consequence: agreement.ConsequenceFee, Fee: usd("USD 30.00")},
				{Consequence: agreement.ConsequenceWarning},
				{Consequence: agreement.ConsequenceTermination},
			},
		},
	}
}

// consultingTerms is story 3, "the forty-minute wait" (seed 002): an
// on-site meeting at the client's office, with a provider wait limit.
func consultingTerms() agreement.Agreement {
	return agreement.Agreement{
		ID:      "northwind-harbor-7",
		Version: 1,
		Title:   "On-site consultation: business internet service",
		Parties: []agreement.Party{
			{Role: agreement.RoleProvider, Name: "Sam Ortiz, Northwind Internet"},
			{Role: agreement.RoleClient, Name: "Harbor Logistics Ltd."},
		},
		Scope: agreement.Scope{
			Nature: "Presenting the agreed service offer and signing the service contract at the client's office.",
			In:     []string{"review of the agreed offer", "signing the service contract"},
			Out:    []string{"renegotiating agreed prices", "installation work"},
		},
		Sessions: agreement.Sessions{Length: time.Hour, Modalities: place.InPerson, Places: []string{"Harbor Logistics, 40 Pier Road, reception desk"}},
		Fees:     agreement.Fees{Session: usd("USD 200.00")},
		Payment:  agreement.Payment{Within: 30 * 24 * time.Hour, Methods: []string{"invoice"}},
		Cancellation: agreement.Cancellation{
			Tiers: []agreement.Tier{{Before: 4 * time.Hour, Share: 5000}},
		},
		Lateness: agreement.Lateness{Grace: 10 * time.Minute, EndsOnTime: true},
		Wait: agreement.Wait{Provider: agreement.WaitLimit{
			After:      30 * time.Minute,
			Note:       true,
			Reschedule: true,
			Share:      5000,
		}},
		ProviderCancellation: agreement.ProviderCancellation{Notice: 24 * time.Hour, Remedy: agreement.RemedyMakeUp},
		Confidentiality: agreement.Confidentiality{
			Promise: "Prices and network details stay between the parties.",
		},
		Termination: agreement.Termination{Notice: agreement.Notice{Client: 30 * 24 * time.Hour, Provider: 30 * 24 * time.Hour}},
		Obligations: agreement.Obligations{
			OutsideSession: "both parties treat each other as professionals; the customer is always right, and the provider is nobody's servant.",
			Provider:       []agreement.Obligation{{Key: "on_time", Text: "Arrives on time, prepared, with the contract ready to sign."}},
			Client:         []agreement.Obligation{{Key: "receive", Text: "Receives the provider at the agreed time, or gives notice."}},
			Ladder:         agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceWarning}},
		},
	}
}

// coachingTerms is story 5, "the consultation that was a date" (seed 004):
// the coaching agreement the coach wrote after declining a prospect.
func coachingTerms() agreement.Agreement {
	return agreement.Agreement{
		ID:      "holistic-coaching-12w",
		Version: 1,
		Title:   "Coaching agreement",
		Parties: []agreement.Party{
			{Role: agreement.RoleProvider, Name: "Giulia Benedetti, holistic life coach"},
			{Role: agreement.RoleClient, Name: "Marco Ferri"},
		},
		Scope: agreement.Scope{
			Nature: "Coaching is a partnership that helps the client discover, plan and reach goals for mind, body and spirit. It is not therapy, counselling or medical advice.",
			Course: "A consultation to set preliminary goals, then four sessions over eight weeks; goals are reviewed at the last session.",
			In:     []string{"goal setting for mind, body and spirit", "planning and accountability between sessions"},
			Out:    []string{"therapy or counselling", "medical or nutritional treatment", "social or romantic companionship"},
		},
		Sessions: agreement.Sessions{
			Length:     time.Hour,
			Modalities: place.Video | place.InPerson,
			Places:     []string{"the coach's studio", "a public café in town for first meetings"},
		},
		Fees: agreement.Fees{
			Session:  amount("EUR 100.00"),
			Packages: []agreement.Package{{Sessions: 4, Price: amount("EUR 360.00")}},
		},
		Payment: agreement.Payment{Methods: []string{"card"}},
		Cancellation: agreement.Cancellation{
			Tiers: []agreement.Tier{{Before: 24 * time.Hour, Share: 5000}},
		},
		Communication: agreement.Communication{
			Channels: []contact.Channel{contact.ChannelEmail},
		},
		Boundaries: agreement.Boundaries{
			{Kind: agreement.Romantic, Text: "The relationship is professional only: no dates, romantic interest or advances.", Severity: agreement.Critical,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceTermination}}, InSession: true},
			{Kind: agreement.PhysicalContact, Text: "No hugs or touch the coach has not agreed to.", Severity: agreement.Serious,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceWarning}, {Consequence: agreement.ConsequenceTermination}}, InSession: true},
			{Kind: agreement.Gifts, Text: "The coach pays for her own food and drink; gifts are declined.", Severity: agreement.Minor,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceWarning}}, InSession: true},
			{Kind: agreement.PersonalContact, Text: "Contact goes through the business email, not a personal phone.", Severity: agreement.Moderate,
				Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceWarning}}},
		},
		Confidentiality: agreement.Confidentiality{
			Promise:    "What the client shares stays confidential.",
			Exceptions: []string{"risk of serious harm", "what the law requires"},
		},
		Termination: agreement.Termination{
			Grounds:       []agreement.Ground{{Key: "romantic_interest", Text: "romantic interest in the coach"}},
			Refund:        agreement.ProRata,
			NonRefundable: 1000,
		},
		Obligations: agreement.Obligations{
			Provider: []agreement.Obligation{{Key: "fit", Text: "Says no and refers elsewhere when coaching is not the right service."}},
			Client:   []agreement.Obligation{{Key: "goals", Text: "Comes for the service and states its goals honestly."}},
		},
	}
}
