// Package talent holds Setubashi's domain: the types candidates, organisations,
// roles, applications and placements are made of, their validation rules, the
// kinds of error a caller can meet, and the services that enforce who may read
// or change what. It imports neither gin nor GORM: storage is reached through
// the Store interface declared here and implemented by package store.
package talent
