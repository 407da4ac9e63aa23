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
//   - rules separated by "; " (a normal rule) and ", " (an additional rule,
//     which opening_hours.js allows only after a time, a comment or a
//     modifier; after selectors a comma continues their list, as in
//     "Sa, Su 10:00-12:00");
//   - weekdays Mo to Su, ranges that may wrap (Fr-Mo), lists (Mo,We,Fr),
//     and PH for public holidays, alone or in a list (Mo-Fr,PH: either);
//   - times HH:MM-HH:MM, several per rule (08:00-12:00,13:00-17:00, also
//     with a space after the comma), past midnight either wrapped
//     (22:00-02:00) or extended (22:00-26:00), and 00:00-24:00; a rule
//     without times means the whole day;
//   - dates of the year (Dec 25, Dec 24-26, Dec 24-Jan 02, Jun-Aug, lists
//     with commas) and dated days (2026 Dec 24, 2026 Dec 24-26, 2026 Dec
//     24-2027 Jan 02, 2026 Jun:, 2026 Jun-Aug), optionally followed by
//     ":", which a dated month needs before a time;
//   - 24/7, the modifiers open, off and closed, and comments in double
//     quotes after open, off or closed.
//
// Not supported, each reported as ErrUnsupported at its column: fallback
// rules (||), week numbers, years without a month and year ranges,
// weekday ordinals (Su[1]), SH, holidays on given weekdays ("PH Mo-Fr"),
// sunrise and other variable times, open ends (10:00+), points in time and
// repeating times (10:00-16:00/01:00), the unknown modifier and comments
// without open or off (which opening_hours.js reads as unknown), spans of a
// day or more other than 00:00-24:00, and rules that are only a comment.
// Forms opening_hours.js rejects, or reads otherwise than one might
// guess ("2026 Jun 10:00", where "Jun 10" is a day), are ErrSyntax. Date
// ranges that opening_hours.js 3.15 reads otherwise than the
// specification says are ErrUnsupported rather than read either way: a
// range of February days that ends on the 28th or 29th ("Feb 20-28", no
// date in 2026; write "Feb 20-Feb 28"), a range that ends on February 29
// (through March 1 in other years), a range of days that ends before it
// starts in the same month or runs around the whole year (no date), a
// list that mixes dates with and without a year, and a day after a month
// after a day in one list ("Feb 01,Jan,Feb 25", no date).
//
// # Meaning
//
// A value means here what it means to opening_hours.js, the reference
// implementation of the specification, minute by minute:
//
//   - every minute of a date takes the meaning, open or off, of the last
//     rule that gives it a time;
//   - a rule gives a date the times it selects up to midnight, and the
//     part of a time that runs past midnight to the next date, whatever
//     later rules say about the date it started on: in
//     "Mo-Su 22:00-02:00; Mo off" Monday is closed from midnight to
//     midnight (Sunday's night ends at 00:00), and Tuesday is open from
//     00:00 to 02:00, since "Mo off" closes Monday, not what Monday's
//     times give Tuesday;
//   - a normal rule that opens and has selectors (dates, weekdays, PH)
//     replaces every rule before it on the dates it selects, including the
//     part past midnight of an earlier rule's time ("Mo-Fr 09:00-17:00;
//     Su 22:00-02:00; Mo 10:00-12:00" opens Monday only from 10:00 to
//     12:00); a normal rule without selectors replaces only when the rule
//     before it has none either;
//   - an additional rule, and any off rule, replaces nothing: an off rule
//     closes its own times ("Mo-Fr 09:00-18:00; We 12:00-14:00 off" closes
//     Wednesday at lunch), or the whole date when it has none.
//
// # Schedules
//
// [Hours.Schedule] reads a value into a schedule in a zone that is open
// at the wall-clock times the value says, minute by minute: the rules
// without dates give the weekly working hours, and the dates where the
// whole value says something else become overrides and closures. PH
// selects the dates in Options.Holidays. Rules for days of every year
// ("Dec 25 off") are written out over Options.Dates; rules for dated
// days are written out on their own dates. Comments become labels. Its
// cost grows with the rules and the dates, not their product.
//
// [FromSchedule] and [Format] go the other way: each weekday's working
// windows less its protected time, the rules of the week after the first
// joined with ", " so that none replaces what a window across midnight
// gives the next day, then one dated rule for each date whose open time
// an override or closure changes, with that date's open time from
// midnight to midnight. opening_hours.js reads the result as open at the
// same wall-clock times as the schedule, and so does Hours.Schedule in
// the schedule's zone, across DST changes too; the zone itself is not
// part of the string. A schedule with an effective period cannot be
// written, since opening_hours cannot close every date before or after
// one.
//
// The tests hold this package to what opening_hours.js 3.15 gives for
// values where a reading could go either way.
package openinghours
