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
