package seed

import (
	"fmt"
	"strings"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/talent"
)

// positions are the posts of each role type, named in the three languages.
var positions = map[string][]phrase{
	"job": {
		{"Machine Learning Engineer", "機械学習エンジニア", "मशीन लर्निंग इंजीनियर"},
		{"Senior Machine Learning Engineer", "シニア機械学習エンジニア", "वरिष्ठ मशीन लर्निंग इंजीनियर"},
		{"Data Scientist", "データサイエンティスト", "डेटा साइंटिस्ट"},
		{"AI Research Engineer", "AIリサーチエンジニア", "एआई रिसर्च इंजीनियर"},
		{"Software Engineer", "ソフトウェアエンジニア", "सॉफ़्टवेयर इंजीनियर"},
		{"Applied Scientist", "アプライドサイエンティスト", "अप्लाइड साइंटिस्ट"},
	},
	"research": {
		{"Research Scientist", "研究員", "शोध वैज्ञानिक"},
		{"Project Researcher", "特任研究員", "परियोजना शोधकर्ता"},
		{"Postdoctoral Researcher", "博士研究員（ポスドク）", "पोस्टडॉक्टोरल शोधकर्ता"},
		{"Project Assistant Professor", "特任助教", "परियोजना सहायक प्रोफ़ेसर"},
		{"Visiting Researcher", "客員研究員", "अतिथि शोधकर्ता"},
	},
	"internship": {
		{"Research Intern", "研究インターン", "शोध इंटर्न"},
		{"Summer Intern", "サマーインターン", "समर इंटर्न"},
		{"Engineering Intern", "エンジニアリングインターン", "इंजीनियरिंग इंटर्न"},
		{"Data Science Intern", "データサイエンスインターン", "डेटा साइंस इंटर्न"},
	},
}

// roleTitle names a post and its specialism: "Research Intern (Computer Vision)".
func roleTitle(pos phrase, spec *specialism) phrase {
	return phrase{
		en: pos.en + " (" + spec.area.en + ")",
		ja: pos.ja + "（" + spec.area.ja + "）",
		hi: pos.hi + " (" + spec.area.hi + ")",
	}
}

// roleDescription writes a role's description in the three languages from
// its facts: who is hiring, the work, the skills and Japanese it needs, pay,
// place, start and visa support.
func roleDescription(r talent.Role, org talent.Organization, pos phrase, spec *specialism) phrase {
	pref := prefectureBySlug[r.Prefecture]
	return phrase{
		en: paragraphs(
			sprintfIntro(introEN, org.Kind, org.NameEN, pref.en, spec.topic.en, article(pos.en)+" "+pos.en)+" "+spec.work.en,
			skillsText(r, "Required: %s.", " Nice to have: %s.", ", ")+" "+japaneseText(r, japaneseEN),
			payEN(r)+" "+fmt.Sprintf("Location: %s, Japan (%s).", pref.en, remoteText[r.Remote].en)+
				startText(r, func(d talent.Date) string { return " Start date: " + d.Time().Format("2 January 2006") + "." })+
				visaText(r, " We sponsor your visa and help with the move to Japan."),
		),
		ja: paragraphs(
			sprintfIntro(introJA, org.Kind, org.NameJA, pref.ja, spec.topic.ja, pos.ja)+spec.work.ja,
			skillsText(r, "必須スキル：%s。", "歓迎スキル：%s。", "、")+japaneseText(r, japaneseJA),
			payJA(r)+fmt.Sprintf("勤務地：%s（%s）。", pref.ja, remoteText[r.Remote].ja)+
				startText(r, func(d talent.Date) string { return "開始時期：" + i18n.FormatDate("ja", d.Time()) + "。" })+
				visaText(r, "在留資格の取得や来日時の手続きをサポートします。"),
		),
		hi: paragraphs(
			sprintfIntro(introHI, org.Kind, org.NameEN, pref.en, spec.topic.hi, pos.hi)+" "+spec.work.hi,
			skillsText(r, "आवश्यक कौशल: %s।", " वांछनीय कौशल: %s।", ", ")+" "+japaneseText(r, japaneseHI),
			payHI(r)+" "+fmt.Sprintf("स्थान: %s, जापान (%s)।", pref.en, remoteText[r.Remote].hi)+
				startText(r, func(d talent.Date) string {
					return " आरंभ तिथि: " + i18n.FormatDate("hi", d.Time()) + "।"
				})+
				visaText(r, " हम वीज़ा और जापान आने की प्रक्रिया में आपकी सहायता करते हैं।"),
		),
	}
}

