package main

fu@nc main() {
}
