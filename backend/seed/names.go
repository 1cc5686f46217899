package seed

// Name parts for fictional people and organisations. People are common given
// and family names combined at random; organisations are coined names that
// are not meant to match any real company or institution.

// namePool is the given and family names of one language or region of India.
type namePool struct {
	given, family []string
}

// namePools are keyed by the names field of indianStates.
var namePools = map[string]namePool{
	"hindi": {
		given: []string{"Aarav", "Vivaan", "Aditya", "Ananya", "Diya", "Ishaan", "Kavya", "Rohan", "Saanvi", "Arjun", "Neha",
			"Pooja", "Rahul", "Shreya", "Vikram", "Aditi", "Kunal", "Nikhil", "Priya", "Siddharth", "Tanvi", "Akash", "Ritika", "Yash"},
		family: []string{"Sharma", "Verma", "Gupta", "Singh", "Yadav", "Mishra", "Pandey", "Tiwari", "Srivastava", "Chauhan",
			"Agarwal", "Saxena", "Dubey", "Tripathi", "Kumar", "Jain", "Rathore", "Meena", "Chaudhary", "Bansal"},
	},
	"punjabi": {
		given:  []string{"Harpreet", "Gurpreet", "Simran", "Jasleen", "Manpreet", "Arshdeep", "Navjot", "Amanpreet", "Karan", "Rhea"},
		family: []string{"Gill", "Sandhu", "Dhillon", "Sidhu", "Grewal", "Bajwa", "Brar", "Malhotra", "Kapoor", "Khanna", "Sethi", "Arora"},
	},
	"marathi": {
		given:  []string{"Omkar", "Sakshi", "Pranav", "Gauri", "Tejas", "Shruti", "Rutuja", "Sahil", "Mrunal", "Aniket", "Vaishnavi", "Aditya"},
		family: []string{"Patil", "Deshmukh", "Joshi", "Kulkarni", "Pawar", "Jadhav", "Shinde", "Gokhale", "Deshpande", "Bhosale", "Naik", "Kamat"},
	},
	"gujarati": {
		given:  []string{"Dhruv", "Hetal", "Parth", "Krupa", "Jay", "Nidhi", "Harsh", "Riddhi", "Chirag", "Bhavya"},
		family: []string{"Patel", "Shah", "Mehta", "Desai", "Parikh", "Trivedi", "Bhatt", "Vyas", "Thakkar", "Panchal"},
	},
	"bengali": {
		given:  []string{"Arnab", "Sourav", "Riya", "Debjani", "Sayan", "Tanmoy", "Moumita", "Abhishek", "Payel", "Rupam", "Srijita", "Ananya"},
		family: []string{"Chatterjee", "Banerjee", "Mukherjee", "Ghosh", "Bose", "Das", "Sen", "Dutta", "Roy", "Chakraborty", "Sarkar", "Majumdar"},
	},
	"odia": {
		given:  []string{"Subhashree", "Debasish", "Smruti", "Sibasis", "Lipsa", "Pritam", "Sasmita", "Ashutosh"},
		family: []string{"Mohanty", "Patnaik", "Mishra", "Sahoo", "Panda", "Nayak", "Behera", "Rath", "Dash", "Swain"},
	},
	"assamese": {
		given:  []string{"Bikash", "Pranjal", "Jyotishmita", "Rituraj", "Dikshita", "Hrishikesh", "Parismita", "Bhaskar"},
		family: []string{"Baruah", "Bora", "Gogoi", "Saikia", "Hazarika", "Kalita", "Deka", "Phukan"},
	},
	"tamil": {
		given: []string{"Arun", "Karthik", "Divya", "Priyanka", "Vignesh", "Lakshmi", "Saravanan", "Nandhini", "Harish",
			"Keerthana", "Dinesh", "Janani"},
		family: []string{"Raman", "Krishnan", "Subramanian", "Iyer", "Venkatesan", "Natarajan", "Sundaram", "Rajendran",
			"Murugan", "Balasubramanian", "Ramasamy", "Srinivasan"},
	},
	"telugu": {
		given:  []string{"Sai", "Venkat", "Sravani", "Harika", "Teja", "Bhavana", "Srikanth", "Lavanya", "Charan", "Mounika", "Pavan", "Sahithi"},
		family: []string{"Reddy", "Rao", "Naidu", "Chowdary", "Varma", "Raju", "Sastry", "Goud", "Prasad", "Kumar"},
	},
	"kannada": {
		given:  []string{"Rakshith", "Sneha", "Chethan", "Apoorva", "Manjunath", "Deepika", "Prajwal", "Ranjitha", "Kiran", "Shwetha"},
		family: []string{"Gowda", "Hegde", "Shetty", "Rao", "Bhat", "Kamath", "Nayak", "Acharya", "Prabhu", "Kulkarni"},
	},
	"malayalam": {
		given:  []string{"Anand", "Aswathy", "Arjun", "Nimisha", "Vishnu", "Gopika", "Jithin", "Athira", "Rahul", "Sreelakshmi", "Abhijith", "Meera"},
		family: []string{"Nair", "Menon", "Pillai", "Kurup", "Varghese", "Thomas", "Joseph", "Mathew", "Kurian", "Panicker", "Warrier"},
	},
	"kashmiri": {
		given:  []string{"Aamir", "Zainab", "Owais", "Iqra", "Rohan", "Shafia", "Faisal", "Mehak"},
		family: []string{"Bhat", "Dar", "Lone", "Kaul", "Wani", "Raina", "Mir", "Koul"},
	},
	"ladakhi": {
		given:  []string{"Stanzin", "Tsewang", "Padma", "Rigzin", "Dolma", "Jigmet"},
		family: []string{"Namgyal", "Dorjay", "Angmo", "Tundup", "Wangchuk", "Lhamo"},
	},
	"manipuri": {
		given:  []string{"Thoiba", "Bembem", "Tomba", "Sanatombi", "Ibomcha", "Linthoi"},
		family: []string{"Singh", "Ningthoujam", "Laishram", "Khumanthem", "Meitei", "Sorokhaibam"},
	},
	"khasi": {
		given:  []string{"Banri", "Iba", "Wanphai", "Daphi", "Kitboklang", "Ibanylla"},
		family: []string{"Lyngdoh", "Syiem", "Kharkongor", "Marak", "Sangma", "Nongrum"},
	},
	"mizo": {
		given:  []string{"Lalremruata", "Lalrinpuii", "Zothanmawia", "Vanlalhruaii", "Lalthlamuana", "Malsawmi"},
		family: []string{"Ralte", "Hmar", "Chhakchhuak", "Pachuau", "Khiangte", "Sailo"},
	},
	"naga": {
		given:  []string{"Temjen", "Akum", "Vilhousa", "Imtisunep", "Asenla", "Neikhrielie"},
		family: []string{"Ao", "Jamir", "Longkumer", "Sangtam", "Angami", "Kikon"},
	},
	"arunachal": {
		given:  []string{"Tage", "Nabam", "Yomgam", "Jumyir", "Tadar", "Yame"},
		family: []string{"Tatung", "Taba", "Riba", "Ete", "Perme", "Tayeng"},
	},
	"sikkimese": {
		given:  []string{"Pema", "Karma", "Tshering", "Anmol", "Diki", "Ongmu"},
		family: []string{"Bhutia", "Lepcha", "Rai", "Gurung", "Tamang", "Subba"},
	},
}

