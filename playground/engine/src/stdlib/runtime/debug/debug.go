package debug
func Stack() []byte
