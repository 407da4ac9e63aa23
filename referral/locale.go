package referral

import "strings"

// validLanguage reports whether s is a well-formed BCP 47 language tag in
// the common form: a primary language subtag of 2 or 3 letters (or 5 to 8),
// then subtags of 1 to 8 letters or digits, separated by hyphens. Private
// use ("x-…") and grandfathered tags are not accepted.
func validLanguage(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, sub := range strings.Split(s, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for j := 0; j < len(sub); j++ {
			c := sub[j]
			letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			digit := '0' <= c && c <= '9'
			if !letter && !(digit && i > 0) {
				return false
			}
		}
		if i == 0 && (len(sub) == 1 || len(sub) == 4) {
			return false
		}
	}
	return true
}

// primaryLanguage returns the primary language subtag of a language tag in
// lower case: "pt" for "pt-BR".
func primaryLanguage(s string) string {
	if i := strings.IndexByte(s, '-'); i >= 0 {
		s = s[:i]
	}
	return lowerASCII(s)
}

// lowerASCII returns s with ASCII letters in lower case, without allocating
// when s has none in upper case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// sameLanguage reports whether two language tags are equal, ignoring case.
func sameLanguage(a, b string) bool { return strings.EqualFold(a, b) }

// validRegion reports whether s is a region code: an ISO 3166-1 alpha-2
// country code in upper case ("US"), optionally followed by a hyphen and a
// subdivision of 1 to 3 upper-case letters or digits ("US-NY", "GB-ENG").
// Groups of regions in a Crisis ("EU") have the same form.
func validRegion(s string) bool {
	if len(s) != 2 && (len(s) < 4 || len(s) > 6 || s[2] != '-') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 2:
		case 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 2:
		default:
			return false
		}
	}
	return true
}

// country returns the country part of a region code: "US" for "US-NY".
func country(region string) string {
	if len(region) > 2 {
		return region[:2]
	}
	return region
}

// licensedFor reports whether a provider licensed in region lic may serve a
// client in region client: the same region, or the whole country of the
// client's subdivision.
func licensedFor(lic, client string) bool {
	return lic == client || len(client) > 2 && lic == country(client)
}
