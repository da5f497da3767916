package main

import (
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	SKU   string
	Name  string
	Qty   int
	Price float64
}

type Inventory struct {
	items map[string]*Item
}

func NewInventory() *Inventory { return &Inventory{items: make(map[string]*Item)} }

func (inv *Inventory) Add(sku, name string, qty int, price float64) {
	if it, ok := inv.items[sku]; ok {
		it.Qty += qty
		return
	}
	inv.items[sku] = &Item{sku, name, qty, price}
}

func (inv *Inventory) Remove(sku string, qty int) error {
	it, ok := inv.items[sku]
	if !ok {
		return fmt.Errorf("unknown sku %s", sku)
	}
	if it.Qty < qty {
		return fmt.Errorf("only %d of %s left", it.Qty, it.Name)
	}
	it.Qty -= qty
	if it.Qty == 0 {
		delete(inv.items, sku)
	}
	return nil
}

func (inv *Inventory) Report() string {
	skus := make([]string, 0, len(inv.items))
	for s := range inv.items {
		skus = append(skus, s)
	}
	sort.Strings(skus)
	var b strings.Builder
	total := 0.0
	for _, s := range skus {
		it := inv.items[s]
		v := float64(it.Qty) * it.Price
		total += v
		fmt.Fprintf(&b, "%-6s %-10s %3d x %6.2f = %8.2f\n", it.SKU, it.Name, it.Qty, it.Price, v)
	}
	fmt.Fprintf(&b, "total value: %.2f", total)
	return b.String()
}

func main() {
	inv := NewInventory()
	inv.Add("A100", "widget", 10, 2.5)
	inv.Add("B200", "gadget", 3, 19.99)
	inv.Add("A100", "widget", 5, 2.5)
	inv.Add("C300", "doohickey", 1, 100)
	fmt.Println(inv.Remove("B200", 5))
	fmt.Println(inv.Remove("C300", 1))
	fmt.Println(inv.Remove("Z999", 1))
	fmt.Println(inv.Report())
}
