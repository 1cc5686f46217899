package seed

// institution is an Indian university or institute that candidates study at.
// National ones (IITs, IISc, IIITs and the like) draw students from every
// state; the others mostly from their own.
type institution struct {
	name     string
	state    string
	national bool
}

// institutions are real Indian institutions of higher education; the people
// who studied at them in the seed data are fictional.
var institutions = []institution{
	{"IIT Bombay", "maharashtra", true}, {"IIT Delhi", "delhi", true}, {"IIT Madras", "tamil_nadu", true},
	{"IIT Kanpur", "uttar_pradesh", true}, {"IIT Kharagpur", "west_bengal", true}, {"IIT Roorkee", "uttarakhand", true},
	{"IIT Guwahati", "assam", true}, {"IIT Hyderabad", "telangana", true}, {"IIT Mandi", "himachal_pradesh", true},
	{"IIT (BHU) Varanasi", "uttar_pradesh", true}, {"IIT Gandhinagar", "gujarat", true}, {"IIT Indore", "madhya_pradesh", true},
	{"IIT Jodhpur", "rajasthan", true}, {"IIT Patna", "bihar", true}, {"IIT Ropar", "punjab", true},
	{"IIT Bhubaneswar", "odisha", true}, {"IIT Tirupati", "andhra_pradesh", true}, {"IIT Palakkad", "kerala", true},
	{"IIT Dharwad", "karnataka", true}, {"IIT Bhilai", "chhattisgarh", true}, {"IIT Goa", "goa", true},
	{"IIT Jammu", "jammu_kashmir", true}, {"IIT (ISM) Dhanbad", "jharkhand", true},
	{"IISc Bangalore", "karnataka", true}, {"Indian Statistical Institute, Kolkata", "west_bengal", true},
	{"IIIT Hyderabad", "telangana", true}, {"IIIT Delhi", "delhi", true}, {"IIIT Bangalore", "karnataka", true},
	{"IIIT Allahabad", "uttar_pradesh", true}, {"BITS Pilani", "rajasthan", true},
	{"NIT Tiruchirappalli", "tamil_nadu", true}, {"NIT Karnataka, Surathkal", "karnataka", true}, {"NIT Warangal", "telangana", true},
	{"NIT Calicut", "kerala", true}, {"NIT Rourkela", "odisha", true},

	{"NIT Andhra Pradesh", "andhra_pradesh", false}, {"Andhra University", "andhra_pradesh", false},
	{"NIT Arunachal Pradesh", "arunachal_pradesh", false}, {"Rajiv Gandhi University", "arunachal_pradesh", false},
	{"NIT Silchar", "assam", false}, {"Tezpur University", "assam", false}, {"Gauhati University", "assam", false},
	{"NIT Patna", "bihar", false}, {"Patna University", "bihar", false},
	{"NIT Raipur", "chhattisgarh", false}, {"NIT Goa", "goa", false}, {"Goa University", "goa", false},
	{"SVNIT Surat", "gujarat", false}, {"Gujarat University", "gujarat", false},
	{"NIT Kurukshetra", "haryana", false}, {"Kurukshetra University", "haryana", false},
	{"NIT Hamirpur", "himachal_pradesh", false}, {"Himachal Pradesh University", "himachal_pradesh", false},
	{"NIT Jamshedpur", "jharkhand", false}, {"BIT Mesra", "jharkhand", false},
	{"Bangalore University", "karnataka", false}, {"University of Mysore", "karnataka", false},
	{"Cochin University of Science and Technology", "kerala", false}, {"University of Kerala", "kerala", false},
	{"MANIT Bhopal", "madhya_pradesh", false}, {"IIITDM Jabalpur", "madhya_pradesh", false},
	{"VNIT Nagpur", "maharashtra", false}, {"COEP Technological University", "maharashtra", false},
	{"University of Mumbai", "maharashtra", false}, {"Savitribai Phule Pune University", "maharashtra", false},
	{"NIT Manipur", "manipur", false}, {"Manipur University", "manipur", false},
	{"NIT Meghalaya", "meghalaya", false}, {"North-Eastern Hill University", "meghalaya", false},
	{"NIT Mizoram", "mizoram", false}, {"Mizoram University", "mizoram", false},
	{"NIT Nagaland", "nagaland", false}, {"Nagaland University", "nagaland", false},
	{"Utkal University", "odisha", false}, {"IIIT Bhubaneswar", "odisha", false},
	{"Dr B R Ambedkar NIT Jalandhar", "punjab", false}, {"Punjabi University", "punjab", false},
	{"MNIT Jaipur", "rajasthan", false}, {"University of Rajasthan", "rajasthan", false},
	{"NIT Sikkim", "sikkim", false}, {"Sikkim University", "sikkim", false},
	{"Anna University", "tamil_nadu", false}, {"IIITDM Kancheepuram", "tamil_nadu", false}, {"University of Madras", "tamil_nadu", false},
	{"University of Hyderabad", "telangana", false}, {"Osmania University", "telangana", false}, {"JNTU Hyderabad", "telangana", false},
	{"NIT Agartala", "tripura", false}, {"Tripura University", "tripura", false},
	{"MNNIT Allahabad", "uttar_pradesh", false}, {"Aligarh Muslim University", "uttar_pradesh", false}, {"University of Lucknow", "uttar_pradesh", false},
	{"NIT Uttarakhand", "uttarakhand", false}, {"HNB Garhwal University", "uttarakhand", false},
	{"Jadavpur University", "west_bengal", false}, {"NIT Durgapur", "west_bengal", false}, {"University of Calcutta", "west_bengal", false},
	{"Dr. B. R. Ambedkar Institute of Technology, Port Blair", "andaman_nicobar", false},
	{"Panjab University", "chandigarh", false}, {"Punjab Engineering College", "chandigarh", false},
	{"Delhi Technological University", "delhi", false}, {"Netaji Subhas University of Technology", "delhi", false},
	{"Jawaharlal Nehru University", "delhi", false}, {"University of Delhi", "delhi", false},
	{"NIT Srinagar", "jammu_kashmir", false}, {"University of Kashmir", "jammu_kashmir", false}, {"University of Jammu", "jammu_kashmir", false},
	{"University of Ladakh", "ladakh", false},
	{"Pondicherry University", "puducherry", false}, {"NIT Puducherry", "puducherry", false},
}

