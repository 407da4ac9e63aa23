package fit

import (
	"encoding/json"
	"fmt"
	"testing"
)

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func FuzzScreeningJSON(f *testing.F) {
	bench, _, _ := benchScreening()
	for _, s := range []Screening{Standard(BankOptions{Fee: eur("50.00")}), bench, instrument(), small()} {
		f.Add(mustJSON(s))
	}
	f.Add([]byte(`{"id":"x","questions":[{"id":"a","type":"yes_no","text":"A","enable_when":{"not":{"question":"a","op":"answered"}}}]}`))
	f.Add([]byte(`{"id":"x","questions":[{"id":"a","type":"scale","text":"A","range":{"min":0,"max":3}}],"rules":[{"id":"r","kind":"score","question":"a","weight":1}],"bands":[{"id":"b","min":1,"max":2,"outcome":"refer","message":"m"}]}`))
	f.Add([]byte(`{"questions":[{"enable_when":{"all":[]}}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"id":"x","questions":[{"id":"a","type":"yes_no","text":"A","enable_when":{"not":{}}}]}`))
	provider := coach()
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Screening
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			return // values the encoder refuses, such as an invalid date in a window
		}
		var back Screening
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		if again := mustJSON(back); string(again) != string(b) {
			t.Fatalf("round trip changed\n%s\n%s", b, again)
		}
		err = s.Validate()
		if errBack := back.Validate(); fmt.Sprint(err) != fmt.Sprint(errBack) {
			t.Fatalf("round trip changed what Validate says\n%v\n%v", err, errBack)
		}
		if err != nil {
			return
		}
		ev, err := Compile(s, provider)
		if err != nil {
			return // a distance rule without a base is fine for Validate
		}
		d := ev.Evaluate(Answers{}, Options{})
		if !d.Outcome.IsValid() || len(d.Reasons) == 0 {
			t.Fatalf("decision %+v", d)
		}
	})
}

func FuzzAnswersJSON(f *testing.F) {
	f.Add(mustJSON(prospect()))
	f.Add([]byte(`{"preferred_times":[{"days":"sun","start":"23:00","end":"01:00"}],"meeting_place":"remote"}`))
	f.Add([]byte(`{"goal_areas":[],"budget_per_session":1e400}`))
	f.Add([]byte(`{"budget_per_session":"USD -1.00"}`))
	f.Add([]byte(`{"provider_instinct":"3","end_goals":"  ","harm_thoughts":null}`))
	f.Add([]byte(`{"meeting_place":{"lat":91,"lon":0}}`))
	ev, _ := storyEvaluator()
	f.Fuzz(func(t *testing.T, data []byte) {
		var a Answers
		if err := json.Unmarshal(data, &a); err != nil {
			return
		}
		_ = ev.ValidateAnswers(a)
		d := ev.Evaluate(a, Options{Overrides: []string{"red_flag_romantic_interest", "x"}})
		if !d.Outcome.IsValid() || len(d.Reasons) == 0 {
			t.Fatalf("decision %+v", d)
		}
		if d.Outcome == Accept && (len(d.Missing) > 0 || len(d.Invalid) > 0) {
			t.Fatalf("accepted with missing %v and invalid %v", d.Missing, d.Invalid)
		}
		b, err := json.Marshal(a)
		if err != nil {
			return
		}
		var back Answers
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		if string(mustJSON(back)) != string(b) {
			t.Fatalf("round trip changed %s", b)
		}
	})
}

func FuzzParseUnease(f *testing.F) {
	for _, s := range []string{"calm", "UNSURE", "uneasy", "alarmed", "0", "3", "4", "", "nervous"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUnease(s)
		if err != nil {
			return
		}
		back, err := ParseUnease(u.String())
		if err != nil || back != u {
			t.Fatalf("ParseUnease(%q) = %v; ParseUnease(%q) = %v, %v", s, u, u.String(), back, err)
		}
	})
}

func FuzzValueJSON(f *testing.F) {
	for _, s := range []string{`null`, `true`, `1.5`, `"x"`, `["a","b"]`, `[1,2]`, `[]`, `{"lat":1,"lon":2}`, `[{"days":"mon","start":"09:00","end":"10:00"}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v Value
		if err := json.Unmarshal(data, &v); err != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			return
		}
		var back Value
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		if !v.equal(back) {
			t.Fatalf("round trip of %s changed the value", b)
		}
	})
}
