package referral

import (
	"strconv"
	"strings"
)

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

// languageName returns the English name of a language tag's primary
// subtag, such as "Italian" for "it" or "Portuguese" for "pt-BR", or the
// tag quoted ("the language \"tlh\"") for a language it does not name.
func languageName(tag string) string {
	switch primaryLanguage(tag) {
	case "af":
		return "Afrikaans"
	case "am":
		return "Amharic"
	case "ar":
		return "Arabic"
	case "ase":
		return "American Sign Language"
	case "az":
		return "Azerbaijani"
	case "be":
		return "Belarusian"
	case "bfi":
		return "British Sign Language"
	case "bg":
		return "Bulgarian"
	case "bn":
		return "Bengali"
	case "bs":
		return "Bosnian"
	case "ca":
		return "Catalan"
	case "cs":
		return "Czech"
	case "cy":
		return "Welsh"
	case "da":
		return "Danish"
	case "de":
		return "German"
	case "el":
		return "Greek"
	case "en":
		return "English"
	case "es":
		return "Spanish"
	case "et":
		return "Estonian"
	case "eu":
		return "Basque"
	case "fa":
		return "Persian"
	case "fi":
		return "Finnish"
	case "fil":
		return "Filipino"
	case "fr":
		return "French"
	case "ga":
		return "Irish"
	case "gl":
		return "Galician"
	case "gu":
		return "Gujarati"
	case "ha":
		return "Hausa"
	case "he":
		return "Hebrew"
	case "hi":
		return "Hindi"
	case "hr":
		return "Croatian"
	case "ht":
		return "Haitian Creole"
	case "hu":
		return "Hungarian"
	case "hy":
		return "Armenian"
	case "id":
		return "Indonesian"
	case "ig":
		return "Igbo"
	case "is":
		return "Icelandic"
	case "it":
		return "Italian"
	case "ja":
		return "Japanese"
	case "ka":
		return "Georgian"
	case "kk":
		return "Kazakh"
	case "km":
		return "Khmer"
	case "kn":
		return "Kannada"
	case "ko":
		return "Korean"
	case "ku":
		return "Kurdish"
	case "lt":
		return "Lithuanian"
	case "lv":
		return "Latvian"
	case "mk":
		return "Macedonian"
	case "ml":
		return "Malayalam"
	case "mn":
		return "Mongolian"
	case "mr":
		return "Marathi"
	case "ms":
		return "Malay"
	case "mt":
		return "Maltese"
	case "my":
		return "Burmese"
	case "nb":
		return "Norwegian Bokmål"
	case "ne":
		return "Nepali"
	case "nl":
		return "Dutch"
	case "nn":
		return "Norwegian Nynorsk"
	case "no":
		return "Norwegian"
	case "pa":
		return "Punjabi"
	case "pl":
		return "Polish"
	case "ps":
		return "Pashto"
	case "pt":
		return "Portuguese"
	case "ro":
		return "Romanian"
	case "ru":
		return "Russian"
	case "sk":
		return "Slovak"
	case "sl":
		return "Slovenian"
	case "so":
		return "Somali"
	case "sq":
		return "Albanian"
	case "sr":
		return "Serbian"
	case "sv":
		return "Swedish"
	case "sw":
		return "Swahili"
	case "ta":
		return "Tamil"
	case "te":
		return "Telugu"
	case "th":
		return "Thai"
	case "ti":
		return "Tigrinya"
	case "tl":
		return "Tagalog"
	case "tr":
		return "Turkish"
	case "uk":
		return "Ukrainian"
	case "ur":
		return "Urdu"
	case "uz":
		return "Uzbek"
	case "vi":
		return "Vietnamese"
	case "yi":
		return "Yiddish"
	case "yo":
		return "Yoruba"
	case "zh":
		return "Chinese"
	case "zu":
		return "Zulu"
	}
	return "the language " + strconv.Quote(tag)
}

// languageVariety returns the name of a language tag with the tag itself
// when it names a variety: "Italian" for "it", "Portuguese (pt-BR)" for
// "pt-BR".
func languageVariety(tag string) string {
	name := languageName(tag)
	if strings.IndexByte(tag, '-') < 0 || strings.HasPrefix(name, "the language ") {
		return name
	}
	return name + " (" + tag + ")"
}
