// A learner's type with MarshalJSON and UnmarshalJSON (value and pointer
// receivers), MarshalText map keys, and their errors.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1f°C"`, float64(c))), nil
}

type Level int

func (l *Level) UnmarshalJSON(b []byte) error {
	switch strings.Trim(string(b), `"`) {
	case "low":
		*l = 1
	case "high":
		*l = 3
	default:
		return fmt.Errorf("bad level %s", b)
	}
	return nil
}

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"", "low", "mid", "high"}[l])
}

type Color struct{ R, G, B uint8 }

func (c Color) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)), nil
}

func (c *Color) UnmarshalText(b []byte) error {
	n, err := strconv.ParseUint(strings.TrimPrefix(string(b), "#"), 16, 32)
	c.R, c.G, c.B = uint8(n>>16), uint8(n>>8), uint8(n)
	return err
}

type Broken struct{}

func (Broken) MarshalJSON() ([]byte, error) { return nil, errors.New("no way") }

type Invalid struct{}

func (Invalid) MarshalJSON() ([]byte, error) { return []byte(`{"a":}`), nil }

type Reading struct {
	Temp  Celsius          `json:"temp"`
	Level Level            `json:"level"`
	Tint  Color            `json:"tint"`
	Raw   json.RawMessage  `json:"raw"`
	Names map[Color]string `json:"names,omitempty"`
}

func main() {
	r := Reading{Temp: 21.55, Level: 3, Tint: Color{255, 128, 0}, Raw: json.RawMessage(`{"any": [1, 2]}`)}
	b, err := json.Marshal(r)
	fmt.Println(string(b), err)

	var back Reading
	err = json.Unmarshal([]byte(`{"level":"low","tint":"#0a0b0c","raw":  [true, {"x":1}] }`), &back)
	fmt.Println(err, back.Level, back.Tint, string(back.Raw))

	err = json.Unmarshal([]byte(`{"level":"medium"}`), &back)
	fmt.Printf("%T %v\n", err, err)

	_, err = json.Marshal(map[string]any{"b": Broken{}})
	fmt.Printf("%T %v\n", err, err)
	var me *json.MarshalerError
	fmt.Println(errors.As(err, &me), errors.Unwrap(err))

	_, err = json.Marshal([]Invalid{{}})
	fmt.Printf("%T %v\n", err, err)

	b, err = json.Marshal(map[Color]int{{1, 2, 3}: 1, {0, 0, 0}: 2})
	fmt.Println(string(b), err)

	var p *Celsius
	b, err = json.Marshal(p)
	fmt.Println(string(b), err)
	b, _ = json.Marshal([]*Celsius{nil, new(Celsius)})
	fmt.Println(string(b))
}
