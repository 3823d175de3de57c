package contracts

import (
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

func TestInForce(t *testing.T) {
	saliba2027 := Contract{Player: "William Saliba", Club: "Arsenal FC", Signed: rules.D(2023, 7, 6), Expires: rules.D(2027, 6, 30)}
	saliba2030 := Contract{Player: "William Saliba", Club: "Arsenal FC", Signed: rules.D(2025, 9, 30), Expires: rules.D(2030, 6, 30)}
	psg := Contract{Player: "Kylian Mbappé", Club: "Paris Saint-Germain", Signed: rules.D(2022, 5, 21), Expires: rules.D(2025, 6, 30)}
	real := Contract{Player: "Kylian Mbappé", Club: "Real Madrid CF", Signed: rules.D(2024, 6, 3), Start: rules.D(2024, 7, 1), Expires: rules.D(2029, 6, 30)}
	// unsignedLate has no Signed date; its Start (2024-07-01) orders it
	// after saliba2027 (signed 2023-07-06) and before saliba2030.
	unsignedLate := Contract{Club: "Unsigned", Start: rules.D(2024, 7, 1), Expires: rules.D(2028, 6, 30)}
	// undated has neither Signed nor Start: known always, last in order.
	undated := Contract{Club: "Undated", Expires: rules.D(2031, 6, 30)}
	sameDayShort := Contract{Club: "Short", Signed: rules.D(2025, 1, 10), Start: rules.D(2025, 7, 1), Expires: rules.D(2026, 6, 30)}
	sameDayLong := Contract{Club: "Long", Signed: rules.D(2025, 1, 10), Start: rules.D(2025, 7, 1), Expires: rules.D(2028, 6, 30)}
	sameDayLater := Contract{Club: "Later start", Signed: rules.D(2025, 1, 10), Start: rules.D(2025, 8, 1), Expires: rules.D(2027, 6, 30)}

	tests := []struct {
		name   string
		rows   []Contract
		asOf   rules.Date
		want   Contract
		wantOK bool
	}{
		{"Saliba before renewal", []Contract{saliba2027, saliba2030}, rules.D(2025, 9, 1), saliba2027, true},
		{"Saliba on renewal day", []Contract{saliba2027, saliba2030}, rules.D(2025, 9, 30), saliba2030, true},
		{"Saliba after renewal", []Contract{saliba2027, saliba2030}, rules.D(2025, 10, 7), saliba2030, true},
		{"Saliba rows in any order", []Contract{saliba2030, saliba2027}, rules.D(2025, 10, 7), saliba2030, true},
		{"Mbappé at PSG", []Contract{psg, real}, rules.D(2024, 1, 1), psg, true},
		{"Mbappé transfer known before it starts", []Contract{psg, real}, rules.D(2024, 6, 10), real, true},
		{"Mbappé at Real Madrid", []Contract{psg, real}, rules.D(2025, 1, 1), real, true},
		{"all signed later", []Contract{saliba2027, saliba2030}, rules.D(2023, 1, 1), Contract{}, false},
		{"no rows", nil, rules.D(2026, 11, 28), Contract{}, false},
		{"unknown Signed ordered by Start", []Contract{saliba2027, unsignedLate}, rules.D(2026, 11, 28), unsignedLate, true},
		{"unknown Signed before a later signing", []Contract{unsignedLate, saliba2030}, rules.D(2026, 11, 28), saliba2030, true},
		{"unknown Signed is known early", []Contract{saliba2030, unsignedLate}, rules.D(2020, 1, 1), unsignedLate, true},
		{"no dates at all loses to any", []Contract{undated, psg}, rules.D(2026, 11, 28), psg, true},
		{"no dates at all alone", []Contract{undated}, rules.D(2026, 11, 28), undated, true},
		{"same Signed: later Start", []Contract{sameDayLater, sameDayLong}, rules.D(2026, 11, 28), sameDayLater, true},
		{"same Signed and Start: later Expires", []Contract{sameDayLong, sameDayShort}, rules.D(2026, 11, 28), sameDayLong, true},
		{"identical order: last row", []Contract{saliba2027, saliba2027, {Club: "Copy", Signed: saliba2027.Signed, Expires: saliba2027.Expires}}, rules.D(2026, 11, 28), Contract{Club: "Copy", Signed: saliba2027.Signed, Expires: saliba2027.Expires}, true},
		{"zero asOf: no cut-off", []Contract{psg, real}, rules.Date{}, real, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := InForce(tt.rows, tt.asOf)
			if ok != tt.wantOK || got != tt.want {
				t.Errorf("InForce(%s) = %s %v, want %s %v", tt.asOf, got.Club+" "+got.Expires.String(), ok, tt.want.Club+" "+tt.want.Expires.String(), tt.wantOK)
			}
		})
	}
}

func TestLatest(t *testing.T) {
	psg := Contract{Club: "Paris Saint-Germain", Signed: rules.D(2022, 5, 21), Expires: rules.D(2025, 6, 30)}
	real := Contract{Club: "Real Madrid CF", Signed: rules.D(2024, 6, 3), Expires: rules.D(2029, 6, 30)}
	tests := []struct {
		name string
		rows []Contract
		want Contract
	}{
		{"latest signed", []Contract{real, psg}, real},
		{"one row", []Contract{psg}, psg},
		{"no rows", nil, Contract{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Latest(tt.rows); got != tt.want {
				t.Errorf("Latest = %s, want %s", got.Club, tt.want.Club)
			}
		})
	}
}
