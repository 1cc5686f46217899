package seed

// indianState is a state or union territory as the generator sees it: how
// many of the candidates come from there, which name pool its people draw
// from, and some of its cities.
type indianState struct {
	slug   string
	weight float64
	names  string // key of namePools
	cities []string
}

// indianStates covers talent.IndianStates, weighted roughly by population and
// by how many engineering graduates each produces.
var indianStates = []indianState{
	{"andhra_pradesh", 6, "telugu", []string{"Visakhapatnam", "Vijayawada", "Guntur", "Tirupati"}},
	{"arunachal_pradesh", 0.3, "arunachal", []string{"Itanagar", "Pasighat"}},
	{"assam", 2, "assamese", []string{"Guwahati", "Dibrugarh", "Silchar", "Jorhat"}},
	{"bihar", 4, "hindi", []string{"Patna", "Gaya", "Bhagalpur", "Muzaffarpur"}},
	{"chhattisgarh", 1.5, "hindi", []string{"Raipur", "Bhilai", "Bilaspur"}},
	{"goa", 0.5, "marathi", []string{"Panaji", "Margao", "Vasco da Gama"}},
	{"gujarat", 5, "gujarati", []string{"Ahmedabad", "Surat", "Vadodara", "Rajkot", "Gandhinagar"}},
	{"haryana", 3, "hindi", []string{"Gurugram", "Faridabad", "Panipat", "Kurukshetra"}},
	{"himachal_pradesh", 1, "hindi", []string{"Shimla", "Mandi", "Dharamshala"}},
	{"jharkhand", 2, "hindi", []string{"Ranchi", "Jamshedpur", "Dhanbad"}},
	{"karnataka", 9, "kannada", []string{"Bengaluru", "Mysuru", "Mangaluru", "Hubballi"}},
	{"kerala", 5, "malayalam", []string{"Thiruvananthapuram", "Kochi", "Kozhikode", "Thrissur"}},
	{"madhya_pradesh", 4, "hindi", []string{"Indore", "Bhopal", "Jabalpur", "Gwalior"}},
	{"maharashtra", 10, "marathi", []string{"Mumbai", "Pune", "Nagpur", "Nashik", "Thane"}},
	{"manipur", 0.4, "manipuri", []string{"Imphal"}},
	{"meghalaya", 0.4, "khasi", []string{"Shillong", "Tura"}},
	{"mizoram", 0.3, "mizo", []string{"Aizawl", "Lunglei"}},
	{"nagaland", 0.3, "naga", []string{"Kohima", "Dimapur"}},
	{"odisha", 3, "odia", []string{"Bhubaneswar", "Cuttack", "Rourkela"}},
	{"punjab", 3, "punjabi", []string{"Ludhiana", "Amritsar", "Jalandhar", "Mohali"}},
	{"rajasthan", 4, "hindi", []string{"Jaipur", "Jodhpur", "Udaipur", "Kota"}},
	{"sikkim", 0.3, "sikkimese", []string{"Gangtok", "Namchi"}},
	{"tamil_nadu", 9, "tamil", []string{"Chennai", "Coimbatore", "Madurai", "Tiruchirappalli"}},
	{"telangana", 8, "telugu", []string{"Hyderabad", "Warangal", "Karimnagar"}},
	{"tripura", 0.4, "bengali", []string{"Agartala"}},
	{"uttar_pradesh", 10, "hindi", []string{"Lucknow", "Kanpur", "Noida", "Varanasi", "Prayagraj"}},
	{"uttarakhand", 1.5, "hindi", []string{"Dehradun", "Roorkee", "Haldwani"}},
	{"west_bengal", 6, "bengali", []string{"Kolkata", "Durgapur", "Siliguri", "Kharagpur"}},
	{"andaman_nicobar", 0.1, "bengali", []string{"Sri Vijaya Puram"}},
	{"chandigarh", 0.7, "punjabi", []string{"Chandigarh"}},
	{"dadra_nagar_haveli_daman_diu", 0.15, "gujarati", []string{"Daman", "Silvassa", "Diu"}},
	{"delhi", 6, "hindi", []string{"New Delhi", "Delhi"}},
	{"jammu_kashmir", 1, "kashmiri", []string{"Srinagar", "Jammu"}},
	{"ladakh", 0.1, "ladakhi", []string{"Leh", "Kargil"}},
	{"lakshadweep", 0.05, "malayalam", []string{"Kavaratti"}},
	{"puducherry", 0.5, "tamil", []string{"Puducherry", "Karaikal"}},
}

