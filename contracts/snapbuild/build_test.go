package snapbuild

import "testing"

func TestShortNameRule(t *testing.T) {
	for official, want := range map[string]string{
		"Melbourne City Football Club":                        "Melbourne City FC",
		"Legia Warszawa Spółka Akcyjna":                       "Legia Warszawa",
		"AC Sparta Praha, a. s.":                              "AC Sparta Praha",
		"FC Basel 1893 AG":                                    "FC Basel 1893",
		"Fotballklubben Bodø/Glimt":                           "FK Bodø/Glimt",
		"Getafe Club de Fútbol S. A. D. Team Dubai":           "Getafe Club de Fútbol S. A. D. Team Dubai", // the form is not at the end
		"Club Santos Laguna S. A. de C. V.":                   "Club Santos Laguna",
		"Klub Sportowy Górnik Zabrze Sportowa Spółka Akcyjna": "KS Górnik Zabrze",
		"SA": "SA", // never empty
	} {
		if got, _ := shortName("-1", official); got != want {
			t.Errorf("shortName(%q) = %q, want %q", official, got, want)
		}
	}
}
