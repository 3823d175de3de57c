package rules

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date: a day in the proleptic Gregorian calendar with no
// time of day and no time zone. The zero Date means "no date".
//
// A Date is a count of days, so comparing, subtracting and adding days are
// integer operations; converting to year, month and day is done only for
// printing and for calendar arithmetic.
type Date struct {
	n int32 // days since 0000-03-01, plus one; 0 is the zero Date
}

// D returns the date y-m-d. It does not normalise: callers that may pass an
// impossible date use MakeDate.
func D(y int, m time.Month, d int) Date {
	return Date{int32(daysFromCivil(y, int(m), d)) + 1}
}

// MakeDate returns the date y-m-d, or an error when no such day exists
// (2026-02-30, month 13) or the year is outside 1..9999.
func MakeDate(y int, m time.Month, d int) (Date, error) {
	if y < 1 || y > 9999 {
		return Date{}, fmt.Errorf("year %d out of range 1..9999", y)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("month %d out of range 1..12", m)
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, fmt.Errorf("%s %d has %d days, not %d", m, y, DaysIn(y, m), d)
	}
	return D(y, m, d), nil
}

// DateOf returns the civil date of t as read in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return D(y, m, d)
}

// ParseISO parses YYYY-MM-DD, digits only: "+026-10-07" is not year 26.
func ParseISO(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
		}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	return MakeDate(y, time.Month(m), d)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.n == 0 }

// Civil returns the year, month and day of d.
func (d Date) Civil() (y int, m time.Month, day int) {
	yy, mm, dd := civilFromDays(int(d.n) - 1)
	return yy, time.Month(mm), dd
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.Civil(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.Civil(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, dd := d.Civil(); return dd }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 0000-03-01 (n=1) was a Wednesday.
	w := (int(d.n) - 1 + 3) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return Date{d.n + int32(n)} }

// Sub returns the number of days from e to d (d - e).
func (d Date) Sub(e Date) int { return int(d.n - e.n) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// AddMonths returns d plus n calendar months. When the day does not exist in
// the target month, the last day of that month is used: 31 August plus six
// months is the last day of February. This is the usual legal reading of "n
// months after" a date.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.Civil()
	t := int(m) - 1 + n
	y += floorDiv(t, 12)
	nm := time.Month(t - floorDiv(t, 12)*12 + 1)
	if dim := DaysIn(y, nm); day > dim {
		day = dim
	}
	return D(y, nm, day)
}

// Time returns d as midnight UTC, the form rickar/cal is used with.
func (d Date) Time() time.Time {
	y, m, day := d.Civil()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var buf [16]byte
	return string(d.AppendText(buf[:0]))
}

// AppendText appends d as YYYY-MM-DD to b (nothing for the zero Date).
func (d Date) AppendText(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	y, m, day := d.Civil()
	if uint(y) <= 9999 {
		// the common case, by pairs of digits
		hi, lo := y/100*2, y%100*2
		mm, dd := int(m)*2, day*2
		return append(b, digitPairs[hi], digitPairs[hi+1], digitPairs[lo], digitPairs[lo+1], '-',
			digitPairs[mm], digitPairs[mm+1], '-', digitPairs[dd], digitPairs[dd+1])
	}
	b = appendInt(b, y, 4)
	b = append(b, '-')
	b = appendInt(b, int(m), 2)
	b = append(b, '-')
	return appendInt(b, day, 2)
}

// Human returns d as "1 Jan 2026", for tables and notes.
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.Civil()
	return strconv.Itoa(day) + " " + m.String()[:3] + " " + strconv.Itoa(y)
}

// MarshalText implements encoding.TextMarshaler (YYYY-MM-DD; empty for zero).
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseISO(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// MinDate returns the earlier of two dates, ignoring zero dates.
func MinDate(a, b Date) Date {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}

// MaxDate returns the later of two dates.
func MaxDate(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

// digitPairs is "00" to "99", one after another.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

func appendInt(b []byte, v, width int) []byte {
	var buf [20]byte
	i := len(buf)
	neg := v < 0
	if neg {
		v = -v
	}
	for v > 0 || width > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		width--
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return append(b, buf[i:]...)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysFromCivil and civilFromDays convert between a civil date and a day
// count in which day 0 is 0000-03-01. For the years bosman works with (1 to
// 99999) they use Neri and Schneider's Euclidean affine forms ("Euclidean
// affine functions and applications to calendar algorithms", 2022), which
// need only multiplications and shifts; any other date takes Howard
// Hinnant's algorithms, which the tests hold the fast forms to, day by day.
func daysFromCivil(y, m, d int) int {
	if uint(y-1) > 99998 || uint(m-1) > 11 || uint(d-1) > 30 {
		return hinnantDays(y, m, d)
	}
	j := 0
	if m <= 2 {
		j = 1
	}
	yy := uint32(y) - uint32(j)
	mm := uint32(m) + 12*uint32(j)
	c := yy / 100
	return int(1461*yy/4 - c + c/4 + (979*mm-2919)/32 + uint32(d-1))
}

// fastCivilDays is the last day count (exclusive) of the fast form of
// civilFromDays: 1 March 100000.
const fastCivilDays = 36524250

func civilFromDays(z int) (y, m, d int) {
	if uint(z) >= fastCivilDays {
		return hinnantCivil(z)
	}
	n1 := 4*uint32(z) + 3
	c := n1 / 146097
	nc := n1 % 146097 / 4
	p2 := uint64(2939745) * uint64(4*nc+3)
	ny := uint32(p2) / 2939745 / 4
	n3 := 2141*ny + 197913
	y, m, d = int(100*c+uint32(p2>>32)), int(n3>>16), int(n3&0xffff/2141)+1
	if ny >= 306 {
		y, m = y+1, m-12
	}
	return y, m, d
}

// hinnantDays and hinnantCivil are Howard Hinnant's algorithms, shifted so
// that day 0 is 0000-03-01: any year, any day count.
func hinnantDays(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

func hinnantCivil(z int) (y, m, d int) {
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return
}
