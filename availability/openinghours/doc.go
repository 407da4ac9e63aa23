// Package openinghours reads and writes the short strings people use for
// hours, in the opening_hours syntax of OpenStreetMap
// (wiki.openstreetmap.org/wiki/Key:opening_hours/specification), and
// turns them into availability.Schedule values and back:
//
//	Mo-Fr 09:00-17:00; Sa 10:00-14:00; Su off; PH off
//
// # Parsing
//
// [Parse] reads a value into [Hours], a list of [Rule]s; String writes the
// canonical form back, so Parse(h.String()) is h. A value that is not
// valid, or valid but outside the subset below, is a [*SyntaxError] that
// quotes the value and gives the column (in characters) where it broke,
// matching [ErrSyntax] or [ErrUnsupported].
//
// # The supported subset
//
//   - rules separated by "; " (normal: a later rule replaces what earlier
//     ones said about the dates it selects) and ", " (additional: it adds,
//     or with off takes away);
//   - weekdays Mo to Su, ranges that may wrap (Fr-Mo), lists (Mo,We,Fr),
//     and PH for public holidays, alone or in a list (Mo-Fr,PH);
//   - times HH:MM-HH:MM, several per rule (08:00-12:00,13:00-17:00), past
//     midnight either wrapped (22:00-02:00) or extended (22:00-26:00), and
//     00:00-24:00; a rule without times means the whole day;
//   - dates of the year (Dec 25, Dec 24-26, Dec 24-Jan 02, Jun-Aug, lists
//     with commas) and dated days (2026 Dec 24, 2026 Dec 24-2027 Jan 02),
//     optionally followed by ":";
//   - 24/7, the modifiers off, closed and open, and comments in double
//     quotes after a rule.
//
// Not supported, each reported as ErrUnsupported at its column: fallback
// rules (||), week numbers, years without a month and year ranges,
// weekday ordinals (Su[1]), SH, holidays on given weekdays ("PH Mo-Fr"),
// sunrise and other variable times, open ends (10:00+), points in time and
// repeating times (10:00-16:00/01:00), the unknown modifier, spans of a
// day or more other than 00:00-24:00, and rules that are only a comment.
//
// # Meaning
//
// A time that crosses midnight belongs to the date it starts on: in
// "Su 22:00-02:00; Mo off" Sunday night stays open until 02:00 on
// Monday. This is how availability.Schedule reads its windows, and how
// this package reads opening_hours. A normal off rule with times closes
// the whole date for the dates it selects; to close part of a day, use an
// additional rule ("Mo-Fr 09:00-18:00, We 12:00-14:00 off").
//
// # Schedules
//
// [Hours.Schedule] reads a value into a schedule in a zone: the rules
// without dates give the weekly working hours, and the dates where the
// whole value says something else become overrides and closures. PH
// selects the dates in Options.Holidays. Rules for days of every year
// ("Dec 25 off") are written out over Options.Dates; rules for dated
// days are written out on their own dates. Comments become labels.
//
// [FromSchedule] and [Format] go the other way: each weekday's working
// windows less its protected time, then one dated rule for each date an
// override or closure changes. Reading the result with Hours.Schedule in
// the schedule's zone gives the same open time, across DST changes too;
// the zone itself is not part of the string. A schedule with an effective
// period cannot be written, since opening_hours cannot close every date
// before or after one.
package openinghours
