package main

type ValidationError struct{ Field string }

func (e *ValidationError) Error() string { return "invalid field " + e.Field }

func validate() {
	panic(&ValidationError{"email"})
}

func main() {
	validate()
}
