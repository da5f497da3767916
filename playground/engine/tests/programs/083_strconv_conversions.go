package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-45), strconv.Itoa(0)+"!")
	n, err := strconv.Atoi("123")
	fmt.Println(n, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	_, err = strconv.Atoi("")
	fmt.Println(err)
	i64, err := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(i64, err)
	_, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(err)
	b, err := strconv.ParseInt("1010", 2, 0)
	fmt.Println(b, err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36))
	fmt.Println(strconv.Quote("hi\n\"there\""), strconv.Quote("é\x01"))
	u, err := strconv.ParseUint("42", 10, 64)
	fmt.Println(u, err)
	bl, err := strconv.ParseBool("true")
	fmt.Println(bl, err, strconv.FormatBool(false))
	f, err := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(f, err)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func)
	}
	_, err = strconv.ParseInt("x", 10, 64)
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
}
