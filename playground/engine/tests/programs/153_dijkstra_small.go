package main

import "fmt"

type edge struct {
	to, w int
}

func dijkstra(adj [][]edge, src int) ([]int, []int) {
	const inf = 1 << 60
	dist := make([]int, len(adj))
	prev := make([]int, len(adj))
	done := make([]bool, len(adj))
	for i := range dist {
		dist[i], prev[i] = inf, -1
	}
	dist[src] = 0
	for range adj {
		u := -1
		for v := range adj {
			if !done[v] && (u == -1 || dist[v] < dist[u]) {
				u = v
			}
		}
		if dist[u] == inf {
			break
		}
		done[u] = true
		for _, e := range adj[u] {
			if nd := dist[u] + e.w; nd < dist[e.to] {
				dist[e.to], prev[e.to] = nd, u
			}
		}
	}
	return dist, prev
}

func path(prev []int, t int) []int {
	if t < 0 {
		return nil
	}
	return append(path(prev, prev[t]), t)
}

func main() {
	adj := [][]edge{
		{{1, 4}, {2, 1}},
		{{3, 1}},
		{{1, 2}, {3, 5}},
		{{4, 3}},
		{},
		{{0, 1}},
	}
	dist, prev := dijkstra(adj, 0)
	fmt.Println(dist[:5], dist[5] > 1000)
	fmt.Println(path(prev, 4))
}
