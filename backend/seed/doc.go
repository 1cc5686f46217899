// Package seed generates realistic, fictional demo data for Setubashi:
// candidates from every Indian state with their education and AI skills,
// Japanese host organisations of every kind across the prefectures, bilingual
// internships, jobs and research posts, and applications through every stage
// up to placements and arrivals in Japan. The data depend only on Options, so
// the same seed gives the same data. No real people or companies appear:
// names are combined at random or coined, and every e-mail address and
// website is under an example.* domain.
package seed
