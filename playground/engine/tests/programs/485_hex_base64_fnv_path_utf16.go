package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"os"
	"path"
	"unicode/utf16"
)

func main() {
	data := []byte("Hello, Gophers! \x00\xff")
	h := hex.EncodeToString(data)
	fmt.Println(h)
	back, err := hex.DecodeString(h)
	fmt.Println(string(back) == string(data), err)
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	fmt.Print(hex.Dump(data))
	d := hex.Dumper(os.Stdout)
	d.Write([]byte("abc"))
	d.Close()
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		s := enc.EncodeToString(data)
		b, err := enc.DecodeString(s)
		fmt.Println(s, string(b) == string(data), err)
	}
	_, err = base64.StdEncoding.DecodeString("a$==")
	fmt.Println(err)
	f := fnv.New32a()
	f.Write([]byte("hello"))
	fmt.Println(f.Sum32(), fmt.Sprintf("%x", f.Sum(nil)))
	g := fnv.New64()
	g.Write([]byte("hello"))
	fmt.Println(g.Sum64())
	h128 := fnv.New128a()
	h128.Write([]byte("x"))
	fmt.Printf("%x %d %d\n", h128.Sum(nil), h128.Size(), h128.BlockSize())
	fmt.Println(path.Join("a", "b/../c", "/d"), path.Clean("/../x//y/./z/.."), path.Base("/a/b.go"), path.Ext("f.tar.gz"), path.Dir("/a/b/c"), path.IsAbs("/x"))
	fmt.Println(path.Split("static/myfile.css"))
	fmt.Println(path.Match("*.go", "main.go"))
	fmt.Println(path.Match("[", "x"))
	u := utf16.Encode([]rune("a😀"))
	fmt.Println(u, string(utf16.Decode(u)), utf16.IsSurrogate(0xd800), utf16.RuneLen('😀'))
}
