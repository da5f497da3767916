package slices
