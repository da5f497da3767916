package main

main() {
}