// Introductions by organisation kind; the verbs take organisation,
// prefecture, topic and position in that order.
var (
	introEN = map[string]string{
		"startup":            "%[1]s is an AI startup in %[2]s building products on %[3]s. We are looking for %[4]s to join our small, fast-moving team.",
		"company":            "%[1]s is expanding its research and development in %[3]s and is looking for %[4]s at its site in %[2]s.",
		"university":         "A research group at %[1]s in %[2]s invites applications for %[4]s working on %[3]s.",
		"research_institute": "%[1]s in %[2]s invites applications for %[4]s in its %[3]s programme.",
	}
	introJA = map[string]string{
		"startup":            "%[1]sは、%[2]sを拠点に%[3]sを活用したプロダクトを開発するAIスタートアップです。少人数で機動的なチームの一員として、%[4]sを募集します。",
		"company":            "%[1]sでは、%[3]s分野の研究開発を強化しており、%[2]sの拠点で働く%[4]sを募集しています。",
		"university":         "%[1]s（%[2]s）の研究室では、%[3]sに関する研究に従事する%[4]sを公募します。",
		"research_institute": "%[1]s（%[2]s）では、%[3]s研究プログラムに参加する%[4]sを募集します。",
	}
	introHI = map[string]string{
		"startup":            "%[1]s, जापान के %[2]s में स्थित एक एआई स्टार्टअप है जो %[3]s पर आधारित उत्पाद बनाता है। हमें अपनी छोटी और फुर्तीली टीम के लिए एक %[4]s की तलाश है।",
		"company":            "%[1]s %[3]s के क्षेत्र में अपने अनुसंधान और विकास का विस्तार कर रहा है और %[2]s स्थित अपने केंद्र के लिए एक %[4]s की तलाश में है।",
		"university":         "%[1]s (%[2]s) का एक शोध समूह %[3]s पर काम करने के लिए %[4]s पद हेतु आवेदन आमंत्रित करता है।",
		"research_institute": "%[1]s (%[2]s) अपने %[3]s कार्यक्रम में %[4]s पद के लिए आवेदन आमंत्रित करता है।",
	}
)

func sprintfIntro(intros map[string]string, kind, org, pref, topic, pos string) string {
	return fmt.Sprintf(intros[kind], org, pref, topic, pos)
}

// remoteText says how a role's talent.RemoteOptions value works.
var remoteText = map[string]phrase{
	"onsite": {"on site", "出社勤務", "कार्यालय से"},
	"hybrid": {"hybrid, two to three days a week in the office", "ハイブリッド勤務、週2〜3日出社", "हाइब्रिड, सप्ताह में दो-तीन दिन कार्यालय से"},
	"remote": {"fully remote", "フルリモート可", "पूरी तरह रिमोट"},
}

// Japanese requirement sentences: none, preferred (with a level), required.
var (
	japaneseEN = [3]string{"Japanese is not required; the team works in English.",
		"Japanese at JLPT %s or above is welcome but not required.", "Japanese at JLPT %s or above is required."}
	japaneseJA = [3]string{"日本語能力は問いません。チーム内の業務は英語で行います。",
		"日本語能力試験%s以上の日本語力があれば歓迎します（必須ではありません）。", "日本語能力試験%s以上の日本語力が必要です。"}
	japaneseHI = [3]string{"जापानी भाषा आवश्यक नहीं है; टीम अंग्रेज़ी में काम करती है।",
		"JLPT %s या उससे ऊपर की जापानी भाषा का ज्ञान लाभदायक होगा, पर अनिवार्य नहीं है।", "JLPT %s या उससे ऊपर की जापानी भाषा अनिवार्य है।"}
)

func japaneseText(r talent.Role, sentences [3]string) string {
	switch {
	case r.JapaneseLevel == "none":
		return sentences[0]
	case r.JapaneseMode == "required":
		return fmt.Sprintf(sentences[2], r.JapaneseLevel)
	default:
		return fmt.Sprintf(sentences[1], r.JapaneseLevel)
	}
}

func skillsText(r talent.Role, required, preferred, sep string) string {
	s := fmt.Sprintf(required, strings.Join(skillSlugs(r.RequiredSkills), sep))
	if len(r.PreferredSkills) > 0 {
		s += fmt.Sprintf(preferred, strings.Join(skillSlugs(r.PreferredSkills), sep))
	}
	return s
}

func skillSlugs(reqs []talent.SkillRequirement) []string {
	out := make([]string, len(reqs))
	for i, s := range reqs {
		out[i] = s.Skill
	}
	return out
}

func payEN(r talent.Role) string {
	switch {
	case r.StipendMonthlyJPY != nil && *r.StipendMonthlyJPY == 0:
		return fmt.Sprintf("The internship lasts %d months and is unpaid; we cover travel to Japan.", *r.DurationMonths)
	case r.StipendMonthlyJPY != nil:
		return fmt.Sprintf("The internship lasts %d months and pays a monthly stipend of ¥%s.", *r.DurationMonths, i18n.FormatInt("en", *r.StipendMonthlyJPY))
	case r.DurationMonths != nil:
		return fmt.Sprintf("This is a fixed-term post of %d months with an annual salary of ¥%s to ¥%s.", *r.DurationMonths,
			i18n.FormatInt("en", *r.SalaryMinJPY), i18n.FormatInt("en", *r.SalaryMaxJPY))
	default:
		return fmt.Sprintf("Annual salary: ¥%s to ¥%s, depending on experience.", i18n.FormatInt("en", *r.SalaryMinJPY), i18n.FormatInt("en", *r.SalaryMaxJPY))
	}
}

