package main

import (
	"fmt"
	"net/http"
	"io"
)

func main() {

	url := "https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv"
	method := "GET"

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, nil)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Accept", "text/csv")
	req.Header.Add("X-API-Key", "{{apiKey}}")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
