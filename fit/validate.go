package fit

// Limits on the size of a screening, so that hostile input cannot make
// compiling or evaluating slow.
const (
	MaxQuestions = 256    // questions in a screening
	MaxRules     = 256    // rules in a screening
	MaxBands     = 64     // bands in a screening
	MaxOptions   = 64     // options of one choice question
	MaxDepth     = 16     // nesting of all/any/not in one condition
	MaxNodes     = 4096   // comparisons and all/any/not in all conditions together
	MaxWindows   = 50     // windows in one weekly-times answer
	MaxTextBytes = 10_000 // bytes of one text answer or condition text
	MaxIDBytes   = 100    // bytes of an ID, option code or need tag
)

// Validate reports every problem with the screening at once: duplicate
// IDs, unknown references, cycles in conditional display, operators and
// values that do not suit their question's type, unknown options, rules
// and bands that can never fire, questions that can never be shown, and
// limits passed. Provider-dependent checks (a base for distance rules, the
// schedule) are made by Compile.
func (s Screening) Validate() error {
	var b builder
	b.build(&s, nil)
	return b.problems.Err()
}