func payJA(r talent.Role) string {
	switch {
	case r.StipendMonthlyJPY != nil && *r.StipendMonthlyJPY == 0:
		return fmt.Sprintf("期間は%dか月、無給のインターンシップです（来日の渡航費は当方で負担します）。", *r.DurationMonths)
	case r.StipendMonthlyJPY != nil:
		return fmt.Sprintf("期間は%dか月で、月額%s円の手当を支給します。", *r.DurationMonths, i18n.FormatInt("en", *r.StipendMonthlyJPY))
	case r.DurationMonths != nil:
		return fmt.Sprintf("任期は%dか月、年俸は%s〜%sです。", *r.DurationMonths, manYen(*r.SalaryMinJPY), manYen(*r.SalaryMaxJPY))
	default:
		return fmt.Sprintf("年収：%s〜%s（経験・能力を考慮のうえ決定）。", manYen(*r.SalaryMinJPY), manYen(*r.SalaryMaxJPY))
	}
}

func payHI(r talent.Role) string {
	switch {
	case r.StipendMonthlyJPY != nil && *r.StipendMonthlyJPY == 0:
		return fmt.Sprintf("इंटर्नशिप %d महीने की है और अवैतनिक है; जापान की यात्रा का ख़र्च हम उठाते हैं।", *r.DurationMonths)
	case r.StipendMonthlyJPY != nil:
		return fmt.Sprintf("इंटर्नशिप %d महीने की है, जिसमें ¥%s का मासिक वजीफ़ा मिलता है।", *r.DurationMonths, i18n.FormatInt("hi", *r.StipendMonthlyJPY))
	case r.DurationMonths != nil:
		return fmt.Sprintf("यह %d महीने का निश्चित अवधि का पद है, जिसका वार्षिक वेतन ¥%s से ¥%s है।", *r.DurationMonths,
			i18n.FormatInt("hi", *r.SalaryMinJPY), i18n.FormatInt("hi", *r.SalaryMaxJPY))
	default:
		return fmt.Sprintf("वार्षिक वेतन: ¥%s से ¥%s, अनुभव के अनुसार।", i18n.FormatInt("hi", *r.SalaryMinJPY), i18n.FormatInt("hi", *r.SalaryMaxJPY))
	}
}

func startText(r talent.Role, format func(talent.Date) string) string {
	if r.StartDate == nil {
		return ""
	}
	return format(*r.StartDate)
}

func visaText(r talent.Role, sentence string) string {
	if !r.VisaSupport {
		return ""
	}
	return sentence
}

func paragraphs(ps ...string) string { return strings.Join(ps, "\n\n") }

// article returns "an" before a vowel sound and "a" otherwise.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("AEIOU", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// manYen writes a yen amount the Japanese way, in units of 10,000 (万円).
func manYen(n int64) string {
	if n%10_000 != 0 {
		return i18n.FormatInt("en", n) + "円"
	}
	return i18n.FormatInt("en", n/10_000) + "万円"
}

// Short texts candidates and organisations write on applications.
var (
	coverNotes = []string{
		"I have worked on similar problems for the last few years and would be glad to bring that experience to your team.",
		"My thesis was close to this topic, and I would love to continue the work in Japan.",
		"I am excited about this role and about living in Japan; I have started learning Japanese.",
		"I have followed your team's published work for a while and would be glad to contribute.",
	}
	rejectionReasons = []string{
		"We have decided to proceed with candidates whose experience matches the role more closely.",
		"The role needs more hands-on experience with production systems.",
		"Japanese at the level the team needs is required for this position.",
		"今回は他の候補者の方を選考させていただくことになりました。",
		"The position has been filled.",
	}
	// offerTexts and offerTextsJA are what an offer says, in English and Japanese.
	offerTexts = []string{
		"We are delighted to offer you this post. The terms are below; we look forward to welcoming you to our team in Japan.",
		"Thank you for the interviews. We would like you to join us on the terms below, and will support your visa application.",
		"Our team was impressed by your work. We offer you the post on these terms, with relocation support to Japan.",
	}
	offerTextsJA = []string{
		"このたびは選考にご参加いただきありがとうございました。以下の条件で内定をお知らせいたします。日本でお会いできることを楽しみにしております。",
		"面接では大変お世話になりました。以下の条件でぜひ当社にお迎えしたく、在留資格の申請も全面的に支援いたします。",
		"これまでのご研究を高く評価し、以下の条件でポストをご用意いたしました。来日にあたっての支援も行います。",
	}
	withdrawalReasons = []string{
		"I accepted another offer.",
		"My plans to move to Japan have changed.",
		"The start date does not fit my studies.",
		"",
	}
	moveNotes = map[talent.Stage][]string{
		talent.StageScreening: {"Profile looks relevant; starting screening.", "書類選考を開始します。", ""},
		talent.StageInterview: {"Invited to a technical interview.", "一次面接にお招きします。", ""},
		talent.StageOffer:     {"Offer sent after the final interview.", "最終面接を経て内定を通知しました。"},
		talent.StagePlaced:    {"Placement confirmed.", ""},
	}
)
