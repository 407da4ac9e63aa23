// Package ical reads and writes the iCalendar data providers already keep
// their calendars in (RFC 5545), expands recurring events into busy time,
// and carries weekly availability both ways between an
// availability.Schedule and the VAVAILABILITY component of RFC 7953. It
// works on bytes in and bytes out: no files, no network, no clock.
//
// # Reading
//
// [Parse] reads a stream into a [Calendar] of [Event]s (VEVENT),
// [Availability] (VAVAILABILITY with its [Available] sub-components) and
// [FreeBusy] (VFREEBUSY). Lines are unfolded, TEXT values unescaped, and
// each property is checked: a bad value is a [*SyntaxError] with the line
// and column. [Decode] and [Encode] give the raw [Component] tree for
// anything else. [Limits] bound the input: bytes, line length, components,
// properties and nesting.
//
// # Zones
//
// A TZID must name an IANA zone ("Europe/Berlin"); it is loaded with
// availability.LoadZone, which refuses "Local". VTIMEZONE components are
// not read: an IANA TZID makes them redundant, and a TZID that names
// only a VTIMEZONE (such as Outlook's "Eastern Standard Time") is a
// [*ZoneError]. When writing, zoned times carry their IANA name and no
// VTIMEZONE is written, as RFC 7809 allows; receivers that need VTIMEZONE
// components must add them. Floating times and dates are read in
// ExpandOptions.Floating.
//
// # Recurrence
//
// A [Recur] is an RRULE value; [ParseRecur] reads it and String writes it
// back. A [Recurrence] (the timing of an event: DTSTART, DTEND or
// DURATION, RRULE, RDATE, EXDATE, and the EXRULE of RFC 2445 that some
// calendars still write) expands into occurrences with
// [Recurrence.Occurrences]; [Recur.Between] and [Recur.All] expand a rule
// from a time.Time. Expansion follows RFC 5545 §3.3.10 where it is subtle:
//   - FREQ DAILY, WEEKLY, MONTHLY and YEARLY, with INTERVAL, COUNT, UNTIL,
//     BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY (negative too), BYDAY (with
//     ordinals such as -1FR, within the month or the year as the RFC's
//     table says), BYHOUR, BYMINUTE, BYSECOND, BYSETPOS and WKST;
//   - parts the RFC marks N/A for a frequency are errors, not guesses, and
//     what the rule leaves out comes from DTSTART; a YEARLY rule with only
//     BYWEEKNO takes DTSTART's weekday;
//   - invalid dates (February 30) are skipped, never moved, and do not
//     count towards COUNT;
//   - DTSTART is always the first occurrence and counts as one, unless
//     ExpandOptions.SkipUnmatchedStart asks for what python-dateutil and
//     rrule-go do: DTSTART only when the rule generates it;
//   - UNTIL in UTC bounds instants; a local UNTIL is read in DTSTART's
//     zone, and a DATE UNTIL bounds through the end of that local day;
//   - with DTEND every occurrence lasts the same exact time; with DURATION
//     its days follow the wall clock (RFC 5545 §3.8.5.3).
//
// FREQ=SECONDLY, MINUTELY and HOURLY are not expanded: they return an
// [*UnsupportedError] at once, whatever the horizon.
//
// # Daylight saving time
//
// Local times resolve with availability.At, the rule of RFC 5545 §3.3.5: a
// time in a DST gap is read with the offset before the gap (New York 02:30
// on the spring-forward day is 03:30 EDT) and a time that occurs twice is
// its first occurrence. RFC 5545 also says, in §3.3.10, that generated
// times that do not exist are dropped; set ExpandOptions.SkipNonexistent
// for that reading. Two generated times moved onto the same instant count
// once.
//
// # Bounds
//
// Calendars from outside cannot make expansion hang or eat memory.
// [ExpandOptions] caps the occurrences returned, the work done (every
// period, day and candidate time counts, so a rule that never matches,
// such as BYMONTH=2;BYMONTHDAY=30, stops too) and, for rules without
// COUNT or UNTIL, the horizon asked for; past a cap the result is a
// [*LimitError]. A rule with COUNT or UNTIL expands to its end, however
// far. Rules without COUNT start at the window, so a rule that began
// decades ago costs what a new one does. A call that reads a whole
// calendar ([Calendar.Busy], [Combine], [ToSchedule]) has one budget of
// work and occurrences for all its events, so a calendar of many costly
// events costs no more than one; no rule, however written, needs more
// than a few megabytes.
//
// # Availability
//
// [FromSchedule] writes an availability.Schedule as a VAVAILABILITY: weekly
// AVAILABLE components for its working hours less its protected time,
// EXDATEs and one-off components for its overrides and closures, its
// effective period as the range, BUSYTYPE and PRIORITY as asked.
// [Combine] evaluates VAVAILABILITY components as RFC 7953 describes:
// inside its range a component is busy of its [BusyType] (BUSY-UNAVAILABLE
// by default) except during its AVAILABLE occurrences, and components are
// laid over each other from the lowest PRIORITY (0, then 9) to the highest
// (1). [ToSchedule] reads the free time back into a schedule over a range
// of dates.
//
// # Free/busy
//
// [Calendar.Busy] is the busy time of the events between two instants:
// opaque, not cancelled, with RECURRENCE-ID exceptions applied. A
// [FreeBusy] holds busy time by kind and [FreeBusy.Encode] writes it as a
// VFREEBUSY, periods in UTC.
//
// # Not supported
//
// VTIMEZONE definitions, RANGE=THISANDFUTURE, sub-daily frequencies, the
// RSCALE and SKIP extensions of RFC 7529, VTODO and VJOURNAL (skipped),
// and VALARM. Each either fails with a typed error or, for components
// that carry no busy or free time, is skipped; no rule part or property
// that changes the busy time is ever silently ignored, and a VEVENT,
// VFREEBUSY, VAVAILABILITY or AVAILABLE nested where it does not belong is
// a *SyntaxError rather than dropped.
package ical
