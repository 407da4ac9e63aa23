package fit

// The needs the standard banks hand to referral. A need is a tag: what a
// client who is not a fit needs from someone else, in the vocabulary of
// what providers offer (referral.Provider.Specialties and Professions),
// written as every code of the library is, in lower case with
// underscores. Hosts add needs of their own in the same spelling.
const (
	NeedLifeCoaching        = "life_coaching"
	NeedFitnessCoaching     = "fitness_coaching"
	NeedNutritionCoaching   = "nutrition_coaching"
	NeedMindfulnessCoaching = "mindfulness_coaching"
	NeedCrisisSupport       = "crisis_support"
)

// The needs the therapist's bank and the instruments hand to referral,
// in the same vocabulary: the clinical areas a psychotherapist lists as
// specialties, and what a client needs from a colleague's practice
// (attributes such as a sliding scale).
const (
	NeedDepressionCare          = "depression_care"
	NeedAnxietyCare             = "anxiety_care"
	NeedTraumaCare              = "trauma_care"
	NeedCouplesTherapy          = "couples_therapy"
	NeedGriefCounseling         = "grief_counseling"
	NeedSubstanceUseCare        = "substance_use_care"
	NeedEatingDisorderCare      = "eating_disorder_care"
	NeedDomesticViolenceSupport = "domestic_violence_support"
	NeedSlidingScale            = "sliding_scale"
)