// stateTable draws a candidate's home state.
var stateTable = func() table[indianState] {
	cs := make([]choice[indianState], len(indianStates))
	for i, s := range indianStates {
		cs[i] = choice[indianState]{s, s.weight}
	}
	return newTable(cs...)
}()

// prefecture is a Japanese prefecture with its Japanese and English names and
// how many host organisations are there.
type prefecture struct {
	slug   string
	ja, en string
	weight float64
}

// prefectures covers talent.Prefectures in JIS order. Tokyo dominates, then
// the other big metropolitan and university areas; every prefecture can occur.
var prefectures = []prefecture{
	{"hokkaido", "北海道", "Hokkaido", 3}, {"aomori", "青森県", "Aomori", 0.4}, {"iwate", "岩手県", "Iwate", 0.4},
	{"miyagi", "宮城県", "Miyagi", 3}, {"akita", "秋田県", "Akita", 0.4}, {"yamagata", "山形県", "Yamagata", 0.4},
	{"fukushima", "福島県", "Fukushima", 0.5}, {"ibaraki", "茨城県", "Ibaraki", 4}, {"tochigi", "栃木県", "Tochigi", 0.5},
	{"gunma", "群馬県", "Gunma", 0.5}, {"saitama", "埼玉県", "Saitama", 2}, {"chiba", "千葉県", "Chiba", 2.5},
	{"tokyo", "東京都", "Tokyo", 30}, {"kanagawa", "神奈川県", "Kanagawa", 8}, {"niigata", "新潟県", "Niigata", 0.8},
	{"toyama", "富山県", "Toyama", 0.5}, {"ishikawa", "石川県", "Ishikawa", 1}, {"fukui", "福井県", "Fukui", 0.4},
	{"yamanashi", "山梨県", "Yamanashi", 0.4}, {"nagano", "長野県", "Nagano", 0.8}, {"gifu", "岐阜県", "Gifu", 0.5},
	{"shizuoka", "静岡県", "Shizuoka", 1.5}, {"aichi", "愛知県", "Aichi", 5}, {"mie", "三重県", "Mie", 0.5},
	{"shiga", "滋賀県", "Shiga", 0.6}, {"kyoto", "京都府", "Kyoto", 5}, {"osaka", "大阪府", "Osaka", 8},
	{"hyogo", "兵庫県", "Hyogo", 3}, {"nara", "奈良県", "Nara", 1}, {"wakayama", "和歌山県", "Wakayama", 0.4},
	{"tottori", "鳥取県", "Tottori", 0.3}, {"shimane", "島根県", "Shimane", 0.3}, {"okayama", "岡山県", "Okayama", 0.6},
	{"hiroshima", "広島県", "Hiroshima", 1.5}, {"yamaguchi", "山口県", "Yamaguchi", 0.4}, {"tokushima", "徳島県", "Tokushima", 0.3},
	{"kagawa", "香川県", "Kagawa", 0.4}, {"ehime", "愛媛県", "Ehime", 0.4}, {"kochi", "高知県", "Kochi", 0.3},
	{"fukuoka", "福岡県", "Fukuoka", 4}, {"saga", "佐賀県", "Saga", 0.3}, {"nagasaki", "長崎県", "Nagasaki", 0.4},
	{"kumamoto", "熊本県", "Kumamoto", 0.8}, {"oita", "大分県", "Oita", 0.4}, {"miyazaki", "宮崎県", "Miyazaki", 0.3},
	{"kagoshima", "鹿児島県", "Kagoshima", 0.4}, {"okinawa", "沖縄県", "Okinawa", 1},
}

// prefectureTable draws where an organisation or role is.
var prefectureTable = func() table[prefecture] {
	cs := make([]choice[prefecture], len(prefectures))
	for i, p := range prefectures {
		cs[i] = choice[prefecture]{p, p.weight}
	}
	return newTable(cs...)
}()

// prefectureBySlug finds a prefecture's names; every talent.Prefectures slug
// is present (a test checks).
var prefectureBySlug = func() map[string]prefecture {
	m := make(map[string]prefecture, len(prefectures))
	for _, p := range prefectures {
		m[p.slug] = p
	}
	return m
}()

// preferredPrefectures returns up to three distinct prefectures a candidate
// would like to work in (none for some).
func preferredPrefectures(r rng) []string {
	var out []string
	for range r.IntN(4) {
		out = uniqueAppend(out, prefectureTable.draw(r).slug)
	}
	return out
}
