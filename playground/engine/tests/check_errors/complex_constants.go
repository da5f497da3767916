package main

func main() {
	var f float64 = 2i
	var g float32 = 1 + 1e-300i
	var c64 complex64 = 1e39
	var c128 complex128 = 1e309i
	const bad = complex(1, 2i)
	const div = (1 + 1i) / (0i * 2)
	var n int = 1.5 + 0i
	var u uint8 = 256 + 0i
	_ = complex(float32(1), float64(2))
	var x = 2.5
	_ = complex(x, 1<<3.0)
	_, _, _, _, _, _ = f, g, c64, c128, n, u
}
