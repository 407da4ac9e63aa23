package money

import (
	"errors"
	"fmt"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Currency is an ISO 4217 alphabetic code such as "USD". A valid
// Currency is one of the codes of the table this package carries (see
// ParseCurrency) that has a minor unit. The zero Currency is invalid.
type Currency string

// ErrCurrency is matched (errors.Is) by every error about a currency code:
// malformed, unknown, or without a minor unit.
var ErrCurrency = errors.New("invalid currency")

// ParseCurrency parses an ISO 4217 alphabetic code: three upper-case ASCII
// letters naming a current currency or fund that has a minor unit. Lower
// case is not accepted ("usd" is an error), nor are codes the standard
// lists without a minor unit (XAU, XXX, ...).
func ParseCurrency(s string) (Currency, error) {
	if len(s) != 3 || !isCodeLetter(s[0]) || !isCodeLetter(s[1]) || !isCodeLetter(s[2]) {
		return "", fmt.Errorf("%w %s: want three upper-case letters such as \"USD\"", ErrCurrency, prose.Quote(s))
	}
	e, ok := lookupCurrency(s)
	if !ok {
		return "", fmt.Errorf("%w %q: not a current ISO 4217 code", ErrCurrency, s)
	}
	if e == '-' {
		return "", fmt.Errorf("%w %q: ISO 4217 defines no minor unit for it", ErrCurrency, s)
	}
	return Currency(s), nil
}

// MustParseCurrency is ParseCurrency for literals; it panics on error.
func MustParseCurrency(s string) Currency {
	c, err := ParseCurrency(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is a current ISO 4217 code with a minor unit.
func (c Currency) IsValid() bool { return c.Exponent() >= 0 }

// Exponent returns the number of minor-unit digits of c: 0 for JPY, 2 for
// USD, 3 for BHD, 4 for CLF. It returns -1 if c is not valid.
func (c Currency) Exponent() int {
	e, ok := lookupCurrency(string(c))
	if !ok || e == '-' {
		return -1
	}
	return int(e - '0')
}

// String returns the code as it is, "USD"; the zero Currency gives "".
func (c Currency) String() string { return string(c) }

// AppendText implements encoding.TextAppender: it appends the code, or
// nothing for the zero Currency. An invalid, non-zero Currency is an error.
func (c Currency) AppendText(b []byte) ([]byte, error) {
	if c != "" && !c.IsValid() {
		return b, fmt.Errorf("%w %s", ErrCurrency, prose.Quote(string(c)))
	}
	return append(b, c...), nil
}

// MarshalText implements encoding.TextMarshaler. The zero Currency is
// encoded as empty text; any other invalid Currency is an error.
func (c Currency) MarshalText() ([]byte, error) {
	return c.AppendText(nil)
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseCurrency.
// Empty text gives the zero Currency, so MarshalText and UnmarshalText
// round-trip every Currency MarshalText accepts.
func (c *Currency) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = ""
		return nil
	}
	v, err := ParseCurrency(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func isCodeLetter(b byte) bool { return 'A' <= b && b <= 'Z' }

// iso4217 is the table of currencies: every code of ISO 4217 Table A.1
// ("list one", current currency and funds codes) as published by the
// maintenance agency SIX Group on 2025-05-12, with its minor unit. Each
// record is four bytes: the alphabetic code, then the number of minor-unit
// digits ('0' to '4'), or '-' where the list says "N.A." (no minor unit).
// Records are sorted by code, so lookups are binary searches; the table is
// a constant, so nothing can change it.
//
// Special cases worth knowing:
//   - Zero decimals: BIF, CLP, DJF, GNF, ISK, JPY, KMF, KRW, PYG, RWF, UGX,
//     UYI, VND, VUV, XAF, XOF, XPF.
//   - Three decimals: BHD, IQD, JOD, KWD, LYD, OMR, TND.
//   - Four decimals: the funds CLF (Unidad de Fomento) and UYW (Unidad
//     Previsional).
//   - Funds codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW, XAD) are in
//     the list and are valid.
//   - "N.A." codes (precious metals XAG, XAU, XPD, XPT; the bond market units
//     XBA to XBD; XDR, XSU, XUA; the testing code XTS; and XXX, "no
//     currency") are in the table so errors can name them, but are not valid
//     currencies for Amount, which needs a minor unit.
//   - Codes withdrawn before that list (ANG, CUC, HRK, SLL, ZWL, ...) are not
//     valid. Amendments published after it are not reflected: BGN, for one,
//     is still valid here although Bulgaria adopted the euro on 2026-01-01.
const iso4217 = "" +
	"AED2" + // UAE Dirham
	"AFN2" + // Afghani
	"ALL2" + // Lek
	"AMD2" + // Armenian Dram
	"AOA2" + // Kwanza
	"ARS2" + // Argentine Peso
	"AUD2" + // Australian Dollar
	"AWG2" + // Aruban Florin
	"AZN2" + // Azerbaijan Manat
	"BAM2" + // Convertible Mark
	"BBD2" + // Barbados Dollar
	"BDT2" + // Taka
	"BGN2" + // Bulgarian Lev
	"BHD3" + // Bahraini Dinar
	"BIF0" + // Burundi Franc
	"BMD2" + // Bermudian Dollar
	"BND2" + // Brunei Dollar
	"BOB2" + // Boliviano
	"BOV2" + // Mvdol (fund)
	"BRL2" + // Brazilian Real
	"BSD2" + // Bahamian Dollar
	"BTN2" + // Ngultrum
	"BWP2" + // Pula
	"BYN2" + // Belarusian Ruble
	"BZD2" + // Belize Dollar
	"CAD2" + // Canadian Dollar
	"CDF2" + // Congolese Franc
	"CHE2" + // WIR Euro (fund)
	"CHF2" + // Swiss Franc
	"CHW2" + // WIR Franc (fund)
	"CLF4" + // Unidad de Fomento (fund)
	"CLP0" + // Chilean Peso
	"CNY2" + // Yuan Renminbi
	"COP2" + // Colombian Peso
	"COU2" + // Unidad de Valor Real (fund)
	"CRC2" + // Costa Rican Colon
	"CUP2" + // Cuban Peso
	"CVE2" + // Cabo Verde Escudo
	"CZK2" + // Czech Koruna
	"DJF0" + // Djibouti Franc
	"DKK2" + // Danish Krone
	"DOP2" + // Dominican Peso
	"DZD2" + // Algerian Dinar
	"EGP2" + // Egyptian Pound
	"ERN2" + // Nakfa
	"ETB2" + // Ethiopian Birr
	"EUR2" + // Euro
	"FJD2" + // Fiji Dollar
	"FKP2" + // Falkland Islands Pound
	"GBP2" + // Pound Sterling
	"GEL2" + // Lari
	"GHS2" + // Ghana Cedi
	"GIP2" + // Gibraltar Pound
	"GMD2" + // Dalasi
	"GNF0" + // Guinean Franc
	"GTQ2" + // Quetzal
	"GYD2" + // Guyana Dollar
	"HKD2" + // Hong Kong Dollar
	"HNL2" + // Lempira
	"HTG2" + // Gourde
	"HUF2" + // Forint
	"IDR2" + // Rupiah
	"ILS2" + // New Israeli Sheqel
	"INR2" + // Indian Rupee
	"IQD3" + // Iraqi Dinar
	"IRR2" + // Iranian Rial
	"ISK0" + // Iceland Krona
	"JMD2" + // Jamaican Dollar
	"JOD3" + // Jordanian Dinar
	"JPY0" + // Yen
	"KES2" + // Kenyan Shilling
	"KGS2" + // Som
	"KHR2" + // Riel
	"KMF0" + // Comorian Franc
	"KPW2" + // North Korean Won
	"KRW0" + // Won
	"KWD3" + // Kuwaiti Dinar
	"KYD2" + // Cayman Islands Dollar
	"KZT2" + // Tenge
	"LAK2" + // Lao Kip
	"LBP2" + // Lebanese Pound
	"LKR2" + // Sri Lanka Rupee
	"LRD2" + // Liberian Dollar
	"LSL2" + // Loti
	"LYD3" + // Libyan Dinar
	"MAD2" + // Moroccan Dirham
	"MDL2" + // Moldovan Leu
	"MGA2" + // Malagasy Ariary
	"MKD2" + // Denar
	"MMK2" + // Kyat
	"MNT2" + // Tugrik
	"MOP2" + // Pataca
	"MRU2" + // Ouguiya
	"MUR2" + // Mauritius Rupee
	"MVR2" + // Rufiyaa
	"MWK2" + // Malawi Kwacha
	"MXN2" + // Mexican Peso
	"MXV2" + // Mexican Unidad de Inversion (fund)
	"MYR2" + // Malaysian Ringgit
	"MZN2" + // Mozambique Metical
	"NAD2" + // Namibia Dollar
	"NGN2" + // Naira
	"NIO2" + // Cordoba Oro
	"NOK2" + // Norwegian Krone
	"NPR2" + // Nepalese Rupee
	"NZD2" + // New Zealand Dollar
	"OMR3" + // Rial Omani
	"PAB2" + // Balboa
	"PEN2" + // Sol
	"PGK2" + // Kina
	"PHP2" + // Philippine Peso
	"PKR2" + // Pakistan Rupee
	"PLN2" + // Zloty
	"PYG0" + // Guarani
	"QAR2" + // Qatari Rial
	"RON2" + // Romanian Leu
	"RSD2" + // Serbian Dinar
	"RUB2" + // Russian Ruble
	"RWF0" + // Rwanda Franc
	"SAR2" + // Saudi Riyal
	"SBD2" + // Solomon Islands Dollar
	"SCR2" + // Seychelles Rupee
	"SDG2" + // Sudanese Pound
	"SEK2" + // Swedish Krona
	"SGD2" + // Singapore Dollar
	"SHP2" + // Saint Helena Pound
	"SLE2" + // Leone
	"SOS2" + // Somali Shilling
	"SRD2" + // Surinam Dollar
	"SSP2" + // South Sudanese Pound
	"STN2" + // Dobra
	"SVC2" + // El Salvador Colon
	"SYP2" + // Syrian Pound
	"SZL2" + // Lilangeni
	"THB2" + // Baht
	"TJS2" + // Somoni
	"TMT2" + // Turkmenistan New Manat
	"TND3" + // Tunisian Dinar
	"TOP2" + // Pa'anga
	"TRY2" + // Turkish Lira
	"TTD2" + // Trinidad and Tobago Dollar
	"TWD2" + // New Taiwan Dollar
	"TZS2" + // Tanzanian Shilling
	"UAH2" + // Hryvnia
	"UGX0" + // Uganda Shilling
	"USD2" + // US Dollar
	"USN2" + // US Dollar (Next day) (fund)
	"UYI0" + // Uruguay Peso en Unidades Indexadas (fund)
	"UYU2" + // Peso Uruguayo
	"UYW4" + // Unidad Previsional (fund)
	"UZS2" + // Uzbekistan Sum
	"VED2" + // Bolivar Soberano
	"VES2" + // Bolivar Soberano
	"VND0" + // Dong
	"VUV0" + // Vatu
	"WST2" + // Tala
	"XAD2" + // Arab Accounting Dinar (fund)
	"XAF0" + // CFA Franc BEAC
	"XAG-" + // Silver
	"XAU-" + // Gold
	"XBA-" + // Bond Markets Unit European Composite Unit (EURCO)
	"XBB-" + // Bond Markets Unit European Monetary Unit (E.M.U.-6)
	"XBC-" + // Bond Markets Unit European Unit of Account 9 (E.U.A.-9)
	"XBD-" + // Bond Markets Unit European Unit of Account 17 (E.U.A.-17)
	"XCD2" + // East Caribbean Dollar
	"XCG2" + // Caribbean Guilder
	"XDR-" + // SDR (Special Drawing Right)
	"XOF0" + // CFA Franc BCEAO
	"XPD-" + // Palladium
	"XPF0" + // CFP Franc
	"XPT-" + // Platinum
	"XSU-" + // Sucre
	"XTS-" + // Codes specifically reserved for testing purposes
	"XUA-" + // ADB Unit of Account
	"XXX-" + // The codes assigned for transactions where no currency is involved
	"YER2" + // Yemeni Rial
	"ZAR2" + // Rand
	"ZMW2" + // Zambian Kwacha
	"ZWG2" // Zimbabwe Gold

// currencyRecord is the length of one record of iso4217.
const currencyRecord = 4

// lookupCurrency returns the minor-unit character of code ('0' to '4', or
// '-' for "N.A."), and false if code is not in the table.
func lookupCurrency(code string) (byte, bool) {
	if len(code) != 3 {
		return 0, false
	}
	lo, hi := 0, len(iso4217)/currencyRecord
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		rec := iso4217[mid*currencyRecord : mid*currencyRecord+3]
		switch {
		case rec < code:
			lo = mid + 1
		case rec > code:
			hi = mid
		default:
			return iso4217[mid*currencyRecord+3], true
		}
	}
	return 0, false
}
