package jsoncodec_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// benchDirectory is a directory document without marshaling methods, so
// that encoding/json handles it the same way and serves as a reference.
type benchDirectory struct {
	Version int          `json:"version"`
	Region  string       `json:"region"`
	Entries []benchEntry `json:"entries"`
}

type benchEntry struct {
	ID     int64             `json:"id"`
	Name   string            `json:"name"`
	Email  string            `json:"email"`
	Active bool              `json:"active"`
	Rating float64           `json:"rating"`
	Tags   []string          `json:"tags"`
	Labels map[string]string `json:"labels,omitempty"`
	Hours  []benchHours      `json:"hours"`
	Note   *string           `json:"note,omitempty"`
}

type benchHours struct {
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// benchDocument returns a directory document of about 2 KB.
func benchDocument(tb testing.TB) []byte {
	note := "prefers video sessions – ask first"
	dir := benchDirectory{Version: 3, Region: "eu-west"}
	for i := range 7 {
		entry := benchEntry{
			ID:     int64(1000 + i),
			Name:   fmt.Sprintf("Practitioner %d", i),
			Email:  fmt.Sprintf("practitioner%d@example.org", i),
			Active: i%3 != 0,
			Rating: 3.5 + float64(i)/8,
			Tags:   []string{"therapy", "adults"},
			Hours: []benchHours{
				{Day: "mon", Start: "09:00", End: "12:30"},
				{Day: "thu", Start: "13:00", End: "17:45"},
			},
		}
		if i%2 == 0 {
			entry.Labels = map[string]string{"lang": "nl", "room": fmt.Sprint(i)}
			entry.Note = &note
		}
		dir.Entries = append(dir.Entries, entry)
	}
	data, err := jsoncodec.Marshal(dir)
	require.NoError(tb, err)
	return data
}

func BenchmarkUnmarshal(b *testing.B) {
	data := benchDocument(b)
	b.Run("jsoncodec", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var dir benchDirectory
			if err := jsoncodec.Unmarshal(data, &dir, jsoncodec.Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var dir benchDirectory
			if err := json.Unmarshal(data, &dir); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkMarshal(b *testing.B) {
	var dir benchDirectory
	data := benchDocument(b)
	require.NoError(b, jsoncodec.Unmarshal(data, &dir, jsoncodec.Limits{}))
	b.Run("jsoncodec", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := jsoncodec.Marshal(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkUnmarshalModels decodes model types with text values and a nested
// UnmarshalJSON method.
func BenchmarkUnmarshalModels(b *testing.B) {
	a := fullAgreement()
	data, err := jsoncodec.Marshal(a)
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var got Agreement
		if err := jsoncodec.Unmarshal(data, &got, jsoncodec.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalModels encodes model types whose MarshalJSON methods
// call Marshal, so that the output of nested methods is checked and copied.
func BenchmarkMarshalModels(b *testing.B) {
	a := fullAgreement()
	data, err := jsoncodec.Marshal(a)
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsoncodec.Marshal(a); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchDocumentSize(t *testing.T) {
	size := len(benchDocument(t))
	require.Greater(t, size, 1800)
	require.Less(t, size, 2400)
}

// fullAgreement returns an agreement of about 1 KB.
func fullAgreement() Agreement {
	week := Schedule{Zone: "Europe/Amsterdam"}
	for day := range 5 {
		week.Hours = append(week.Hours,
			Window{Days: 1 << day, Start: At(9, 0), End: At(12, 30)},
			Window{Days: 1 << day, Start: At(13, 30), End: At(17, 0)})
	}
	return Agreement{
		Client:    "Ada Lovelace",
		Schedule:  week,
		Rooms:     map[string]Schedule{"room 1": week, "room 2": {Zone: "UTC"}},
		Protected: []Window{{Days: 1<<5 | 1<<6, Start: At(0, 0), End: At(23, 59)}},
		Session:   50 * 60 * 1e9,
	}
}