// managementSchools award the MBA-level degrees (EducationLevels "mba_mot").
var managementSchools = []string{"IIM Ahmedabad", "IIM Bangalore", "IIM Calcutta", "IIM Lucknow", "IIM Kozhikode"}

// nationalInstitutions and institutionsByState index institutions.
var (
	nationalInstitutions []string
	institutionsByState  = map[string][]string{}
)

func init() {
	for _, in := range institutions {
		if in.national {
			nationalInstitutions = append(nationalInstitutions, in.name)
		}
		institutionsByState[in.state] = append(institutionsByState[in.state], in.name)
	}
}

// pickInstitution returns where someone from state studied: a national
// institution with probability national, otherwise one in their state (or,
// for the few territories without one, anywhere).
func pickInstitution(r rng, state string, national float64) string {
	local := institutionsByState[state]
	if len(local) == 0 || r.chance(national) {
		return pick(r, nationalInstitutions)
	}
	return pick(r, local)
}

// Fields of study per degree level.
var (
	bachelorFields = newTable(
		choice[string]{"Computer Science and Engineering", 40}, choice[string]{"Electronics and Communication Engineering", 15},
		choice[string]{"Electrical Engineering", 10}, choice[string]{"Information Technology", 10},
		choice[string]{"Artificial Intelligence and Data Science", 8}, choice[string]{"Mathematics and Computing", 5},
		choice[string]{"Mechanical Engineering", 5}, choice[string]{"Statistics", 3}, choice[string]{"Physics", 2},
		choice[string]{"Mathematics", 2})
	masterFields = newTable(
		choice[string]{"Computer Science and Engineering", 30}, choice[string]{"Artificial Intelligence", 20},
		choice[string]{"Data Science", 15}, choice[string]{"Machine Learning", 10}, choice[string]{"Signal Processing", 6},
		choice[string]{"Robotics", 5}, choice[string]{"Computational and Data Sciences", 6}, choice[string]{"Statistics", 4},
		choice[string]{"Electrical Engineering", 4})
	doctorateFields = newTable(
		choice[string]{"Computer Science", 35}, choice[string]{"Machine Learning", 20}, choice[string]{"Electrical Engineering", 12},
		choice[string]{"Computational Linguistics", 8}, choice[string]{"Robotics", 8}, choice[string]{"Statistics", 7},
		choice[string]{"Applied Mathematics", 5}, choice[string]{"Biomedical Engineering", 5})
)