// japaneseName is a name part in kanji with its romanisation.
type japaneseName struct{ kanji, romaji string }

var japaneseFamilyNames = []japaneseName{
	{"佐藤", "Sato"}, {"鈴木", "Suzuki"}, {"高橋", "Takahashi"}, {"田中", "Tanaka"}, {"伊藤", "Ito"},
	{"渡辺", "Watanabe"}, {"山本", "Yamamoto"}, {"中村", "Nakamura"}, {"小林", "Kobayashi"}, {"加藤", "Kato"},
	{"吉田", "Yoshida"}, {"佐々木", "Sasaki"}, {"松本", "Matsumoto"}, {"井上", "Inoue"}, {"木村", "Kimura"},
	{"清水", "Shimizu"}, {"森", "Mori"}, {"池田", "Ikeda"}, {"橋本", "Hashimoto"}, {"石川", "Ishikawa"},
}

var japaneseGivenNames = []japaneseName{
	{"陽翔", "Haruto"}, {"蓮", "Ren"}, {"悠真", "Yuma"}, {"湊", "Minato"}, {"大翔", "Hiroto"},
	{"結衣", "Yui"}, {"陽菜", "Hina"}, {"美咲", "Misaki"}, {"葵", "Aoi"}, {"さくら", "Sakura"},
	{"健太", "Kenta"}, {"翔太", "Shota"}, {"直樹", "Naoki"}, {"恵", "Megumi"}, {"由美", "Yumi"},
	{"智子", "Tomoko"}, {"拓也", "Takuya"}, {"亮", "Ryo"}, {"真由美", "Mayumi"}, {"誠", "Makoto"},
}

// bilingual is a name or phrase in Japanese and English.
type bilingual struct{ ja, en string }

// orgNameParts says how names of one organisation kind are formed: a coined
// stem and a suffix, joined per language.
type orgNameParts struct {
	stems, suffixes []bilingual
	ja, en          func(stem, suffix string) string
}

