package seed

import (
	"slices"

	"github.com/setubashi/setubashi/backend/talent"
)

// mlFrameworks and tools are what most candidates list beside their
// specialism. With the specialisms' skills they make the generator's skill
// vocabulary: lowercase slugs for AI, machine learning, data and
// infrastructure work.
var (
	mlFrameworks = []string{"pytorch", "tensorflow", "scikit-learn", "numpy", "pandas", "deep-learning", "machine-learning", "jax"}
	tools        = []string{"git", "linux", "docker", "sql", "java", "c-plus-plus", "go", "aws", "gcp", "azure", "bayesian-methods"}
)

// phrase is a piece of text in the three languages Setubashi speaks.
type phrase struct{ en, ja, hi string }

// specialism is a field of AI work: how roles and profiles name it, what a
// role in it does, and the skills it needs (core) or likes (extra).
type specialism struct {
	area  phrase // as a title qualifier: "Computer Vision"
	topic phrase // inside a sentence: "computer vision"
	work  phrase // one sentence saying what the work is
	core  []string
	extra []string
}

var specialisms = []specialism{
	{
		area:  phrase{"Natural Language Processing", "自然言語処理", "प्राकृतिक भाषा प्रसंस्करण"},
		topic: phrase{"natural language processing", "自然言語処理", "प्राकृतिक भाषा प्रसंस्करण"},
		work: phrase{
			"You will build and evaluate language models for Japanese and English text, from data preparation to deployment.",
			"日本語・英語のテキストを対象に、データ整備から運用まで、言語モデルの構築と評価を担当していただきます。",
			"आप जापानी और अंग्रेज़ी पाठ के लिए भाषा मॉडल बनाएँगे और उनका मूल्यांकन करेंगे, डेटा तैयारी से लेकर तैनाती तक।"},
		core:  []string{"nlp", "transformers", "pytorch", "information-retrieval", "machine-translation"},
		extra: []string{"llm", "rag", "fine-tuning", "python"},
	},
	{
		area:  phrase{"Large Language Models", "大規模言語モデル", "बड़े भाषा मॉडल"},
		topic: phrase{"large language models", "大規模言語モデル", "बड़े भाषा मॉडल"},
		work: phrase{
			"You will pre-train, fine-tune and evaluate large language models and build retrieval-augmented applications on them.",
			"大規模言語モデルの事前学習・ファインチューニング・評価と、それを用いた検索拡張生成（RAG）アプリケーションの開発に取り組んでいただきます。",
			"आप बड़े भाषा मॉडलों की प्री-ट्रेनिंग, फ़ाइन-ट्यूनिंग और मूल्यांकन करेंगे और उन पर रिट्रीवल-ऑगमेंटेड एप्लिकेशन बनाएँगे।"},
		core:  []string{"llm", "transformers", "fine-tuning", "rag", "pytorch"},
		extra: []string{"distributed-training", "prompt-engineering", "cuda", "nlp"},
	},
	{
		area:  phrase{"Computer Vision", "コンピュータビジョン", "कंप्यूटर विज़न"},
		topic: phrase{"computer vision", "コンピュータビジョン", "कंप्यूटर विज़न"},
		work: phrase{
			"You will develop image and video recognition models, such as detection and segmentation, and bring them to production.",
			"物体検出やセグメンテーションなど、画像・映像認識モデルの開発と実用化を担当していただきます。",
			"आप ऑब्जेक्ट डिटेक्शन और सेगमेंटेशन जैसे छवि और वीडियो पहचान मॉडल विकसित करेंगे और उन्हें उत्पादन तक पहुँचाएँगे।"},
		core:  []string{"computer-vision", "object-detection", "image-segmentation", "opencv", "pytorch"},
		extra: []string{"3d-vision", "generative-models", "diffusion-models", "cuda"},
	},
	{
		area:  phrase{"Speech Recognition and Synthesis", "音声認識・音声合成", "वाक् पहचान और संश्लेषण"},
		topic: phrase{"speech recognition and synthesis", "音声認識・音声合成", "वाक् पहचान और संश्लेषण"},
		work: phrase{
			"You will improve speech recognition and text-to-speech for Japanese and Indian languages.",
			"日本語およびインドの諸言語を対象とした、音声認識・音声合成の精度向上に取り組んでいただきます。",
			"आप जापानी और भारतीय भाषाओं के लिए वाक् पहचान और टेक्स्ट-टू-स्पीच को बेहतर बनाएँगे।"},
		core:  []string{"speech-recognition", "speech-synthesis", "audio-signal-processing", "pytorch"},
		extra: []string{"transformers", "nlp", "cuda"},
	},
	{
		area:  phrase{"Robotics and Reinforcement Learning", "ロボティクス・強化学習", "रोबोटिक्स और रीइन्फ़ोर्समेंट लर्निंग"},
		topic: phrase{"robot learning", "ロボット学習", "रोबोट लर्निंग"},
		work: phrase{
			"You will design learning-based control for robots, from simulation to experiments on real hardware.",
			"シミュレーションから実機実験まで、ロボットの学習ベース制御の設計・開発を担当していただきます。",
			"आप सिमुलेशन से लेकर वास्तविक हार्डवेयर पर प्रयोगों तक, रोबोटों के लिए लर्निंग-आधारित नियंत्रण डिज़ाइन करेंगे।"},
		core:  []string{"reinforcement-learning", "robotics", "ros", "control-systems", "python"},
		extra: []string{"slam", "computer-vision", "c-plus-plus"},
	},
	{
		area:  phrase{"Autonomous Driving", "自動運転", "स्वायत्त ड्राइविंग"},
		topic: phrase{"autonomous driving", "自動運転", "स्वायत्त ड्राइविंग"},
		work: phrase{
			"You will work on perception and prediction models for automated driving using camera and LiDAR data.",
			"カメラやLiDARのデータを用いた、自動運転向けの認識・予測モデルの開発に携わっていただきます。",
			"आप कैमरा और LiDAR डेटा का उपयोग करके स्वचालित ड्राइविंग के लिए परसेप्शन और प्रेडिक्शन मॉडल पर काम करेंगे।"},
		core:  []string{"computer-vision", "3d-vision", "sensor-fusion", "object-detection", "c-plus-plus"},
		extra: []string{"ros", "slam", "pytorch", "cuda"},
	},
	{
		area:  phrase{"MLOps", "MLOps・機械学習基盤", "एमएलऑप्स"},
		topic: phrase{"machine learning platforms", "機械学習基盤", "मशीन लर्निंग प्लेटफ़ॉर्म"},
		work: phrase{
			"You will build the platform our researchers train and serve models on: pipelines, GPU clusters and monitoring.",
			"学習パイプライン、GPUクラスタ、モニタリングなど、研究者がモデルを学習・提供するための基盤を構築していただきます。",
			"आप वह प्लेटफ़ॉर्म बनाएँगे जिस पर हमारे शोधकर्ता मॉडल ट्रेन और सर्व करते हैं: पाइपलाइन, GPU क्लस्टर और मॉनिटरिंग।"},
		core:  []string{"mlops", "kubernetes", "docker", "mlflow", "python"},
		extra: []string{"terraform", "aws", "gcp", "kubeflow", "go"},
	},
	{
		area:  phrase{"Data Engineering", "データエンジニアリング", "डेटा इंजीनियरिंग"},
		topic: phrase{"data engineering", "データエンジニアリング", "डेटा इंजीनियरिंग"},
		work: phrase{
			"You will design the data pipelines and warehouses that feed our analytics and machine learning.",
			"分析と機械学習を支えるデータパイプラインとデータ基盤の設計・構築を担当していただきます。",
			"आप ऐसी डेटा पाइपलाइन और वेयरहाउस डिज़ाइन करेंगे जो हमारे विश्लेषण और मशीन लर्निंग को डेटा देते हैं।"},
		core:  []string{"data-engineering", "sql", "spark", "airflow", "python"},
		extra: []string{"kafka", "dbt", "bigquery", "scala", "aws"},
	},
	{
		area:  phrase{"Data Science", "データサイエンス", "डेटा साइंस"},
		topic: phrase{"data science", "データサイエンス", "डेटा साइंस"},
		work: phrase{
			"You will turn business data into forecasts and decisions, through experiments and clear communication.",
			"需要予測や施策の効果検証など、ビジネスデータを活用した分析とモデル開発を担当していただきます。",
			"आप प्रयोगों और स्पष्ट संवाद के ज़रिए व्यावसायिक डेटा को पूर्वानुमानों और निर्णयों में बदलेंगे।"},
		core:  []string{"statistics", "machine-learning", "sql", "pandas", "python"},
		extra: []string{"time-series", "causal-inference", "a-b-testing", "data-visualization", "r"},
	},
	{
		area:  phrase{"Recommender Systems", "推薦システム", "अनुशंसा प्रणाली"},
		topic: phrase{"recommender systems", "推薦システム", "अनुशंसा प्रणालियों"},
		work: phrase{
			"You will improve ranking and recommendation for millions of users.",
			"数百万人規模のユーザーに向けた、ランキング・推薦アルゴリズムの改善に取り組んでいただきます。",
			"आप लाखों उपयोगकर्ताओं के लिए रैंकिंग और अनुशंसा को बेहतर बनाएँगे।"},
		core:  []string{"recommender-systems", "machine-learning", "python", "sql"},
		extra: []string{"graph-neural-networks", "spark", "a-b-testing", "tensorflow"},
	},
	{
		area:  phrase{"AI for Healthcare", "医療AI", "स्वास्थ्य सेवा के लिए एआई"},
		topic: phrase{"medical AI", "医療AI", "चिकित्सा एआई"},
		work: phrase{
			"You will develop models for medical imaging and clinical data together with our hospital partners.",
			"医療機関と連携し、医用画像や臨床データを対象としたモデルの開発に取り組んでいただきます。",
			"आप हमारे अस्पताल साझेदारों के साथ मिलकर मेडिकल इमेजिंग और क्लिनिकल डेटा के लिए मॉडल विकसित करेंगे।"},
		core:  []string{"medical-imaging", "deep-learning", "pytorch", "computer-vision"},
		extra: []string{"bioinformatics", "statistics", "image-segmentation"},
	},
	{
		area:  phrase{"High-Performance Computing", "高性能計算・GPU最適化", "हाई-परफ़ॉर्मेंस कंप्यूटिंग"},
		topic: phrase{"high-performance computing", "高性能計算", "हाई-परफ़ॉर्मेंस कंप्यूटिंग"},
		work: phrase{
			"You will make training and inference faster on large GPU clusters, from kernels to distributed training.",
			"カーネル最適化から分散学習まで、大規模GPUクラスタ上での学習・推論の高速化に取り組んでいただきます。",
			"आप कर्नेल से लेकर डिस्ट्रिब्यूटेड ट्रेनिंग तक, बड़े GPU क्लस्टरों पर ट्रेनिंग और इन्फ़रेंस को तेज़ बनाएँगे।"},
		core:  []string{"cuda", "high-performance-computing", "distributed-training", "c-plus-plus"},
		extra: []string{"mpi", "pytorch", "jax", "rust"},
	},
}

// candidateSkills returns a candidate's skills: mostly python, a framework or
// two, most of one specialism (and some of another), and a few tools, with
// higher proficiency in what they specialise in.
func candidateSkills(r rng, main, second *specialism) []talent.SkillLevel {
	var out []talent.SkillLevel
	add := func(lo, hi int, slugs ...string) {
		for _, s := range slugs {
			if !slices.ContainsFunc(out, func(l talent.SkillLevel) bool { return l.Skill == s }) {
				out = append(out, talent.SkillLevel{Skill: s, Proficiency: r.between(lo, hi)})
			}
		}
	}
	if r.chance(0.9) {
		add(3, 5, "python")
	}
	add(2, 4, pickSome(r, mlFrameworks, r.between(1, 3))...)
	add(2, 5, pickSome(r, main.core, r.between(2, len(main.core)))...)
	add(1, 4, pickSome(r, main.extra, r.IntN(3))...)
	if second != nil {
		add(1, 3, pickSome(r, second.core, r.between(1, 2))...)
	}
	add(1, 4, pickSome(r, tools, r.IntN(3))...)
	return out
}