// orgNames has the name parts of every kind in talent.OrganizationKinds.
var orgNames = map[string]orgNameParts{
	"startup": {
		stems: []bilingual{{"ミライ", "Mirai"}, {"アオバ", "Aoba"}, {"ソラ", "Sora"}, {"ハヤテ", "Hayate"}, {"ツムギ", "Tsumugi"},
			{"ヒカリ", "Hikari"}, {"コトバ", "Kotoba"}, {"カナタ", "Kanata"}, {"シズク", "Shizuku"}, {"ホシゾラ", "Hoshizora"},
			{"イロハ", "Iroha"}, {"ミナモ", "Minamo"}, {"アカツキ", "Akatsuki"}, {"ユメミ", "Yumemi"}, {"サクヤ", "Sakuya"},
			{"コモレビ", "Komorebi"}, {"ナギ", "Nagi"}, {"カザミ", "Kazami"}, {"アマネ", "Amane"}, {"ワカバ", "Wakaba"}},
		suffixes: []bilingual{{"知能", "Intelligence"}, {"AI", "AI"}, {"ラボ", "Labs"}, {"テクノロジーズ", "Technologies"},
			{"ロボティクス", "Robotics"}, {"データ", "Data"}, {"ビジョン", "Vision"}, {"アナリティクス", "Analytics"},
			{"ボイス", "Voice"}, {"ニューラル", "Neural"}, {"インサイト", "Insight"}, {"システムズ", "Systems"}},
		ja: func(stem, suffix string) string { return "株式会社" + stem + suffix },
		en: func(stem, suffix string) string { return stem + " " + suffix + " Inc." },
	},
	"company": {
		stems: []bilingual{{"翠嶺", "Suirei"}, {"蒼海", "Sokai"}, {"白峰", "Shiramine"}, {"紫雲", "Shiun"}, {"星見", "Hoshimi"},
			{"雪嶺", "Setsurei"}, {"碧波", "Hekiha"}, {"天翔", "Tensho"}, {"瑞光", "Zuiko"}, {"秋津", "Akitsu"},
			{"高嶺", "Takane"}, {"朝凪", "Asanagi"}, {"若竹", "Wakatake"}, {"東雲", "Shinonome"}, {"銀河", "Ginga"},
			{"紅葉", "Momiji"}, {"千早", "Chihaya"}, {"青嵐", "Seiran"}},
		suffixes: []bilingual{{"電機", "Electric"}, {"通信", "Telecom"}, {"自動車", "Motors"}, {"精機", "Precision Instruments"},
			{"重工業", "Heavy Industries"}, {"製作所", "Manufacturing"}, {"情報システム", "Information Systems"},
			{"半導体", "Semiconductor"}, {"メディカルシステムズ", "Medical Systems"}, {"ロボット工業", "Robot Industries"},
			{"化学", "Chemical"}, {"物流", "Logistics"}},
		ja: func(stem, suffix string) string { return stem + suffix + "株式会社" },
		en: func(stem, suffix string) string { return stem + " " + suffix + " Co., Ltd." },
	},
	"university": {
		stems: []bilingual{{"東都", "Toto"}, {"北陵", "Hokuryo"}, {"青葉台", "Aobadai"}, {"星ヶ丘", "Hoshigaoka"}, {"朝霧", "Asagiri"},
			{"白鷺", "Shirasagi"}, {"桜台", "Sakuradai"}, {"翠川", "Midorikawa"}, {"光陵", "Koryo"}, {"西海", "Saikai"},
			{"瑞穂台", "Mizuhodai"}, {"鶴見ヶ丘", "Tsurumigaoka"}, {"紫苑", "Shion"}, {"明星台", "Myojodai"}},
		suffixes: []bilingual{{"大学", "University"}, {"工科大学", "Institute of Technology"},
			{"科学技術大学", "University of Science and Technology"}, {"情報科学大学", "University of Information Sciences"},
			{"先端科学技術大学院大学", "Graduate University for Advanced Science and Technology"}},
		ja: func(stem, suffix string) string { return stem + suffix },
		en: func(stem, suffix string) string { return stem + " " + suffix },
	},
	"research_institute": {
		stems: []bilingual{{"東都", "Toto"}, {"北陵", "Hokuryo"}, {"湊川", "Minatogawa"}, {"暁", "Akatsuki"}, {"雲雀丘", "Hibarigaoka"},
			{"真砂", "Masago"}, {"白樺", "Shirakaba"}, {"常磐台", "Tokiwadai"}, {"弥生台", "Yayoidai"}, {"葉月", "Hazuki"},
			{"天城", "Amagi"}, {"霧島台", "Kirishimadai"}},
		suffixes: []bilingual{{"先端研究機構", "Institute for Advanced Research"}, {"人工知能研究所", "AI Research Institute"},
			{"情報科学研究センター", "Center for Information Science"}, {"知能システム研究所", "Institute of Intelligent Systems"},
			{"数理科学研究所", "Institute of Mathematical Sciences"}, {"ロボティクス研究開発機構", "Robotics R&D Organization"}},
		ja: func(stem, suffix string) string { return stem + suffix },
		en: func(stem, suffix string) string { return stem + " " + suffix },
	},
}
